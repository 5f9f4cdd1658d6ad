import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { signedIn } from '../../test/auth.js';
import { jsonRequest } from '../../test/events.js';
import { eventFactory } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { serverUrl } from '../../test/test-database.js';
import { InteractionEntity } from '../interactions/interaction.entity.js';
import { EventEntity } from './event.entity.js';
import { RegistrationEntity } from './registration.entity.js';
import { RegistrationsService } from './registrations.service.js';

type Who = Awaited<ReturnType<typeof signedIn>>;
type Answer = { status: number; body: any };

const QUESTIONS = [{ id: 'meal', kind: 'single' as const, label: '是否参加午宴', required: true, options: ['参加', '不参加'] }];
const GOOD = { answers: { meal: '参加' } };

/**
 * Sign-ups for one event that arrive while one is being written are written together, in one
 * transaction (docs/events.md, Seats). Each test holds a lone sign-up in flight (another
 * connection holds the event row, where its last statement waits), lets the others gather
 * behind it, then lets go: they are written as one batch, and each must get the answer it
 * would have got alone. Real PostgreSQL only: the embedded engine runs one transaction at a time.
 */
describe.skipIf(serverUrl() === null)('sign-ups written together', () => {
  let t: TestApp;
  let other: pg.Client;
  let keyHolder: pg.Client;
  let event: ReturnType<typeof eventFactory>;
  const verified = () => signedIn(t, ['alumnus'], { verifiedAt: new Date() });
  const signUp = (id: string, who: Who, body: unknown = GOOD, key?: string): Promise<Answer> =>
    t.request(
      `/api/v1/events/${id}/registrations`,
      jsonRequest('POST', body, { ...who.headers, ...(key ? { 'idempotency-key': key } : {}) }),
    );
  const statuses = async (eventId: string) =>
    Object.fromEntries(
      (await t.dataSource.getRepository(RegistrationEntity).findBy({ eventId })).map((r) => [r.alumnusId, r.status] as const),
    );
  /** Each answer as the client reads it: its status code, then the registration's status or the error's code. */
  const outcomes = (answers: readonly Answer[]) => answers.map((a) => `${a.status} ${a.body.status ?? a.body.error.code}`);
  const confirmedCount = async (id: string) => (await t.dataSource.getRepository(EventEntity).findOneByOrFail({ id })).confirmedCount;
  /** Until some statement of this database (one whose text has `like`) waits for a lock. */
  const someoneWaits = async (like = '%') => {
    for (;;) {
      const waiting: unknown[] = await t.dataSource.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE $1`,
        [like],
      );
      if (waiting.length > 0) return;
      await sleep(20);
    }
  };

  /**
   * `lone` signs up and is held in flight (its seat claim waits for the event row, held by
   * `other`); then `send` fires the rest, and once `count` of them wait behind the lone one,
   * `other` lets go. Answers the lone sign-up's answer and the others', in the order sent,
   * the statements the app sent meanwhile, and how many transactions it began and rolled back.
   */
  async function gathered(eventId: string, lone: Who, count: number, send: () => Promise<Answer>[]) {
    const statements: string[] = [];
    const transactions = { begun: 0, rolledBack: 0 };
    const logger = t.dataSource.logger;
    const original = logger.logQuery;
    logger.logQuery = function (query, ...rest) {
      statements.push(query);
      if (query === 'START TRANSACTION') transactions.begun++;
      if (query === 'ROLLBACK') transactions.rolledBack++;
      return original.call(this, query, ...rest);
    };
    try {
      await other.query('BEGIN');
      await other.query('SELECT 1 FROM events WHERE id = $1 FOR UPDATE', [eventId]);
      const first = signUp(eventId, lone);
      await someoneWaits();
      const rest = send();
      const registrations = t.app.get(RegistrationsService);
      while (registrations.signUpsWaiting(eventId) < count) await sleep(10);
      await other.query('COMMIT');
      return { first: await first, rest: await Promise.all(rest), statements, transactions };
    } finally {
      logger.logQuery = original;
    }
  }

  /** `keyHolder` holds `who`'s claim of `key`, as their request in flight on another instance would. */
  const holdKey = async (eventId: string, who: Who, key: string) => {
    await keyHolder.query('BEGIN');
    await keyHolder.query(`INSERT INTO idempotency_records (alumnus_id, key, route, request_hash) VALUES ($1, $2, $3, 'elsewhere')`, [
      who.alumnus.id,
      key,
      `POST /events/${eventId}/registrations`,
    ]);
  };
  /** Until a batch's first statement waits for a key held elsewhere (holdKey). */
  const batchWaitsForKey = () => someoneWaits('%INSERT INTO idempotency_records%unnest%');

  beforeAll(async () => {
    t = await startTestApp();
    event = eventFactory(t.dataSource);
    other = new pg.Client({ connectionString: t.db.url });
    keyHolder = new pg.Client({ connectionString: t.db.url });
    await Promise.all([other.connect(), keyHolder.connect()]);
  });
  afterAll(async () => {
    await Promise.all([other.end(), keyHolder.end()]);
    await t.close();
  });

  it('gives each sign-up of a mixed batch its own answer, and writes the batch in one transaction', async () => {
    const { id } = await event(48, { capacity: 6, waitlistEnabled: true, audience: { kind: 'verified' }, questions: QUESTIONS });
    const [replayed, reusing, registered] = [await verified(), await verified(), await verified()];
    const replayedFirst = await signUp(id, replayed, GOOD, 'batch-replayed-1');
    expect((await signUp(id, reusing, GOOD, 'batch-reused-1')).status).toBe(201);
    const registeredFirst = await signUp(id, registered);
    const [lone, first, stranger, badAnswers, second, third] = [
      await verified(),
      await verified(),
      await signedIn(t),
      await verified(),
      await verified(),
      await verified(),
    ];

    const {
      first: loneAnswer,
      rest,
      transactions,
    } = await gathered(id, lone, 8, () => [
      signUp(id, first, GOOD, 'batch-first-01'),
      signUp(id, stranger, GOOD, 'batch-stranger'),
      signUp(id, badAnswers, { answers: {} }, 'batch-bad-answers'),
      signUp(id, replayed, GOOD, 'batch-replayed-1'),
      signUp(id, reusing, { answers: { meal: '不参加' } }, 'batch-reused-1'),
      signUp(id, registered, GOOD),
      signUp(id, second, GOOD, 'batch-second-1'),
      signUp(id, third, GOOD),
    ]);

    expect(outcomes([loneAnswer, ...rest])).toEqual([
      '201 confirmed',
      '201 confirmed',
      '403 EVENT_AUDIENCE_EXCLUDED',
      '422 ANSWER_REQUIRED',
      '201 confirmed',
      '422 IDEMPOTENCY_KEY_REUSED',
      '200 confirmed',
      '201 confirmed',
      '201 waitlisted',
    ]);
    expect(rest[3]!.body).toEqual(replayedFirst.body);
    expect(rest[5]!.body).toEqual(registeredFirst.body);
    // The lone one; the batch; the replay and the reused key, each answered alone after it.
    expect(transactions).toEqual({ begun: 4, rolledBack: 1 });
    expect(rest[0]!.body.createdAt).toBe(rest[6]!.body.createdAt);
    expect(rest[0]!.body.createdAt).not.toBe(loneAnswer.body.createdAt);

    const rows = await statuses(id);
    expect(rows).toEqual({
      [replayed.alumnus.id]: 'confirmed',
      [reusing.alumnus.id]: 'confirmed',
      [registered.alumnus.id]: 'confirmed',
      [lone.alumnus.id]: 'confirmed',
      [first.alumnus.id]: 'confirmed',
      [second.alumnus.id]: 'confirmed',
      [third.alumnus.id]: 'waitlisted',
    });
    expect(await confirmedCount(id)).toBe(6);
    const interactions = await t.dataSource.getRepository(InteractionEntity).findBy({ subjectId: id });
    expect(interactions.filter((i) => i.alumnusId === third.alumnus.id).map((i) => i.kind)).toEqual(['events.waitlisted']);
    expect(interactions.filter((i) => i.alumnusId === second.alumnus.id).map((i) => i.detail)).toEqual([
      { registrationId: rest[6]!.body.id },
    ]);
    expect(interactions.filter((i) => [stranger, badAnswers].some((w) => w.alumnus.id === i.alumnusId))).toEqual([]);

    // The batch's answers are stored under their keys; a refused request stored nothing under its key.
    expect(await signUp(id, first, GOOD, 'batch-first-01')).toEqual(expect.objectContaining({ status: 201, body: rest[0]!.body }));
    const retried = await signUp(id, badAnswers, GOOD, 'batch-bad-answers');
    expect([retried.status, retried.body.status]).toEqual([201, 'waitlisted']);
  });

  it('writes a batch in five statements, whatever its size: begin; the claims with what the rules read; the registrations with their interactions; the answers with the seats; commit', async () => {
    const { id } = await event(48, { capacity: 10, waitlistEnabled: true, questions: QUESTIONS });
    const alumni = await Promise.all(Array.from({ length: 21 }, () => signedIn(t)));
    const { rest, statements } = await gathered(id, alumni[0]!, 20, () =>
      alumni.slice(1).map((who, i) => signUp(id, who, GOOD, `batch-statements-${i}`)),
    );
    expect(rest.filter((r) => r.body.status === 'confirmed')).toHaveLength(9);
    expect(rest.filter((r) => r.body.status === 'waitlisted')).toHaveLength(11);

    const batch = statements.slice(statements.indexOf('COMMIT') + 1);
    expect(batch).toHaveLength(5);
    expect(batch[0]).toBe('START TRANSACTION');
    expect(batch[1]).toMatch(/^WITH preceding AS \(INSERT INTO idempotency_records .*unnest.*LEFT JOIN events e ON/s);
    expect(batch[2]).toMatch(/^WITH preceding AS \(INSERT INTO event_registrations .*unnest.*INSERT INTO interactions/s);
    // The seats, nine claimed at once, the last statement before COMMIT: the event row is locked only from there.
    expect(batch[3]).toMatch(
      /^WITH preceding AS \(UPDATE idempotency_records .*UPDATE events SET confirmed_count = confirmed_count \+ \$\d+/s,
    );
    for (const statement of batch.slice(0, 3))
      expect(statement).not.toMatch(/FOR (UPDATE|NO KEY UPDATE|SHARE|KEY SHARE)|UPDATE "?events"?/);
    expect(batch[4]).toBe('COMMIT');
  });

  it('rolls a batch back when the seats changed under it, and makes it again together on the seats as they are now', async () => {
    const { id } = await event(48, { capacity: 4, waitlistEnabled: true, questions: QUESTIONS });
    const [lone, walkIn, a, b, c, d] = await Promise.all([1, 2, 3, 4, 5, 6].map(() => signedIn(t)));
    // The batch's first statement will wait for a's key, as for a's request in flight elsewhere.
    await holdKey(id, a!, 'batch-seats-a');

    const batch = gathered(id, lone!, 4, () => [
      signUp(id, a!, GOOD, 'batch-seats-a'),
      signUp(id, b!, GOOD, 'batch-seats-b'),
      signUp(id, c!),
      signUp(id, d!),
    ]);
    await batchWaitsForKey();
    // While it waits (having read the seats as they were), a walk-in takes one of the seats it counted on.
    await t.dataSource.query(`INSERT INTO event_registrations (event_id, alumnus_id, status, walk_in) VALUES ($1, $2, 'confirmed', true)`, [
      id,
      walkIn!.alumnus.id,
    ]);
    await t.dataSource.query('UPDATE events SET confirmed_count = confirmed_count + 1 WHERE id = $1', [id]);
    await keyHolder.query('ROLLBACK');
    const { first, rest, transactions } = await batch;

    expect(outcomes([first, ...rest])).toEqual(['201 confirmed', '201 confirmed', '201 confirmed', '201 waitlisted', '201 waitlisted']);
    // The lone one, the batch (rolled back), then the batch again, together.
    expect(transactions).toEqual({ begun: 3, rolledBack: 1 });
    expect(await statuses(id)).toEqual({
      [lone!.alumnus.id]: 'confirmed',
      [walkIn!.alumnus.id]: 'confirmed',
      [a!.alumnus.id]: 'confirmed',
      [b!.alumnus.id]: 'confirmed',
      [c!.alumnus.id]: 'waitlisted',
      [d!.alumnus.id]: 'waitlisted',
    });
    expect(await confirmedCount(id)).toBe(4);
    const interactions = await t.dataSource.getRepository(InteractionEntity).findBy({ subjectId: id });
    expect(interactions.map((i) => i.alumnusId).sort()).toEqual([lone, a, b, c, d].map((w) => w!.alumnus.id).sort());
  });

  it('answers each of a batch alone when the batch loses its connection', async () => {
    const { id } = await event(48, { capacity: 2, waitlistEnabled: true, questions: QUESTIONS });
    const [lone, a, b, c] = await Promise.all([1, 2, 3, 4].map(() => signedIn(t)));
    await holdKey(id, a!, 'batch-lost-a');

    const batch = gathered(id, lone!, 3, () => [
      signUp(id, a!, GOOD, 'batch-lost-a'),
      signUp(id, b!, GOOD, 'batch-lost-b'),
      signUp(id, c!),
    ]);
    await batchWaitsForKey();
    // The batch's connection dies while it waits (as when PostgreSQL restarts or a proxy drops it).
    await t.dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO idempotency_records%unnest%'`,
    );
    await keyHolder.query('ROLLBACK');
    const { first, rest, transactions } = await batch;

    expect(outcomes([first, ...rest])).toEqual(['201 confirmed', '201 confirmed', '201 waitlisted', '201 waitlisted']);
    // The lone one, the batch (its ROLLBACK failed with the connection), then each of the batch alone.
    expect(transactions.begun).toBe(5);
    expect(await statuses(id)).toEqual({
      [lone!.alumnus.id]: 'confirmed',
      [a!.alumnus.id]: 'confirmed',
      [b!.alumnus.id]: 'waitlisted',
      [c!.alumnus.id]: 'waitlisted',
    });
    expect(await confirmedCount(id)).toBe(2);
    expect(await signUp(id, b!, GOOD, 'batch-lost-b')).toEqual(expect.objectContaining({ status: 201, body: rest[1]!.body }));
  });
});
