import type pg from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

/** One pooled connection inside a transaction, spoken to in plain parameterised SQL. */
export interface PlainTransaction {
  /** The rows a statement answers (a write's `RETURNING` rows). */
  rows<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

/**
 * Runs `work` in a transaction on a connection of TypeORM's own pool, without TypeORM's query
 * runner: for the hottest writes (a sign-up burst), where the runner's per-statement bookkeeping
 * cost more CPU than the statements (issue 17). Statements still go through TypeORM's logger, as
 * its own do (the statement tests count them there). A transaction `work` throws out of is rolled
 * back; a connection whose rollback failed is closed rather than handed back to the pool.
 */
export async function plainTransaction<T>(dataSource: DataSource, work: (tx: PlainTransaction) => Promise<T>): Promise<T> {
  const pool = (dataSource.driver as PostgresDriver).master as pg.Pool;
  const { logger } = dataSource;
  const client = await pool.connect();
  const rows = async <R>(sql: string, params?: unknown[]): Promise<R[]> => {
    logger.logQuery(sql, params);
    return (await client.query(sql, params)).rows as R[];
  };
  let broken: Error | undefined;
  try {
    await rows('START TRANSACTION');
    const result = await work({ rows });
    await rows('COMMIT');
    return result;
  } catch (error) {
    await rows('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}
