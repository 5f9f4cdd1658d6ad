import { createHmac, randomUUID } from 'node:crypto';
import fc from 'fast-check';

/**
 * Generators of invalid and hostile requests for the bad-input property test
 * (src/bad-input.e2e-spec.ts), driven by the OpenAPI document's schemas. Every case carries
 * at least one definite violation, so the only right answers are 4xx; hostile but legal
 * values ride along in the rest of the request to reach deeper code.
 */

export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  allOf?: Schema[];
  oneOf?: Schema[];
  $ref?: string;
}

export interface Route {
  method: string;
  /** The OpenAPI path template, e.g. `/api/v1/groups/{id}/join`. */
  path: string;
  params: { name: string; in: 'path' | 'header'; schema: Schema }[];
  body: { kind: 'json'; schema: Schema } | { kind: 'multipart' } | null;
  isPublic: boolean;
  roles: string[];
  /** Sent as POST with `X-HTTP-Method-Override: PATCH` (the PATCH operation's `x-method-override`). */
  override?: 'PATCH';
}

/** What the generators need from the running app: real ids and a valid access token. */
export interface FuzzContext {
  token: string;
  /** A real id (or value) for a path parameter of a route, so requests reach validation. */
  pathValue(route: Route, param: string): string;
  /** Real ids for uuid fields that reference rows (departmentId, groupId, ...). */
  uuidFor(field: string): string | undefined;
}

/** One request, as raw as HTTP allows: the body is text, bytes or a form. */
export interface FuzzRequest {
  violation: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | { form: { name: string; data: string; fileName?: string; type?: string }[] };
}

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];

/** Every write route of the document, with what its parameters and body look like. */
export function writeRoutes(document: any): Route[] {
  const routes: Route[] = [];
  for (const [path, item] of Object.entries<any>(document.paths)) {
    for (const [method, operation] of Object.entries<any>(item)) {
      if (!WRITE_METHODS.includes(method)) continue;
      const content = operation.requestBody?.content ?? {};
      const body = content['application/json']
        ? { kind: 'json' as const, schema: content['application/json'].schema as Schema }
        : content['multipart/form-data']
          ? { kind: 'multipart' as const }
          : null;
      const route: Route = {
        method: method.toUpperCase(),
        path,
        params: (operation.parameters ?? []).filter((p: any) => p.in === 'path' || p.in === 'header'),
        body,
        isPublic: operation['x-public'] === true,
        roles: operation['x-roles'] ?? [],
      };
      routes.push(route);
      // WeChat's clients reach a PATCH operation as POST with the override header: fuzzed that way too.
      if (operation['x-method-override']) routes.push({ ...route, method: 'POST', override: 'PATCH' });
    }
  }
  return routes;
}

/** Every read (GET) route of the document, with its path parameters. */
export function readRoutes(document: any): Route[] {
  return Object.entries<any>(document.paths)
    .filter(([, item]) => item.get)
    .map(([path, item]) => ({
      method: 'GET',
      path,
      params: (item.get.parameters ?? []).filter((p: any) => p.in === 'path'),
      body: null,
      isPublic: item.get['x-public'] === true,
      roles: item.get['x-roles'] ?? [],
    }));
}

/** Follows `$ref` and the single-`allOf` wrapper Nest's swagger emits for nested DTOs. */
export function resolver(document: any): (schema: Schema) => Schema {
  const resolve = (schema: Schema): Schema => {
    if (schema.$ref) return resolve(document.components.schemas[schema.$ref.split('/').pop()!]);
    if (schema.allOf?.length === 1) return { ...resolve(schema.allOf[0]!), nullable: schema.nullable };
    return schema;
  };
  return resolve;
}

// --- hostile values -------------------------------------------------------------------

/** Text that is legal as a string but has broken real systems before. */
const HOSTILE_TEXTS = [
  "' OR '1'='1",
  "'; DROP TABLE alumni; --",
  '"; SELECT pg_sleep(10); --',
  '$$; COMMIT; $$',
  '\\',
  '%_%',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}${7*7}',
  '\u202Egnp.exe',
  '\u200B\u200C\u200D\uFEFF',
  'مرحبا بالعالم',
  '👨‍👩‍👧‍👦🏳️‍🌈',
  'e\u0301\u0301\u0301\u0301',
  '\uD800',
  'a\uDC00b',
  '𠀀𪚥',
  '\r\n\t\u0085\u2028\u2029',
  'null',
  'undefined',
  '__proto__',
  '0',
  '',
  ' ',
];

const hostileText = (maxLength = 200): fc.Arbitrary<string> =>
  fc
    .oneof(
      fc.constantFrom(...HOSTILE_TEXTS),
      fc.string({ unit: 'binary', maxLength: 40 }).map((s) => s.replace(/\0/g, '')),
    )
    .map((s) => s.slice(0, maxLength));

/** Values of each JSON type, to put where another type belongs. */
const VALUES_BY_TYPE: Record<string, unknown[]> = {
  string: ['1', 'true', '[]', '{}', '', "1' OR 1=1"],
  number: [0, -1, 1.5, 1e21, -0, 2 ** 53 + 1],
  boolean: [true, false],
  array: [[], [1], ['a', null], [{}]],
  object: [{}, { $gt: '' }, { toString: 'x' }, { length: 1 }],
  null: [null],
};

function wrongTypeValue(schema: Schema): fc.Arbitrary<unknown> {
  const type = schema.enum ? 'string' : (schema.type ?? 'object');
  const compatible = new Set([type, ...(schema.nullable ? ['null'] : []), ...(type === 'integer' ? ['number'] : [])]);
  const others = Object.entries(VALUES_BY_TYPE)
    .filter(([other]) => !compatible.has(other))
    .flatMap(([, values]) => values);
  return fc.constantFrom(...others);
}

/** A UUID whose row does not exist, is malformed, or smuggles something in. */
const BAD_IDS = [
  'not-a-uuid',
  '1',
  '-1',
  '0',
  '1.5',
  '99999999999999999999999999999',
  '1e400',
  'NaN',
  "1' OR '1'='1",
  '1;DROP TABLE groups',
  '00000000-0000-0000-0000-00000000000g',
  '00000000-0000-0000-0000-0000000000000',
  '{00000000-0000-0000-0000-000000000000}',
  '%00',
  'a%00b',
  '%E2%80%AE',
  '%C0%AF',
  '%FF%FE',
  '..%2F..%2Fadmin',
  '%2e%2e',
  'x'.repeat(2000),
  '[]',
  '__proto__',
  'constructor',
];

const badPathValue = (schema: Schema): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...BAD_IDS) },
    {
      weight: 1,
      arbitrary: schema.enum
        ? // Encoded: a raw trailing space at the end of a URL is stripped by the URL parser, so it would send a valid value.
          fc.constantFrom(...schema.enum.map((v) => `${String(v).toUpperCase()}`), 'approve%00', 'approve%20')
        : fc.string({ minLength: 1, maxLength: 30 }).map(encodeURIComponent),
    },
  );

/**
 * Numbers no field of this name may hold: beyond any range or safe integer for all; negative,
 * fractional or past the largest DTO limit (10^10 fen) for money; past int4 for counts.
 */
function badNumber(name: string, schema: Schema): fc.Arbitrary<unknown> {
  const money = /Fen$/.test(name);
  const count = /units|[yY]ear|capacity|Months|first|last/.test(name);
  const outOfRange = [
    ...(schema.minimum !== undefined ? [schema.minimum - 1, schema.minimum - 0.5] : []),
    ...(schema.maximum !== undefined ? [schema.maximum + 1, schema.maximum + 0.5] : []),
  ];
  return fc.constantFrom(
    2 ** 53 + 2,
    1e300,
    -1e300,
    ...(money ? [-1, 0.5, 1.005, 1e13] : []),
    ...(count ? [-1, 0.5, 2 ** 31, -(2 ** 31)] : []),
    ...outOfRange,
  );
}

/** Raw JSON text whose meaning is in doubt: JSON.parse takes the last duplicate. */
const rawNumberTexts = ['1e400', '-1e400', '1E+999999', '0x10', '01', 'NaN', 'Infinity', '1_000', '.5', '+1'];

/** A value nested `depth` levels deep, built without recursion. */
function nested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

// --- valid-looking bodies ---------------------------------------------------------------

/** A value the schema accepts at first glance, with hostile text in every string. */
function lookalike(schema: Schema, name: string, ctx: FuzzContext, resolve: (s: Schema) => Schema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  if (s.enum) return fc.constantFrom(...s.enum);
  switch (s.type) {
    case 'string':
      if (s.format === 'uuid') return fc.constant(ctx.uuidFor(name) ?? randomUUID());
      if (s.format === 'date-time') return fc.constantFrom('2031-05-02T02:00:00.000Z', '2031-05-02T06:00:00+08:00');
      if (/Url/.test(name)) return fc.constant('https://cdn.example.com/a.jpg');
      return hostileText(s.maxLength ?? 200);
    case 'number':
    case 'integer':
      return fc.integer({ min: s.minimum ?? 0, max: Math.min(s.maximum ?? 10_000, 10_000) });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 2 ? fc.constant([]) : fc.array(lookalike(s.items ?? {}, name, ctx, resolve, depth + 1), { maxLength: 3 });
    default:
      if (s.properties) return lookalikeObject(s, ctx, resolve, depth);
      if (typeof s.additionalProperties === 'object') {
        return fc.dictionary(hostileText(20), lookalike(s.additionalProperties, name, ctx, resolve, depth + 1), { maxKeys: 3 });
      }
      return fc.constant({});
  }
}

function lookalikeObject(schema: Schema, ctx: FuzzContext, resolve: (s: Schema) => Schema, depth = 0) {
  const properties = schema.properties ?? {};
  const record = Object.fromEntries(Object.entries(properties).map(([name, p]) => [name, lookalike(p, name, ctx, resolve, depth + 1)]));
  return fc.record(record, { requiredKeys: schema.required ?? [] }) as fc.Arbitrary<Record<string, unknown>>;
}

// --- the violations -------------------------------------------------------------------

type Body = FuzzRequest['body'];
interface Violation {
  violation: string;
  body?: Body;
  contentType?: string;
  headers?: Record<string, string>;
  withoutAuthorization?: boolean;
  path?: Record<string, string>;
  /** A query string that is itself the violation (instead of the harmless noise). */
  query?: string;
}

function withField(body: Record<string, unknown>, field: string, value: unknown): Record<string, unknown> {
  return { ...body, [field]: value };
}

const json = (value: unknown): string => JSON.stringify(value);

const PLACEHOLDER = '\uE000raw\uE000';

/** The body as JSON text with raw text (not a JSON value) in place of one field's value. */
function withRaw(body: Record<string, unknown>, field: string, text: string): string {
  return JSON.stringify(withField(body, field, PLACEHOLDER)).replace(JSON.stringify(PLACEHOLDER), () => text);
}

/** Field names no DTO should take from a client (those a DTO has are left out per route). */
const UNKNOWN_FIELDS = ['__proto__', 'constructor', 'id', 'alumnusId', 'status', 'raisedFen', 'roles', "x' OR 1=1", '\u0000', ''];

/** Violations inside a JSON body: each makes the body invalid whatever else it holds. */
function bodyViolations(schema: Schema, ctx: FuzzContext, resolve: (s: Schema) => Schema): fc.Arbitrary<Violation>[] {
  const s = resolve(schema);
  const base = lookalikeObject(s, ctx, resolve);
  const properties = Object.entries(s.properties ?? {}).map(([name, p]) => [name, resolve(p)] as const);
  const pick = <T>(list: readonly T[]) => fc.constantFrom(...list);
  const of = (filter: (p: Schema) => boolean) => properties.filter(([, p]) => filter(p));
  const strings = of((p) => p.type === 'string' && !p.enum);
  const bounded = of((p) => p.type === 'string' && p.maxLength !== undefined);
  const numbers = of((p) => p.type === 'number' || p.type === 'integer');
  const enums = of((p) => p.enum !== undefined);
  const formatted = of((p) => p.format === 'uuid' || p.format === 'date-time');
  const arrays = of((p) => p.type === 'array');
  const required = s.required ?? [];
  const list: fc.Arbitrary<Violation>[] = [
    fc.tuple(base, pick(UNKNOWN_FIELDS.filter((key) => !Object.hasOwn(s.properties ?? {}, key)))).map(([b, key]) => ({
      violation: `unknown field ${JSON.stringify(key)}`,
      body: json(b)
        .replace(/^\{/, `{${JSON.stringify(key)}:1,`)
        .replace(/,}$/, '}'),
    })),
    fc.constantFrom('[]', '[{}]', '"x"', '42', 'true', '"{}"').map((text) => ({ violation: 'body not an object', body: text })),
    fc
      .constantFrom(
        '{',
        '{"a":',
        '{a:1}',
        "{'a':1}",
        '{"a":1,}',
        '{"a":1}}',
        '{"a":"\u0001"}',
        '{"a":1} x',
        '\uFEFF{',
        '{"a":"\\ud800\\x"}',
      )
      .map((text) => ({ violation: 'malformed JSON', body: text })),
    fc
      .constantFrom(2, 1000, 10_000)
      .chain((depth) =>
        fc
          .constantFrom<'array' | 'object'>('array', 'object')
          .map((kind) => ({ violation: `nested ${depth} deep`, body: nested(depth, kind) })),
      ),
  ];
  if (properties.length > 0) {
    list.push(
      fc.tuple(base, pick(properties)).chain(([b, [name, p]]) =>
        wrongTypeValue(p).map((value) => ({
          violation: `${name}: wrong type ${JSON.stringify(value)}`,
          body: json(withField(b, name, value)),
        })),
      ),
      fc
        .tuple(base, pick(properties), fc.constantFrom(20, 5000), fc.constantFrom<'array' | 'object'>('array', 'object'))
        .map(([b, [name], depth, kind]) => ({
          violation: `${name}: nested ${depth} deep`,
          body: withRaw(b, name, nested(depth, kind)),
        })),
      fc.tuple(base, pick(properties), fc.constantFrom(...rawNumberTexts)).map(([b, [name], text]) => ({
        violation: `${name}: raw ${text}`,
        body: withRaw(b, name, text),
      })),
    );
  }
  if (required.length > 0) {
    list.push(
      fc.tuple(base, pick(required)).map(([b, name]) => {
        const { [name]: _dropped, ...rest } = b;
        return { violation: `${name}: missing`, body: json(rest) };
      }),
      fc.tuple(base, pick(required)).chain(([b, name]) =>
        wrongTypeValue(resolve(s.properties![name]!)).map((value) => ({
          violation: `${name}: duplicated key, last ${JSON.stringify(value)}`,
          body: withRaw(b, name, `${JSON.stringify(b[name])},${JSON.stringify(name)}:${JSON.stringify(value)}`),
        })),
      ),
    );
  }
  if (bounded.length > 0) {
    list.push(
      fc.tuple(base, pick(bounded), fc.constantFrom(1, 50, 1024 * 1024)).map(([b, [name, p], extra]) => ({
        violation: `${name}: ${p.maxLength! + extra} characters`,
        body: json(withField(b, name, '校'.repeat(p.maxLength! + extra))),
      })),
    );
  }
  if (strings.length > 0) {
    list.push(
      fc.tuple(base, pick(strings), fc.constantFrom('\u0000', 'a\u0000b', '\u0000'.repeat(10))).map(([b, [name], text]) => ({
        violation: `${name}: NUL byte`,
        body: json(withField(b, name, text)),
      })),
      fc.tuple(base, pick(strings)).map(([b, [name]]) => ({
        violation: `${name}: over 1 MB`,
        body: json(withField(b, name, 'x'.repeat(1024 * 1024 + 1))),
      })),
    );
  }
  if (numbers.length > 0) {
    list.push(
      fc
        .tuple(base, pick(numbers))
        .chain(([b, [name, p]]) =>
          badNumber(name, p).map((value) => ({ violation: `${name}: ${value}`, body: json(withField(b, name, value)) })),
        ),
    );
  }
  if (enums.length > 0) {
    list.push(
      fc.tuple(base, pick(enums)).chain(([b, [name, p]]) =>
        fc
          // Upper case leaves a Chinese value as it is: only values really outside the enum.
          .constantFrom(
            ...[`${p.enum![0]}\u200B`, String(p.enum![0]).toUpperCase(), ` ${p.enum![0]}`, "' OR 1=1", 'constructor'].filter(
              (value) => !p.enum!.includes(value),
            ),
          )
          .map((value) => ({ violation: `${name}: not in enum ${JSON.stringify(value)}`, body: json(withField(b, name, value)) })),
      ),
    );
  }
  if (formatted.length > 0) {
    list.push(
      fc.tuple(base, pick(formatted)).chain(([b, [name, p]]) =>
        fc
          .constantFrom(
            ...(p.format === 'uuid'
              ? BAD_IDS.filter((id) => !id.includes('%'))
              : [
                  'yesterday',
                  '2026-13-45T00:00:00Z',
                  '2026-02-30T00:00:00Z',
                  '+275760-09-13T00:00:00.001Z',
                  '-271821-04-20T00:00:00Z',
                  '0000-00-00',
                  '2026-11-28T25:00:00Z',
                ]),
          )
          .map((value) => ({
            violation: `${name}: bad ${p.format} ${JSON.stringify(value).slice(0, 40)}`,
            body: json(withField(b, name, value)),
          })),
      ),
    );
  }
  if (arrays.length > 0) {
    list.push(
      fc.tuple(base, pick(arrays), fc.constantFrom(10, 10_000)).map(([b, [name, p], size]) => ({
        violation: `${name}: ${size} items`,
        body: json(
          withField(
            b,
            name,
            Array.from({ length: size }, () => (resolve(p.items ?? {}).type === 'string' ? 'https://cdn.example.com/a.jpg' : 1)),
          ),
        ),
      })),
    );
  }
  return list;
}

/** Violations of a multipart upload: no file, the wrong field, or not a form at all. */
function multipartViolations(): fc.Arbitrary<Violation>[] {
  return [
    fc.constant({ violation: 'JSON instead of a form', body: '{"file":"AAAA"}' }),
    fc.constant({ violation: 'form without a file', body: { form: [{ name: 'note', data: "' OR 1=1" }] } }),
    fc.constantFrom('files', 'file\u0000', 'FILE', '').map((name) => ({
      violation: `file under field ${JSON.stringify(name)}`,
      body: { form: [{ name, data: 'GIF89a', fileName: 'a.gif', type: 'image/gif' }] },
    })),
    fc.constant({ violation: 'empty form', body: { form: [] } }),
    fc.constantFrom('multipart/form-data', 'multipart/form-data; boundary=', 'multipart/form-data; boundary=x').map((contentType) => ({
      violation: `broken form (${contentType})`,
      body: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n\u0089PNG',
      contentType,
    })),
  ];
}

function base64url(value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

/** An HS256 token signed with a key that is not ours. */
function forgedToken(claims: Record<string, unknown>, alg = 'HS256'): string {
  const head = `${base64url({ alg, typ: 'JWT' })}.${base64url(claims)}`;
  return alg === 'none' ? `${head}.` : `${head}.${createHmac('sha256', 'not-our-secret').update(head).digest('base64url')}`;
}

function authorizationViolations(ctx: FuzzContext): fc.Arbitrary<Violation> {
  const [head, payload, signature] = ctx.token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  const escalated = `${head}.${base64url({ ...claims, roles: ['alumnus', 'staff', 'admin'], sub: randomUUID() })}.${signature}`;
  const now = Math.floor(Date.now() / 1000);
  const values = [
    null,
    '',
    'Bearer',
    'Bearer ',
    'Bearer null',
    'bearer ' + ctx.token.slice(0, -2),
    `Bearer ${ctx.token.slice(0, -3)}AAA`,
    `Bearer ${escalated}`,
    `Bearer ${forgedToken({ ...claims, exp: now + 3600 })}`,
    `Bearer ${forgedToken({ ...claims, exp: now + 3600 }, 'none')}`,
    `Basic ${Buffer.from('admin:admin').toString('base64')}`,
    `Bearer ${'A'.repeat(4000)}`,
    `Bearer ${ctx.token} ${ctx.token}`,
    "Bearer ' OR 1=1 --",
    'Bearer \u00e9\u00e9\u00e9',
  ];
  return fc.constantFrom(...values).map((value) => ({
    violation: `Authorization ${value === null ? 'missing' : JSON.stringify(value.slice(0, 40))}`,
    ...(value === null ? { withoutAuthorization: true } : { headers: { authorization: value } }),
  }));
}

const IDEMPOTENCY_KEYS = [
  '',
  'short',
  'x'.repeat(65),
  'has spaces 12345',
  "'; DROP TABLE x;--",
  '\u00e9'.repeat(10),
  '../../../../etc',
  'a'.repeat(8000),
];

/** Query strings that nothing should choke on; write routes take none, so they are noise. */
const HOSTILE_QUERIES = [
  '',
  '',
  '?__proto__[admin]=1&constructor[prototype][x]=1',
  '?a=1&a=2&a[]=3',
  "?id=' OR 1=1",
  '?x=%00%E2%80%AE',
  `?q=${'%E6%A0%A1'.repeat(500)}`,
  '?limit=-1&cursor=%F0%9F%98%80',
];

/** Query strings that are not percent-encoded UTF-8: refused (400 MALFORMED_QUERY), never read as text. */
export const INVALID_QUERIES = ['?q=%ZZ', '?x=100%', '?q=%E6%A0', '?x=%00%ZZ%E0%A4%A', '?limit=-1&cursor=%F0%9F', '?q=%C0%AF'];

/** Charsets no parser of ours reads: the body must be refused (415), not read as UTF-8. */
const FOREIGN_CHARSETS = ['utf-16', 'UTF-16LE', 'iso-8859-1', 'gbk', '"utf-32"'];

/** Past Node's 16 KB for the request line and headers: 431 in the error body, from the HTTP layer. */
export const OVERSIZED = { query: `?q=${'a'.repeat(17 * 1024)}`, header: { 'x-padding': 'x'.repeat(17 * 1024) } };

/** Violations every request can carry, whatever its route: the request line and headers. */
export function requestLineViolations(): Violation[] {
  return [
    ...INVALID_QUERIES.map((query) => ({ violation: `query ${query}`, query })),
    { violation: 'URL over 16 KB', query: OVERSIZED.query },
    { violation: 'headers over 16 KB', headers: OVERSIZED.header },
  ];
}

/** A form carrying a JSON route's fields (and a file): a form is not JSON, whatever it holds. */
function formOf(body: unknown): Body {
  const fields = typeof body === 'object' && body !== null ? Object.entries(body) : [];
  return {
    form: [
      ...fields.map(([name, value]) => ({ name, data: typeof value === 'string' ? value : JSON.stringify(value) })),
      { name: 'file', data: 'GIF89a', fileName: 'a.gif', type: 'image/gif' },
    ],
  };
}

export function requestsFor(route: Route, ctx: FuzzContext, document: any): fc.Arbitrary<FuzzRequest> {
  const resolve = resolver(document);
  const pathParams = route.params.filter((p) => p.in === 'path');
  const baseBody: fc.Arbitrary<Body> =
    route.body?.kind === 'json'
      ? lookalikeObject(resolve(route.body.schema), ctx, resolve).map(json)
      : route.body?.kind === 'multipart'
        ? fc.constant({ form: [{ name: 'file', data: 'GIF89a\u0000\u0000', fileName: '../../a.gif', type: 'image/gif' }] })
        : fc.constant(undefined);

  // A form body is parsed (Nest registers the parser), so it only breaks routes that take a body.
  const foreignTypes = [
    'text/xml',
    'application/jsonp',
    'application/json; charset=utf-16',
    ...(route.body ? ['application/x-www-form-urlencoded'] : []),
  ];
  const violations: fc.Arbitrary<Violation>[] = [
    fc.constantFrom(...foreignTypes).map((contentType) => ({
      violation: `content type ${contentType}`,
      body: 'a=1&b=<x/>',
      contentType,
    })),
    fc.constant({
      violation: 'body over the size limit',
      body: JSON.stringify({ a: 'x'.repeat(1024 * 1024) }),
      contentType: 'application/json',
    }),
  ];
  violations.push(fc.constantFrom(...requestLineViolations()));
  if (route.body?.kind === 'json') {
    violations.push(...bodyViolations(route.body.schema, ctx, resolve));
    // A body the route would take, but not as JSON or not in UTF-8: refused, never read.
    const valid = lookalikeObject(resolve(route.body.schema), ctx, resolve);
    violations.push(
      valid.map((b) => ({ violation: 'a multipart form with the fields', body: formOf(b) })),
      fc.tuple(valid, fc.constantFrom(...FOREIGN_CHARSETS)).map(([b, charset]) => ({
        violation: `JSON in charset ${charset}`,
        body: json(b),
        contentType: `application/json; charset=${charset}`,
      })),
    );
  }
  if (route.body === null) {
    violations.push(
      fc.constantFrom<Violation>(
        { violation: 'a JSON body on a route that takes none', body: json({ note: '备注', force: true }) },
        { violation: 'a JSON array on a route that takes none', body: '[]' },
        { violation: 'a form on a route that takes none', body: formOf({ note: '备注' }) },
      ),
    );
  }
  if (route.body?.kind !== 'json')
    violations.push(
      fc
        .constantFrom('{', '{"a":1,}', '[', 'nul')
        .map((text) => ({ violation: 'malformed JSON', body: text, contentType: 'application/json' })),
    );
  if (route.body?.kind === 'multipart') violations.push(...multipartViolations());
  if (!route.isPublic) violations.push(authorizationViolations(ctx));
  for (const param of pathParams) {
    violations.push(
      badPathValue(param.schema).map((value) => ({ violation: `${param.name} = ${value.slice(0, 40)}`, path: { [param.name]: value } })),
    );
  }
  if (route.override) {
    violations.push(
      fc.constantFrom('DELETE', 'PUT', 'GET', 'PATCH, DELETE', '').map((method) => ({
        violation: `X-HTTP-Method-Override ${JSON.stringify(method)}`,
        headers: { 'x-http-method-override': method },
      })),
    );
  }
  if (route.params.some((p) => p.name.toLowerCase() === 'idempotency-key')) {
    violations.push(
      fc
        .constantFrom(...IDEMPOTENCY_KEYS)
        .map((key) => ({ violation: `Idempotency-Key ${JSON.stringify(key.slice(0, 20))}`, headers: { 'idempotency-key': key } })),
    );
  }

  return fc.tuple(fc.oneof(...violations), baseBody, fc.constantFrom(...HOSTILE_QUERIES)).map(([v, body, query]) => {
    const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => v.path?.[name] ?? encodeURIComponent(ctx.pathValue(route, name)));
    const chosenBody = v.body ?? body;
    const contentType = v.contentType ?? (typeof chosenBody === 'string' ? 'application/json' : undefined);
    const headers: Record<string, string> = {
      ...(route.override ? { 'x-http-method-override': route.override } : {}),
      ...(route.isPublic || v.withoutAuthorization ? {} : { authorization: `Bearer ${ctx.token}` }),
      ...(contentType ? { 'content-type': contentType } : {}),
      ...v.headers,
    };
    return { violation: v.violation, method: route.method, path: `${path}${v.query ?? query}`, headers, body: chosenBody };
  });
}

/** The request as fetch sends it. */
export function toRequestInit(request: FuzzRequest): RequestInit {
  const { body } = request;
  if (body === undefined || typeof body === 'string') return { method: request.method, headers: request.headers, body };
  const form = new FormData();
  for (const part of body.form) {
    if (part.fileName) form.append(part.name, new Blob([part.data], { type: part.type }), part.fileName);
    else form.append(part.name, part.data);
  }
  return { method: request.method, headers: request.headers, body: form };
}

// --- null in optional fields ------------------------------------------------------------

/** One optional body field set to `null`, the rest of the body left out. */
export interface NullCase {
  /** The field as the validation error names it, e.g. `visibility.avatar` or `items.0.note`. */
  field: string;
  /** Whether the document says the field may be null. */
  nullable: boolean;
  body: Record<string, unknown>;
}

/**
 * A case for every optional field of a JSON body schema, nested objects and arrays of objects
 * included (each reached through its parent, the rest left out).
 */
export function nullCases(schema: Schema, resolve: (s: Schema) => Schema, depth = 0): NullCase[] {
  const s = resolve(schema);
  const required = new Set(s.required ?? []);
  const cases: NullCase[] = [];
  for (const [name, property] of Object.entries(s.properties ?? {})) {
    const p = resolve(property);
    if (!required.has(name)) cases.push({ field: name, nullable: p.nullable === true, body: { [name]: null } });
    if (depth >= 3) continue;
    const item = p.type === 'array' && p.items ? resolve(p.items) : null;
    if (item?.properties) {
      for (const inner of nullCases(item, resolve, depth + 1))
        cases.push({ ...inner, field: `${name}.0.${inner.field}`, body: { [name]: [inner.body] } });
    } else if (p.properties) {
      for (const inner of nullCases(p, resolve, depth + 1))
        cases.push({ ...inner, field: `${name}.${inner.field}`, body: { [name]: inner.body } });
    }
  }
  return cases;
}
