import { DataSource } from 'typeorm';
import {
  createEmbeddedDatabase,
  createServerDatabase,
  requireServerUrl,
  serverTestsRun,
  type TestDatabase,
} from '../../test/test-database.js';
import { dataSourceOptions } from './data-source-options.js';

const SEATS = 20;
const ATTEMPTS = 60;

/**
 * The embedded engine must keep the guarantees the product relies on (row locks,
 * atomic transactions) exactly as the PostgreSQL server does. The same scenario runs on
 * both; without a server configured only the embedded one runs.
 */
const engines: [string, () => Promise<TestDatabase>][] = [['embedded PGlite', () => createEmbeddedDatabase(12)]];
if (serverTestsRun()) engines.push(['PostgreSQL server', () => createServerDatabase(requireServerUrl())]);

describe.each(engines)('%s', (_name, create) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    db = await create();
    dataSource = await new DataSource(dataSourceOptions(db.url, 10)).initialize();
    await dataSource.query('CREATE TABLE counters (id int PRIMARY KEY, capacity int NOT NULL, taken int NOT NULL)');
    await dataSource.query('CREATE TABLE seats (id serial PRIMARY KEY, holder int NOT NULL UNIQUE)');
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it(`gives exactly ${SEATS} seats to ${ATTEMPTS} concurrent takers using SELECT … FOR UPDATE`, async () => {
    await dataSource.query('INSERT INTO counters VALUES (1, $1, 0)', [SEATS]);
    const outcomes = await Promise.all(
      Array.from({ length: ATTEMPTS }, (_, holder) =>
        dataSource.transaction(async (manager) => {
          const [{ taken, capacity }] = await manager.query('SELECT taken, capacity FROM counters WHERE id = 1 FOR UPDATE');
          if (taken >= capacity) return 'full';
          // Widen the window in which an unlocked read would oversell.
          await manager.query('SELECT pg_sleep(0.005)');
          await manager.query('UPDATE counters SET taken = taken + 1 WHERE id = 1');
          await manager.query('INSERT INTO seats (holder) VALUES ($1)', [holder]);
          return 'seated';
        }),
      ),
    );
    expect(outcomes.filter((o) => o === 'seated')).toHaveLength(SEATS);
    const [{ taken }] = await dataSource.query('SELECT taken FROM counters WHERE id = 1');
    const [{ seats }] = await dataSource.query('SELECT count(*)::int AS seats FROM seats');
    expect({ taken, seats }).toEqual({ taken: SEATS, seats: SEATS });
  });

  it('rolls back every statement of a failed transaction', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query('UPDATE counters SET taken = 0 WHERE id = 1');
        await manager.query('INSERT INTO seats (holder) VALUES (1000)');
        await manager.query('INSERT INTO seats (holder) VALUES (1000)');
      }),
    ).rejects.toThrow(/duplicate key/);
    const [{ taken }] = await dataSource.query('SELECT taken FROM counters WHERE id = 1');
    const [{ found }] = await dataSource.query('SELECT count(*)::int AS found FROM seats WHERE holder = 1000');
    expect({ taken, found }).toEqual({ taken: SEATS, found: 0 });
  });
});
