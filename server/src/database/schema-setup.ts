import type { DataSource } from 'typeorm';
import { seedDemoData } from './seed/demo-seed.js';

/** Any constant works; it only has to be the same for every instance of this service. */
const MIGRATION_LOCK_KEY = 727_160_001;

/**
 * Runs `work` while holding the start-up advisory lock, so instances starting together on
 * one database take turns (migrations, the job queue's tables). The lock holds one pooled
 * connection while `work` uses others.
 */
export async function withStartupLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  // One connection is the embedded engine, which one process owns (its lock file): no turns to take.
  if ((dataSource.options.extra as { max?: number } | undefined)?.max === 1) return work();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await work();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}

/** Applies pending migrations, one instance at a time; the later ones find nothing to do. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  return withStartupLock(dataSource, async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  });
}

/** Seeds the demo college when the database has no school yet; true when it did. */
export async function seedIfEmpty(dataSource: DataSource, now: Date = new Date()): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    // Serialises concurrent first starts: the second one waits, then sees the school.
    await manager.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    const [{ exists }] = (await manager.query('SELECT EXISTS (SELECT 1 FROM schools) AS exists')) as [{ exists: boolean }];
    if (exists) return false;
    await seedDemoData(manager, now);
    return true;
  });
}
