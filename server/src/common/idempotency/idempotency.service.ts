import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../app-error.js';
import { IdempotencyRecordEntity } from './idempotency-record.entity.js';

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

export interface IdempotentWork<T> extends IdempotentResponse<T> {
  /**
   * The transaction's last statement, run after the answer is stored: a conditional claim on
   * a contended row (a seat) takes its lock there, so it holds it only until the commit.
   * Throwing rolls the whole transaction back, the stored answer with it.
   */
  lastStatement?: (manager: EntityManager) => Promise<void>;
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
    const { key } = request;
    if (key !== undefined && !KEY_PATTERN.test(key)) {
      throw new AppError('IDEMPOTENCY_KEY_INVALID', [{ field: 'Idempotency-Key', issue: 'must be 8–64 letters, digits, - or _' }]);
    }
    return this.dataSource.transaction(async (manager) => {
      if (key === undefined) return finish(manager, await work(manager));
      const where = { alumnusId: request.alumnusId, key, route: request.route };
      const requestHash = createHash('sha256').update(canonical(request.body)).digest('hex');
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(IdempotencyRecordEntity)
        .values({ ...where, requestHash })
        .orIgnore()
        .returning(['key'])
        .execute();
      if (inserted.raw.length === 0) {
        const stored = await manager.findOneByOrFail(IdempotencyRecordEntity, where);
        if (stored.requestHash !== requestHash) {
          throw new AppError('IDEMPOTENCY_KEY_REUSED', [
            { field: 'Idempotency-Key', issue: 'this key was used with another request body' },
          ]);
        }
        return { status: stored.statusCode!, body: stored.response as T };
      }
      const response = await work(manager);
      await manager.update(IdempotencyRecordEntity, where, { statusCode: response.status, response: response.body as object });
      return finish(manager, response);
    });
  }
}

async function finish<T>(manager: EntityManager, { lastStatement, ...response }: IdempotentWork<T>): Promise<IdempotentResponse<T>> {
  await lastStatement?.(manager);
  return response;
}
