import type { DataSource } from 'typeorm';
import { signedIn } from '../../test/auth.js';
import { eventFactory } from '../../test/factories.js';
import { useTwoInstances } from '../../test/test-app.js';
import { EventEntity } from './event.entity.js';
import { RegistrationEntity } from './registration.entity.js';

/**
 * Two server instances on one database, as in production behind a load balancer: seats are
 * guarded by the event row in the database, not by anything in one process's memory. Each
 * instance writes the sign-ups that arrive while one is being written together (group commit,
 * docs/events.md), so the two instances' batches race for the last seats.
 */
describe('seats are never oversold', () => {
  const instances = useTwoInstances();

  it('300 concurrent sign-ups for 20 seats through two instances: exactly 20 confirmed, 280 waitlisted, no 5xx, written in batches', async () => {
    const { a, b } = instances;
    const { id } = await eventFactory(a.dataSource)(48, { capacity: 20, waitlistEnabled: true });
    const alumni: Awaited<ReturnType<typeof signedIn>>[] = [];
    for (let i = 0; i < 300; i++) alumni.push(await signedIn(a));
    const signUp = (i: number, via: typeof a) =>
      via.request(`/api/v1/events/${id}/registrations`, {
        method: 'POST',
        headers: { ...alumni[i]!.headers, 'content-type': 'application/json', 'idempotency-key': `oversell-${i}` },
        body: '{}',
      });
    const transactions = countTransactions([a.dataSource, b.dataSource]);

    const responses = await Promise.all(alumni.map((_, i) => signUp(i, i % 2 === 0 ? a : b)));
    transactions.stop();

    expect(responses.filter((r) => r.status >= 500)).toEqual([]);
    expect(responses.every((r) => r.status === 201)).toBe(true);
    const answered = responses.map((r) => r.body.status);
    expect(answered.filter((s) => s === 'confirmed')).toHaveLength(20);
    expect(answered.filter((s) => s === 'waitlisted')).toHaveLength(280);

    const rows = await a.dataSource.getRepository(RegistrationEntity).findBy({ eventId: id });
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(20);
    expect(rows.filter((r) => r.status === 'waitlisted')).toHaveLength(280);
    expect((await a.dataSource.getRepository(EventEntity).findOneByOrFail({ id })).confirmedCount).toBe(20);
    // Sign-ups went together: far fewer transactions than sign-ups (one each when written alone).
    expect(transactions.begun).toBeLessThan(100);

    // Each client retrying with its key on the other instance gets its first answer.
    const retried = await Promise.all(alumni.map((_, i) => signUp(i, i % 2 === 0 ? b : a)));
    expect(retried.map((r) => [r.status, r.body])).toEqual(responses.map((r) => [r.status, r.body]));
  }, 120_000);
});

/** Counts the transactions these instances begin until `stop`. */
function countTransactions(dataSources: DataSource[]): { begun: number; stop(): void } {
  const counter = { begun: 0, stop: () => undefined as void };
  const originals = dataSources.map((dataSource) => {
    const logger = dataSource.logger;
    const original = logger.logQuery;
    logger.logQuery = function (query, ...rest) {
      if (query === 'START TRANSACTION') counter.begun++;
      return original.call(this, query, ...rest);
    };
    return () => (logger.logQuery = original);
  });
  counter.stop = () => originals.forEach((restore) => restore());
  return counter;
}
