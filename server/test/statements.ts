import type { DataSource } from 'typeorm';

/**
 * The SQL statements the app sends through TypeORM while `action` runs (pg-boss's own
 * polling goes around TypeORM and is not counted). A scheduled job that happens to run
 * meanwhile only adds statements, so the fewest over a few runs is what one action costs.
 */
export async function statementsOf(dataSource: DataSource, action: () => Promise<unknown>, runs = 3): Promise<string[]> {
  const logger = dataSource.logger;
  const original = logger.logQuery;
  let fewest: string[] | null = null;
  try {
    for (let run = 0; run < runs; run += 1) {
      const statements: string[] = [];
      logger.logQuery = function (query, ...rest) {
        statements.push(query);
        return original.call(this, query, ...rest);
      };
      await action();
      logger.logQuery = original;
      if (fewest === null || statements.length < fewest.length) fewest = statements;
    }
  } finally {
    logger.logQuery = original;
  }
  return fewest!;
}
