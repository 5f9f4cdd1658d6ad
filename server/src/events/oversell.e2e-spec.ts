import { signedIn } from '../../test/auth.js';
import { eventFactory } from '../../test/factories.js';
import { useTwoInstances } from '../../test/test-app.js';
import { EventEntity } from './event.entity.js';
import { RegistrationEntity } from './registration.entity.js';

/**
 * Two server instances on one database, as in production behind a load balancer: seats are
 * guarded by the event row's lock in the database, not by anything in one process's memory.
 */
describe('seats are never oversold', () => {
  const instances = useTwoInstances();

  it('300 concurrent sign-ups for 20 seats through two instances: exactly 20 confirmed, 280 waitlisted, no 5xx', async () => {
    const { a, b } = instances;
    const { id } = await eventFactory(a.dataSource)(48, { capacity: 20, waitlistEnabled: true });
    const alumni = [];
    for (let i = 0; i < 300; i++) alumni.push(await signedIn(a));

    const responses = await Promise.all(
      alumni.map((who, i) =>
        (i % 2 === 0 ? a : b).request(`/api/v1/events/${id}/registrations`, {
          method: 'POST',
          headers: { ...who.headers, 'content-type': 'application/json' },
          body: '{}',
        }),
      ),
    );

    expect(responses.filter((r) => r.status >= 500)).toEqual([]);
    expect(responses.every((r) => r.status === 201)).toBe(true);
    const answered = responses.map((r) => r.body.status);
    expect(answered.filter((s) => s === 'confirmed')).toHaveLength(20);
    expect(answered.filter((s) => s === 'waitlisted')).toHaveLength(280);

    const rows = await a.dataSource.getRepository(RegistrationEntity).findBy({ eventId: id });
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(20);
    expect(rows.filter((r) => r.status === 'waitlisted')).toHaveLength(280);
    expect((await a.dataSource.getRepository(EventEntity).findOneByOrFail({ id })).confirmedCount).toBe(20);
  }, 120_000);
});
