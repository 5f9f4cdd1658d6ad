import { insertAlumni } from '../../bench/generators/alumni.js';
import { insertEvents } from '../../bench/generators/events.js';
import { faultsCanRun, killedMidLoad, queueFinishes, sendWithKill, useCluster } from './faults.js';

const ALUMNI = 200;
const SEATS = 40;

/**
 * Kill -9 one of two instances in the middle of a sign-up burst (issue 9, "Faults"): a
 * sign-up the dead instance was writing is rolled back with its connection, or committed
 * whole; the seat count never drifts from the rows; and a client that retries with its
 * Idempotency-Key on the survivor gets its one registration.
 */
describe.runIf(faultsCanRun)('an instance killed during a sign-up burst', () => {
  const cluster = useCluster();

  it(`${ALUMNI} sign-ups for ${SEATS} seats, one instance killed mid-burst: never oversold, every sign-up completed once on retry`, async () => {
    const [eventId] = await insertEvents(cluster.db, {
      count: 1,
      status: 'published',
      startsInHours: 72,
      capacity: SEATS,
      waitlistEnabled: true,
      audience: { kind: 'verified' },
      signupOpensAt: new Date(Date.now() - 3_600_000),
    });
    const alumni = await insertAlumni(cluster.db, { tag: 'fault-burst', count: ALUMNI, verified: true });
    const signUp = (i: number, url: string) =>
      fetch(`${url}/api/v1/events/${eventId}/registrations`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${cluster.mintToken(alumni[i]!)}`,
          'idempotency-key': `fault-burst-${i}`,
          'content-type': 'application/json',
        },
        body: '{}',
      }).then(async (response) => (await response.arrayBuffer(), response.status));
    const seats = async () => {
      const { rows } = await cluster.db.query<{ confirmed: number; waitlisted: number; total: number; seatCount: number }>(
        `SELECT count(*) FILTER (WHERE r.status = 'confirmed')::int AS confirmed, count(*) FILTER (WHERE r.status = 'waitlisted')::int AS waitlisted,
                count(*)::int AS total, (SELECT confirmed_count FROM events WHERE id = $1) AS "seatCount"
           FROM event_registrations r WHERE r.event_id = $1`,
        [eventId],
      );
      return rows[0]!;
    };

    const outcomes = await sendWithKill(
      cluster,
      alumni.map((_, i) => i),
      signUp,
      { concurrency: 60, killAfter: ALUMNI / 5 },
    );

    const kill = killedMidLoad(outcomes);
    expect(kill.servedBefore).toBeGreaterThan(0);
    expect(kill.lostAfter).toBeGreaterThan(0);
    expect(kill.survivorAfter).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.status !== null && o.status !== 201)).toEqual([]);
    const afterKill = await seats();
    expect(afterKill.confirmed).toBeLessThanOrEqual(SEATS);
    expect(afterKill.seatCount).toBe(afterKill.confirmed);

    // The clients whose answers were lost try again, with the same key, on the survivor.
    const retried = await Promise.all(outcomes.filter((o) => o.status === null).map((o) => signUp(o.item, cluster.urls[0])));
    expect(retried.filter((status) => status !== 201)).toEqual([]);
    expect(await seats()).toEqual({ confirmed: SEATS, waitlisted: ALUMNI - SEATS, total: ALUMNI, seatCount: SEATS });

    const queue = await queueFinishes(cluster.db);
    expect(queue).toMatchObject({ unfinished: 0, failed: 0 });
  }, 240_000);
});
