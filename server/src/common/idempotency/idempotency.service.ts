import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { plainTransaction, type PlainTransaction } from '../../database/plain-transaction.js';
import { AppError } from '../app-error.js';

export interface IdempotentRequest {
  alumnusId: string;
  /** The `Idempotency-Key` header; without it the work simply runs. */
  key: string | undefined;
  route: string;
  body: unknown;
}

export interface IdempotentResponse<T> {
  status: number;
  body: T;
}

/** A statement and its parameters ($1…). */
export interface Statement {
  sql: string;
  params: unknown[];
}

export interface IdempotentWork<T> extends IdempotentResponse<T> {
  /**
   * The transaction's last statement: a conditional claim on a contended row (a seat) takes
   * its lock there, so it holds it only until the commit. `before` is the statement storing
   * the answer (none without an `Idempotency-Key`), to be run in the same statement with
   * `precededBy` (one round trip instead of two). Throwing rolls the whole transaction back,
   * the stored answer with it.
   */
  lastStatement?: (manager: EntityManager, before: Statement | undefined) => Promise<void>;
}

/**
 * `statement` run after `before` in one statement: `before` (an INSERT, UPDATE or DELETE)
 * becomes a CTE, which PostgreSQL runs whether or not the rest reads it, and the statement's
 * placeholders move past `before`'s. Neither may carry `$n` inside a string literal.
 */
export function precededBy(before: Statement | undefined, statement: Statement): Statement {
  if (!before) return statement;
  const shift = before.params.length;
  return {
    sql: `WITH preceding AS (${before.sql}) ${statement.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + shift}`)}`,
    params: [...before.params, ...statement.params],
  };
}

/** What a plain-SQL work answers when the key's claim, folded into its first statement, inserted nothing. */
export const KEY_TAKEN = Symbol('the Idempotency-Key was used before');

export interface PlainIdempotentWork<T> extends IdempotentResponse<T> {
  /** As IdempotentWork's, on the plain transaction. */
  lastStatement?: (tx: PlainTransaction, before: Statement | undefined) => Promise<void>;
}

const KEY_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** JSON with sorted object keys, so the same body always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Runs a state change in one transaction together with its idempotency record. The record
 * is inserted first: a concurrent repeat blocks on the primary key until the first
 * transaction ends, then finds the stored answer (or, if the first rolled back, runs the
 * work itself). Failed requests store nothing, so a retry after an error runs again.
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(request: IdempotentRequest, work: (manager: EntityManager) => Promise<IdempotentWork<T>>): Promise<IdempotentResponse<T>> {
    const key = checkedKey(request);
    return this.dataSource.transaction(async (manager) => {
      if (key === undefined) return finish(manager, await work(manager), undefined);
      const { claim, requestHash } = claimOf(request, key);
      // Plain SQL: with the store below, the two statements every keyed write adds.
      const inserted = (await manager.query(claim.sql, claim.params)) as unknown[];
      if (inserted.length === 0) return replay<T>((sql, params) => manager.query(sql, params), request, key, requestHash);
      const response = await work(manager);
      return finish(manager, response, storeOf(request, key, response));
    });
  }

  /**
   * As `run`, in a plain transaction (`database/plain-transaction.ts`) for the hottest writes, and
   * one round trip fewer: `work` gets the key's claim (an INSERT, none without a key) to run first
   * in its first statement (`precededBy`), and answers KEY_TAKEN when that inserted nothing — the
   * key was used before, and the stored answer is given instead.
   */
  runPlain<T>(
    request: IdempotentRequest,
    work: (tx: PlainTransaction, claim: Statement | undefined) => Promise<PlainIdempotentWork<T> | typeof KEY_TAKEN>,
  ): Promise<IdempotentResponse<T>> {
    const key = checkedKey(request);
    return plainTransaction(this.dataSource, async (tx) => {
      const claimed = key === undefined ? undefined : claimOf(request, key);
      const response = await work(tx, claimed?.claim);
      if (response === KEY_TAKEN) {
        if (key === undefined || !claimed) throw new Error('KEY_TAKEN answered without an Idempotency-Key');
        return replay<T>((sql, params) => tx.rows(sql, params), request, key, claimed.requestHash);
      }
      const { lastStatement, ...answer } = response;
      const store = key === undefined ? undefined : storeOf(request, key, response);
      if (lastStatement) await lastStatement(tx, store);
      else if (store) await tx.rows(store.sql, store.params);
      return answer;
    });
  }
}

/** Refuses a malformed `Idempotency-Key` (400); answers the key. */
export function checkedKey({ key }: IdempotentRequest): string | undefined {
  if (key !== undefined && !KEY_PATTERN.test(key)) {
    throw new AppError('IDEMPOTENCY_KEY_INVALID', [{ field: 'Idempotency-Key', issue: 'must be 8–64 letters, digits, - or _' }]);
  }
  return key;
}

/** The record's insert, which a concurrent repeat blocks on until the first transaction ends; it returns a row only when it inserted. */
function claimOf(request: IdempotentRequest, key: string): { claim: Statement; requestHash: string } {
  const requestHash = createHash('sha256').update(canonical(request.body)).digest('hex');
  return {
    claim: {
      sql: `INSERT INTO idempotency_records (alumnus_id, key, route, request_hash) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING key`,
      params: [request.alumnusId, key, request.route, requestHash],
    },
    requestHash,
  };
}

function storeOf(request: IdempotentRequest, key: string, response: IdempotentResponse<unknown>): Statement {
  return {
    sql: 'UPDATE idempotency_records SET status_code = $4, response = $5::jsonb WHERE alumnus_id = $1 AND key = $2 AND route = $3',
    params: [request.alumnusId, key, request.route, response.status, JSON.stringify(response.body)],
  };
}

/**
 * Many keyed requests in one transaction (a batch of sign-ups, events/registrations.service.ts):
 * `claimsOf` their records' inserts in one statement, to run first as `runPlain`'s claim does,
 * answering a row (alumnus_id, key, route) for each key it claimed; a key it did not claim was
 * used before, and that request is answered as `runPlain` answers it. `storesOf` stores the
 * answers, `releasesOf` removes the claims of requests refused (a failed request stores nothing).
 */
export function claimsOf(requests: IdempotentRequest[]): Statement {
  return {
    sql: `INSERT INTO idempotency_records (alumnus_id, key, route, request_hash)
          SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])
          ON CONFLICT DO NOTHING RETURNING alumnus_id, key, route`,
    params: [
      requests.map((r) => r.alumnusId),
      requests.map((r) => r.key),
      requests.map((r) => r.route),
      requests.map((r) => claimOf(r, r.key!).requestHash),
    ],
  };
}

export function storesOf(answered: { request: IdempotentRequest; response: IdempotentResponse<unknown> }[]): Statement {
  return {
    sql: `UPDATE idempotency_records i SET status_code = u.status_code, response = u.response
            FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::jsonb[]) AS u (alumnus_id, key, route, status_code, response)
           WHERE i.alumnus_id = u.alumnus_id AND i.key = u.key AND i.route = u.route`,
    params: [
      answered.map((a) => a.request.alumnusId),
      answered.map((a) => a.request.key),
      answered.map((a) => a.request.route),
      answered.map((a) => a.response.status),
      answered.map((a) => JSON.stringify(a.response.body)),
    ],
  };
}

export function releasesOf(requests: IdempotentRequest[]): Statement {
  return {
    sql: `DELETE FROM idempotency_records i USING unnest($1::uuid[], $2::text[], $3::text[]) AS u (alumnus_id, key, route)
           WHERE i.alumnus_id = u.alumnus_id AND i.key = u.key AND i.route = u.route`,
    params: [requests.map((r) => r.alumnusId), requests.map((r) => r.key), requests.map((r) => r.route)],
  };
}

/** The answer stored under a key used before, if it was used with the same body. */
async function replay<T>(
  query: (sql: string, params: unknown[]) => Promise<unknown>,
  request: IdempotentRequest,
  key: string,
  requestHash: string,
): Promise<IdempotentResponse<T>> {
  const [stored] = (await query(
    'SELECT request_hash, status_code, response FROM idempotency_records WHERE alumnus_id = $1 AND key = $2 AND route = $3',
    [request.alumnusId, key, request.route],
  )) as { request_hash: string; status_code: number | null; response: unknown }[];
  if (!stored) throw new Error('the idempotency record its claim collided with is gone');
  if (stored.request_hash !== requestHash) {
    throw new AppError('IDEMPOTENCY_KEY_REUSED', [{ field: 'Idempotency-Key', issue: 'this key was used with another request body' }]);
  }
  return { status: stored.status_code!, body: stored.response as T };
}

/** Stores the answer (`store`) and runs the last statement, in one statement when there is one. */
async function finish<T>(
  manager: EntityManager,
  { lastStatement, ...response }: IdempotentWork<T>,
  store: Statement | undefined,
): Promise<IdempotentResponse<T>> {
  if (lastStatement) await lastStatement(manager, store);
  else if (store) await manager.query(store.sql, store.params);
  return response;
}
