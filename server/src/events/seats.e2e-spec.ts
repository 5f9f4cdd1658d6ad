import pg from 'pg';
import { signedIn } from '../../test/auth.js';
import { jsonRequest } from '../../test/events.js';
import { eventFactory } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { statementsOf } from '../../test/statements.js';
import { serverUrl } from '../../test/test-database.js';
import { EventEntity } from './event.entity.js';
import { RegistrationEntity } from './registration.entity.js';

type Who = Awaited<ReturnType<typeof signedIn>>;

/**
 * A sign-up holds no lock on the event row until its last statement (docs/events.md, Seats).
 * These tests hold the row from a connection of their own, as another sign-up's claim, a
 * cancellation or a staff change would, and change the seats under a sign-up in flight.
 * Real PostgreSQL only: the embedded engine runs one transaction at a time.
 */
describe.skipIf(serverUrl() === null)('seats claimed at the end of a sign-up', () => {
  let t: TestApp;
  let other: pg.Client;
  let event: ReturnType<typeof eventFactory>;
  const signUp = (id: string, who: Who) => t.request(`/api/v1/events/${id}/registrations`, jsonRequest('POST', {}, who.headers));
  const rows = async (eventId: string) =>
    (await t.dataSource.getRepository(RegistrationEntity).find({ where: { eventId }, order: { queuePosition: 'ASC' } })).map((r) => [
      r.alumnusId,
      r.status,
    ]);
  const confirmedCount = async (id: string) => (await t.dataSource.getRepository(EventEntity).findOneByOrFail({ id })).confirmedCount;
  /** Until some statement of this database waits for a row lock (the sign-up in flight reached its last statement). */
  const someoneWaits = async () => {
    for (;;) {
      const waiting: unknown[] = await t.dataSource.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (waiting.length > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    event = eventFactory(t.dataSource);
    other = new pg.Client({ connectionString: t.db.url });
    await other.connect();
  });
  afterAll(async () => {
    await other.end();
    await t.close();
  });

  it('waitlists a sign-up that counted on the last seat when it is taken meanwhile', async () => {
    const { id } = await event(48, { capacity: 2, waitlistEnabled: true });
    const [first, late, walkIn] = [await signedIn(t), await signedIn(t), await signedIn(t)];
    expect((await signUp(id, first!)).body.status).toBe('confirmed');

    // Another transaction holds the row (as a walk-in check-in does) and will take the last seat.
    await other.query('BEGIN');
    await other.query('SELECT 1 FROM events WHERE id = $1 FOR UPDATE', [id]);
    const answer = signUp(id, late!);
    await someoneWaits();
    await other.query(`INSERT INTO event_registrations (event_id, alumnus_id, status, walk_in) VALUES ($1, $2, 'confirmed', true)`, [
      id,
      walkIn!.alumnus.id,
    ]);
    await other.query('UPDATE events SET confirmed_count = confirmed_count + 1 WHERE id = $1', [id]);
    await other.query('COMMIT');

    const res = await answer;
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('waitlisted');
    expect(await rows(id)).toEqual([
      [first!.alumnus.id, 'confirmed'],
      [walkIn!.alumnus.id, 'confirmed'],
      [late!.alumnus.id, 'waitlisted'],
    ]);
    expect(await confirmedCount(id)).toBe(2);
  });

  it('confirms a sign-up that found the event full when a cancellation frees a seat before it commits', async () => {
    const { id } = await event(48, { capacity: 1, waitlistEnabled: true });
    const [holder, hopeful] = [await signedIn(t), await signedIn(t)];
    expect((await signUp(id, holder!)).body.status).toBe('confirmed');

    // A cancellation in progress: it holds the row, and its promotion found nobody waiting (the hopeful has not committed).
    await other.query('BEGIN');
    await other.query('SELECT 1 FROM events WHERE id = $1 FOR UPDATE', [id]);
    const answer = signUp(id, hopeful!);
    await someoneWaits();
    await other.query(`UPDATE event_registrations SET status = 'cancelled', cancelled_at = now() WHERE event_id = $1 AND alumnus_id = $2`, [
      id,
      holder!.alumnus.id,
    ]);
    await other.query('UPDATE events SET confirmed_count = confirmed_count - 1 WHERE id = $1', [id]);
    await other.query('COMMIT');

    const res = await answer;
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('confirmed');
    expect(await rows(id)).toEqual([
      [holder!.alumnus.id, 'cancelled'],
      [hopeful!.alumnus.id, 'confirmed'],
    ]);
    expect(await confirmedCount(id)).toBe(1);
  });

  it('lets sign-ups to a full event through while a seat is being claimed: they wait for no one', async () => {
    const { id } = await event(48, { capacity: 1, waitlistEnabled: true });
    const [holder, late] = [await signedIn(t), await signedIn(t)];
    expect((await signUp(id, holder!)).body.status).toBe('confirmed');

    // The lock a claim takes (an UPDATE of the row), held by another transaction for as long as this test needs.
    await other.query('BEGIN');
    await other.query('UPDATE events SET title = title WHERE id = $1', [id]);
    try {
      const res = await signUp(id, late!);
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('waitlisted');
    } finally {
      await other.query('ROLLBACK');
    }
  });
});

/**
 * A sign-up that finds no other for its event in flight in its instance is written alone, at once;
 * those arriving meanwhile are written together, also in five statements (sign-up-batches.e2e-spec.ts).
 */
describe('what a lone sign-up sends to the database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it.each([
    ['a free seat', 'confirmed', /UPDATE events SET confirmed_count = confirmed_count \+ 1 WHERE id = \$6 AND confirmed_count < capacity/],
    ['a full event', 'waitlisted', /SELECT confirmed_count, capacity FROM events WHERE id = \$6 FOR KEY SHARE$/],
  ])(
    'for %s: five statements, nothing locked before the last one before COMMIT, which stores the answer and claims the seat or checks the event is still full',
    async (_case, status, last) => {
      const { id } = await eventFactory(t.dataSource)(48, { capacity: 1, waitlistEnabled: true, audience: { kind: 'verified' } });
      if (status === 'waitlisted')
        await t.request(`/api/v1/events/${id}/registrations`, jsonRequest('POST', {}, (await verified()).headers));
      const who = await verified();
      let answer: { body: { status: string } } | undefined;
      const statements = await statementsOf(
        t.dataSource,
        async () =>
          (answer = await t.request(
            `/api/v1/events/${id}/registrations`,
            jsonRequest('POST', {}, { ...who.headers, 'idempotency-key': `statements-${status}` }),
          )),
        1,
      );
      expect(answer!.body.status).toBe(status);
      expect(statements[0]).toBe('START TRANSACTION');
      expect(statements.at(-1)).toBe('COMMIT');
      // The answer stored for the Idempotency-Key, then the claim or check, in one statement.
      expect(statements.at(-2)).toMatch(/^WITH preceding AS \(UPDATE idempotency_records SET status_code = \$4, response = \$5::jsonb /);
      expect(statements.at(-2)).toMatch(last);
      for (const statement of statements.slice(0, -2)) {
        expect(statement).not.toMatch(/FOR (UPDATE|NO KEY UPDATE|SHARE|KEY SHARE)|UPDATE "?events"?/);
      }
      // Begin; the key's claim with the event, my registration and the audience check; my
      // registration with its interaction and engagement sums; the answer with the seat; commit
      // (issue 17: was ten, then eight).
      expect(statements[1]).toMatch(/^WITH preceding AS \(INSERT INTO idempotency_records .*LEFT JOIN events e ON/s);
      expect(statements[2]).toMatch(/^WITH preceding AS \(INSERT INTO event_registrations .*INSERT INTO interactions/s);
      expect(statements).toHaveLength(5);
    },
  );

  const verified = () => signedIn(t, ['alumnus'], { verifiedAt: new Date() });
});
