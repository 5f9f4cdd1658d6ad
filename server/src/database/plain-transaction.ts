import type pg from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

/**
 * Statements run through plain transactions get a name, so each connection parses them once
 * and PostgreSQL keeps their plans (a prepared statement per connection): a sign-up's five
 * statements were planned on every sign-up, a share of the database's CPU per sign-up as large
 * as the instance's (issue 17). Texts are few (a sign-up has four or five variants); past this
 * many the rest run unnamed, so a caller building texts from data cannot fill the connections'
 * memory with prepared statements.
 */
const MAX_NAMED_STATEMENTS = 200;
const statementNumbers = new Map<string, number>();
/**
 * Names are per connection as well: the embedded engine is one PostgreSQL session behind every
 * connection to it (two instances in one process, in tests), where two connections preparing
 * the same name would collide.
 */
const connectionNumbers = new WeakMap<pg.PoolClient, number>();
let connections = 0;

function nameOf(client: pg.PoolClient, sql: string): string | undefined {
  let statement = statementNumbers.get(sql);
  if (statement === undefined) {
    if (statementNumbers.size >= MAX_NAMED_STATEMENTS) return undefined;
    statementNumbers.set(sql, (statement = statementNumbers.size + 1));
  }
  let connection = connectionNumbers.get(client);
  if (connection === undefined) connectionNumbers.set(client, (connection = ++connections));
  return `plain_${connection}_${statement}`;
}

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
  const client = await checkOut(dataSource);
  const rows = rowsOn(dataSource, client);
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
    checkIn(client, broken);
  }
}

/**
 * Single statements, each on its own (so each its own transaction), on a connection of TypeORM's
 * pool, named and logged as in a plain transaction: for a hot path whose writes are one statement
 * each (a payment notification's order read and its flip with the interaction; TypeORM's runner
 * cost 25–85 µs of CPU more a statement, measured for issue 17).
 */
export function plainStatements(dataSource: DataSource): PlainTransaction['rows'] {
  return async <R>(sql: string, params?: unknown[]): Promise<R[]> => {
    const client = await checkOut(dataSource);
    try {
      return await rowsOn(dataSource, client)<R>(sql, params);
    } finally {
      checkIn(client, undefined);
    }
  };
}

/**
 * A checked-out connection that dies (PostgreSQL restarted, the connection was terminated)
 * fails its query and also emits `error`, which with no listener would end the process: the
 * pool listens only to idle connections. Listened to while checked out, as TypeORM does for its
 * own, and such a connection is closed rather than handed back.
 */
const lost = new WeakSet<pg.PoolClient>();
const onLost = function (this: pg.PoolClient) {
  lost.add(this);
};

async function checkOut(dataSource: DataSource): Promise<pg.PoolClient> {
  const client = await poolOf(dataSource).connect();
  client.on('error', onLost);
  return client;
}

function checkIn(client: pg.PoolClient, broken: Error | undefined): void {
  client.off('error', onLost);
  client.release(broken ?? (lost.has(client) ? new Error('the connection was lost') : undefined));
}

const poolOf = (dataSource: DataSource) => (dataSource.driver as PostgresDriver).master as pg.Pool;

function rowsOn(dataSource: DataSource, client: pg.PoolClient): PlainTransaction['rows'] {
  return async <R>(sql: string, params?: unknown[]): Promise<R[]> => {
    dataSource.logger.logQuery(sql, params);
    const name = params && params.length > 0 ? nameOf(client, sql) : undefined;
    return (await client.query(name ? { name, text: sql, values: params } : { text: sql, values: params })).rows as R[];
  };
}
