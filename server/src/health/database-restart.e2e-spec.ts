import { setTimeout as sleep } from 'node:timers/promises';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { isCi } from '../../test/test-database.js';
import { type PrivatePostgres, privatePostgresUnavailable, startPrivatePostgres } from '../../test/private-postgres.js';

const unavailable = privatePostgresUnavailable();
// CI must not pass by skipping it: there the test runs, and fails in beforeAll with the reason.
if (unavailable && !isCi()) console.warn(`Skipping the PostgreSQL restart test: ${unavailable}`);

/** What one request of the load got: its status and error code. */
type Answer = `${number}` | `${number} ${string}`;

describe.skipIf(unavailable !== null && !isCi())('PostgreSQL restarting under load', () => {
  let postgres: PrivatePostgres;
  let t: TestApp;
  beforeAll(async () => {
    if (unavailable) throw new Error(`The PostgreSQL restart test cannot run here: ${unavailable}`);
    postgres = await startPrivatePostgres();
    t = await startTestApp({
      db: { url: postgres.url, engine: 'postgres', drop: async () => undefined },
      env: { DATABASE_POOL_SIZE: '4', THROTTLE_LIMIT: '1000000' },
    });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    postgres?.destroy();
  });

  const answer = async (path: string): Promise<Answer> => {
    const res = await t.request(path);
    return res.status === 200 ? '200' : `${res.status} ${res.body?.error?.code as string}`;
  };
  const until = async (path: string, expected: Answer) => {
    for (let i = 0; i < 100; i++) {
      if ((await answer(path)) === expected) return;
      await sleep(100);
    }
    throw new Error(`${path} never answered ${expected}`);
  };

  it('answers 503 DATABASE_UNAVAILABLE (never 500) while it is down, readiness red, and recovers by itself', async () => {
    const answers: Answer[] = [];
    let loading = true;
    // A small steady load of database reads from four clients.
    const load = Promise.all(
      Array.from({ length: 4 }, async () => {
        while (loading) answers.push(await answer('/api/v1/events'));
      }),
    );
    await until('/api/health/ready', '200');
    expect(await answer('/api/v1/events')).toBe('200');

    postgres.stop();
    await until('/api/v1/events', '503 DATABASE_UNAVAILABLE');
    await until('/api/health/ready', '503 DATABASE_UNAVAILABLE');
    expect(await answer('/api/health/live')).toBe('200');

    postgres.start();
    await until('/api/health/ready', '200');
    await until('/api/v1/events', '200');
    loading = false;
    await load;

    const kinds = new Set(answers);
    expect([...kinds].sort()).toEqual(['200', '503 DATABASE_UNAVAILABLE']);
    // Served again after the restart, by the same app.
    expect(answers.at(-1)).toBe('200');
  });
});
