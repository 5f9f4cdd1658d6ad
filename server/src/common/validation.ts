import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { ErrorDetail } from '@alumni/shared';
import { AppError } from './app-error.js';

type RuleStore = ReturnType<typeof getMetadataStorage>;
type ValidationMetadata = ReturnType<RuleStore['getTargetValidationMetadatas']>[number];

/**
 * class-validator looks a class's rules up on every validation, scanning every class in its
 * metadata store for the ones the class extends (`getTargetValidationMetadatas`, 4% of a
 * sign-up's CPU by itself: issue 17), then groups them by property. A class's rules are fixed
 * once its module is loaded, so both answers are kept per class and options; all are forgotten
 * whenever a rule is added (a class loaded later). Returns the store, for the tests.
 */
export function rememberRuleLookups(store: RuleStore = getMetadataStorage()): RuleStore {
  const marked = store as RuleStore & { rulesRemembered?: true };
  if (marked.rulesRemembered) return store;
  marked.rulesRemembered = true;
  let lookups = new Map<unknown, Map<string, ValidationMetadata[]>>();
  let grouped = new WeakMap<ValidationMetadata[], Record<string, ValidationMetadata[]>>();
  const lookUp = store.getTargetValidationMetadatas.bind(store);
  const group = store.groupByPropertyName.bind(store);
  const add = store.addValidationMetadata.bind(store);
  store.addValidationMetadata = (metadata) => {
    lookups = new Map();
    grouped = new WeakMap();
    add(metadata);
  };
  store.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}|${always}|${strictGroups}|${groups?.join('\u0000') ?? ''}`;
    let ofTarget = lookups.get(target);
    const known = ofTarget?.get(key);
    if (known) return known;
    const found = lookUp(target, schema, always, strictGroups, groups);
    if (!ofTarget) lookups.set(target, (ofTarget = new Map()));
    ofTarget.set(key, found);
    return found;
  };
  store.groupByPropertyName = (metadata) => {
    let byProperty = grouped.get(metadata);
    if (!byProperty) grouped.set(metadata, (byProperty = group(metadata)));
    return byProperty;
  };
  return store;
}

function flatten(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((issue) => ({ field, issue }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Deeper than any DTO goes; class-transformer's recursion overflows the stack near 5,000. */
const MAX_DEPTH = 32;

/** Half of a UTF-16 surrogate pair without its other half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Keys class-transformer skips without a word, so the whitelist never sees them. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The first place in a request value nested deeper than MAX_DEPTH, holding a NUL character
 * (which no text column can store), half a surrogate pair or a prototype key, or null. Checked before
 * class-transformer walks the value.
 */
function unsafeInput(value: unknown, field = '', depth = 0): ErrorDetail | null {
  if (typeof value === 'string') {
    if (value.includes('\0')) return { field, issue: 'must not contain a NUL character' };
    // JSON may escape half a surrogate pair (\ud800): not text, and validators that encode it (isEmail) throw.
    return LONE_SURROGATE.test(value) ? { field, issue: 'must be valid Unicode text (it holds half of a surrogate pair)' } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth === MAX_DEPTH) return { field, issue: `must not be nested more than ${MAX_DEPTH} levels deep` };
  for (const [key, child] of Object.entries(value)) {
    const path = field ? `${field}.${key}` : key;
    if (key.includes('\0')) return { field: path, issue: 'must not contain a NUL character' };
    if (PROTOTYPE_KEYS.has(key)) return { field: path, issue: 'is not an accepted field' };
    const found = unsafeInput(child, path, depth + 1);
    if (found) return found;
  }
  return null;
}

/** Query strings remembered per DTO class; the oldest is forgotten first. */
const MAX_REMEMBERED_QUERIES = 500;

class SafeValidationPipe extends ValidationPipe {
  /**
   * Valid query strings and what they became, per DTO class: validating the same query
   * again gives the same answer, and a page read a thousand times a second asks with the
   * same few (class-validator was ~5% of a cached read's CPU). Refused ones are not kept.
   */
  private readonly queries = new Map<unknown, Map<string, object>>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const unsafe = metadata.type === 'custom' ? null : unsafeInput(value);
    if (unsafe) throw new AppError('VALIDATION_FAILED', [unsafe]);
    if (metadata.type !== 'query' || !metadata.metatype || typeof value !== 'object' || value === null) {
      return super.transform(value, metadata);
    }
    const key = JSON.stringify(value);
    let known = this.queries.get(metadata.metatype);
    const remembered = known?.get(key);
    // A copy each time: a handler may change its query object.
    if (remembered) return Object.assign(Object.create(Object.getPrototypeOf(remembered) as object) as object, remembered);
    const result = (await super.transform(value, metadata)) as object;
    if (!known) this.queries.set(metadata.metatype, (known = new Map()));
    if (known.size >= MAX_REMEMBERED_QUERIES) known.delete(known.keys().next().value!);
    known.set(key, Object.assign(Object.create(Object.getPrototypeOf(result) as object) as object, result));
    return result;
  }
}

/**
 * The global pipe: unknown fields and bad values are a 400 that names each field; so are
 * values nested absurdly deep, text with NUL characters and prototype keys, before anything
 * walks them.
 */
export function createValidationPipe(): ValidationPipe {
  rememberRuleLookups();
  return new SafeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new AppError('VALIDATION_FAILED', flatten(errors)),
  });
}
