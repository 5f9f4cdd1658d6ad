import type { EntityManager } from 'typeorm';
import { INTERACTION_KINDS } from '@alumni/shared';
import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import type { UpdateEngagementSettingsDto } from './dto/engagement-settings.dto.js';
import { EngagementService } from './engagement.service.js';
import { createAlumnus, signedIn } from '../../test/auth.js';
import { jsonRequest } from '../../test/events.js';
import { phoneOf, recordInteraction, scalar } from '../../test/interactions.js';
import { eventually } from '../../test/notifications.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { requireServerUrl, serverTestsRun } from '../../test/test-database.js';

/** The formula of docs/engagement.md, written out independently of the server's SQL. */
const decayed = (weight: number, ageDays: number, halfLifeDays: number) => weight * 2 ** (-ageDays / halfLifeDays);

const SETTINGS = {
  halfLifeDays: 100,
  contactCurrentMonths: 12,
  weights: [
    { kind: 'events.checked_in', weight: 4 },
    { kind: 'events.no_show', weight: -1 },
    { kind: 'giving.donated', weight: 10 },
    { kind: 'offline.visit', weight: 2 },
  ],
};

describe('engagement', () => {
  let t: TestApp;
  let staff: Awaited<ReturnType<typeof signedIn>>;
  const put = (body: unknown, who = staff) => t.request('/api/v1/staff/engagement/weights', jsonRequest('PUT', body, who.headers));
  /** The settings once a half-life change has been built in the background and taken over. */
  const applied = () =>
    eventually(async () => {
      const res = await t.request('/api/v1/staff/engagement/weights', { headers: staff.headers });
      return res.body.pendingHalfLifeDays === null ? res.body : undefined;
    });
  const putApplied = async (body: unknown) => {
    expect((await put(body)).status).toBe(200);
    return applied();
  };
  const engagementOf = async (id: string) => {
    const res = await t.request(`/api/v1/staff/alumni/${id}/engagement`, { headers: staff.headers });
    expect(res.status).toBe(200);
    return res.body;
  };
  const gift = (amountFen: number) => ({ amountFen, campaignId: '7d1f5c3e-0000-4000-8000-000000000001' });

  /** The hand-made data set: who did what, how many days ago, and the segment that follows. */
  const people: Record<string, { events: [string, number][]; openid?: boolean; segment: string }> = {
    silent: { events: [], openid: false, segment: 'uncontacted' },
    signedInOnly: { events: [], segment: 'contacted' },
    longAgo: { events: [['events.checked_in', 400]], segment: 'contacted' },
    recent: {
      events: [
        ['events.checked_in', 30],
        ['events.no_show', 10],
      ],
      segment: 'participating',
    },
    frequent: { events: [10, 40, 70, 100, 130, 160].map((d) => ['events.checked_in', d]), segment: 'core' },
    // Five in the window, the sixth just outside it, recorded last (out of order).
    almostFrequent: { events: [20, 60, 90, 120, 150, 380].map((d) => ['events.checked_in', d]), segment: 'participating' },
    repeatedGiver: {
      events: [
        ['giving.donated', 600],
        ['giving.donated', 5],
      ],
      segment: 'core',
    },
    lapsedRepeatGiver: {
      events: [
        ['giving.donated', 800],
        ['giving.donated', 5],
      ],
      segment: 'participating',
    },
    visitedOffline: { events: [['offline.visit', 3]], openid: false, segment: 'participating' },
    // A kind the first settings do not weigh: its rows count once a weight is given.
    registeredOnly: { events: [['events.registered', 50]], segment: 'contacted' },
  };
  const ids: Record<string, string> = {};
  const expectedScore = (name: string, halfLifeDays: number, weights = SETTINGS.weights) =>
    people[name]!.events.reduce(
      (sum, [kind, days]) => sum + decayed(weights.find((w) => w.kind === kind)?.weight ?? 0, days, halfLifeDays),
      0,
    );

  const lockWaits = () =>
    scalar(t, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");

  /** Settles with `work`, but fails as soon as any session of this database waits for a lock. */
  async function withoutLockWaits<R>(work: Promise<R>): Promise<R> {
    let settled = false;
    const watched = work.finally(() => {
      settled = true;
    });
    while (!settled) {
      if ((await lockWaits()) > 0) throw new Error('a session waits for a lock');
      await Promise.race([watched, new Promise((resolve) => setTimeout(resolve, 10))]);
    }
    return watched;
  }

  /** Runs `work` in a transaction that stays open until `then` is done, then commits. */
  async function holdingOpen(work: (manager: EntityManager) => Promise<unknown>, then: () => Promise<void>) {
    const runner = t.dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      await work(runner.manager);
      await then();
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }

  // Two transactions open at once need a PostgreSQL server: the embedded engine runs one at a time.
  const concurrently = (name: string, test: () => Promise<void>) =>
    it.runIf(serverTestsRun())(name, async () => {
      requireServerUrl();
      await test();
    });

  beforeAll(async () => {
    t = await startTestApp();
    staff = await signedIn(t, ['staff']);
    await putApplied(SETTINGS);
    for (const [name, person] of Object.entries(people)) {
      const alumnus = await createAlumnus(t, person.openid === false ? { openid: null } : {});
      ids[name] = alumnus.id;
      for (const [kind, days] of person.events) {
        await recordInteraction(t, alumnus.id, kind, days, kind.startsWith('giving.') ? gift(5000) : {});
      }
    }
  });
  afterAll(() => t.close());

  it('scores each alumnus as the decayed sum of their weighted interactions', async () => {
    for (const name of Object.keys(people)) {
      expect((await engagementOf(ids[name]!)).score, name).toBeCloseTo(expectedScore(name, 100), 2);
    }
    // Spot checks written out: 4·2^(−400/100) = 0.25; 10·2^(−6) + 10·2^(−0.05).
    expect((await engagementOf(ids['longAgo']!)).score).toBe(0.25);
    expect((await engagementOf(ids['repeatedGiver']!)).score).toBeCloseTo(10 / 64 + 10 * 2 ** -0.05, 2);
  });

  it('puts each alumnus in the segment the thresholds define', async () => {
    for (const [name, person] of Object.entries(people)) {
      expect((await engagementOf(ids[name]!)).segment, name).toBe(person.segment);
    }
  });

  it('keeps the newest participations and gifts, whatever order they were recorded in', async () => {
    const almost = await engagementOf(ids['almostFrequent']!);
    expect(Date.now() - Date.parse(almost.lastParticipationAt)).toBeLessThan(21 * 86_400_000);
    const summary = await t.dataSource.query(
      'SELECT cardinality(recent_participations) AS n FROM engagement_summaries WHERE alumnus_id = $1',
      [ids['almostFrequent']],
    );
    expect(summary).toEqual([{ n: 6 }]);
    expect(Date.now() - Date.parse((await engagementOf(ids['repeatedGiver']!)).lastDonationAt)).toBeLessThan(6 * 86_400_000);
  });

  it('rebuilds the same scores from the log as it keeps incrementally', async () => {
    const before = await Promise.all(Object.values(ids).map(async (id) => (await engagementOf(id)).score));
    // There and back: two generations built from the log, the second at the half-life of the first.
    await putApplied({ ...SETTINGS, halfLifeDays: 60 });
    await putApplied(SETTINGS);
    expect(await Promise.all(Object.values(ids).map(async (id) => (await engagementOf(id)).score))).toEqual(before);
  });

  it('applies a weight change to every existing score at once, keeping the reference time', async () => {
    const referenceAt = () => scalar(t, 'SELECT extract(epoch FROM reference_at) FROM engagement_settings');
    const reference = await referenceAt();
    const weights = [
      { kind: 'events.checked_in', weight: 1 },
      { kind: 'events.no_show', weight: -3 },
      { kind: 'events.registered', weight: 2 },
      { kind: 'offline.visit', weight: 7 },
    ];
    expect((await put({ ...SETTINGS, weights })).status).toBe(200);
    for (const name of Object.keys(people)) {
      expect((await engagementOf(ids[name]!)).score, name).toBeCloseTo(expectedScore(name, 100, weights), 2);
    }
    // Written out: 2·2^(−50/100); 1·2^(−30/100) − 3·2^(−10/100); gifts now weigh nothing.
    expect((await engagementOf(ids['registeredOnly']!)).score).toBeCloseTo(2 * 2 ** -0.5, 2);
    expect((await engagementOf(ids['recent']!)).score).toBeCloseTo(2 ** -0.3 - 3 * 2 ** -0.1, 2);
    expect((await engagementOf(ids['repeatedGiver']!)).score).toBe(0);
    // Only a half-life change re-reads the log at a new reference time.
    expect(await referenceAt()).toBe(reference);
    expect((await put(SETTINGS)).status).toBe(200);
    expect((await engagementOf(ids['registeredOnly']!)).score).toBe(0);
  });

  describe('a weight change next to concurrent writes', () => {
    const weights = [{ kind: 'events.checked_in', weight: 6 }, ...SETTINGS.weights.slice(1)];

    afterEach(async () => {
      expect((await put(SETTINGS)).status).toBe(200);
    });

    concurrently('does not wait for a record() whose transaction is still open', async () => {
      const alumnus = await createAlumnus(t);
      await holdingOpen(
        (manager) => t.app.get(InteractionsService).record(manager, { alumnusId: alumnus.id, kind: 'events.checked_in' }),
        async () => {
          expect((await withoutLockWaits(put({ ...SETTINGS, weights }))).status).toBe(200);
        },
      );
      // The row committed after the change counts with the new weight.
      expect((await engagementOf(alumnus.id)).score).toBe(6);
    });

    concurrently('lets record() through while it is still open, and counts that row with the new weights', async () => {
      const alumnus = await createAlumnus(t);
      await recordInteraction(t, alumnus.id, 'events.checked_in', 100);
      const dto = { ...SETTINGS, weights } as UpdateEngagementSettingsDto;
      await holdingOpen(
        (manager) => t.app.get(EngagementService).applySettings(manager, { id: staff.alumnus.id, roles: ['staff'] }, dto),
        async () => {
          await withoutLockWaits(recordInteraction(t, alumnus.id, 'events.checked_in'));
          // Until the change commits, readers see the old weights.
          expect((await engagementOf(alumnus.id)).score).toBeCloseTo(4 + 4 / 2, 2);
        },
      );
      expect((await engagementOf(alumnus.id)).score).toBeCloseTo(6 + 6 / 2, 2);
    });
  });

  it('applies new weights and half-life to every existing score, and audits the change', async () => {
    const weights = [
      { kind: 'events.checked_in', weight: 8 },
      { kind: 'giving.donated', weight: 1.5 },
    ];
    const res = await put({ halfLifeDays: 50, contactCurrentMonths: 24, weights });
    expect(res.status).toBe(200);
    // The new half-life takes over once its sums are built; the rest applies at once.
    expect(res.body).toMatchObject({
      halfLifeDays: 100,
      pendingHalfLifeDays: 50,
      contactCurrentMonths: 24,
      weights: [...weights].sort((a, b) => a.kind.localeCompare(b.kind)),
    });
    expect(await applied()).toEqual({ ...res.body, halfLifeDays: 50, pendingHalfLifeDays: null });
    for (const name of Object.keys(people)) {
      expect((await engagementOf(ids[name]!)).score, name).toBeCloseTo(expectedScore(name, 50, weights as typeof SETTINGS.weights), 2);
    }
    // New rows are added with the new weights too.
    await recordInteraction(t, ids['silent']!, 'events.checked_in', 50);
    expect((await engagementOf(ids['silent']!)).score).toBe(4);
    const audit = await t.dataSource.getRepository(AuditEntryEntity).findBy({ action: 'engagement.settings_updated' });
    expect(audit.at(-1)).toMatchObject({ actorId: staff.alumnus.id, after: { halfLifeDays: 50, contactCurrentMonths: 24, weights } });
    // Only the current generation of sums is left.
    expect(await scalar(t, 'SELECT count(DISTINCT generation) FROM engagement_kind_sums')).toBe(1);
    await putApplied(SETTINGS);
  });

  describe('a half-life change next to concurrent writes', () => {
    const checkedIn = (...days: number[]) => days.reduce((sum, d) => sum + decayed(4, d, 50), 0);

    afterEach(() => putApplied(SETTINGS));

    concurrently('counts rows recorded while the new sums are built exactly once', async () => {
      const alumnus = await createAlumnus(t);
      await recordInteraction(t, alumnus.id, 'events.checked_in', 100);
      const res = await put({ ...SETTINGS, halfLifeDays: 50 });
      expect(res.body).toMatchObject({ halfLifeDays: 100, pendingHalfLifeDays: 50 });
      // Writers go on while the build runs (here also on the test's own connection, beside the job).
      await Promise.all([
        ...Array.from({ length: 20 }, () => recordInteraction(t, alumnus.id, 'events.checked_in', 50)),
        t.app.get(EngagementService).buildNextGeneration(),
      ]);
      await applied();
      expect((await engagementOf(alumnus.id)).score).toBeCloseTo(checkedIn(100, ...Array<number>(20).fill(50)), 2);
    });

    concurrently('waits only for a record() already in flight, and counts its row once', async () => {
      const alumnus = await createAlumnus(t);
      let change: Promise<{ status: number }> | undefined;
      await holdingOpen(
        (manager) => t.app.get(InteractionsService).record(manager, { alumnusId: alumnus.id, kind: 'events.checked_in' }),
        async () => {
          change = put({ ...SETTINGS, halfLifeDays: 50 });
          await eventually(async () => ((await lockWaits()) > 0 ? true : undefined));
        },
      );
      expect((await change!).status).toBe(200);
      await recordInteraction(t, alumnus.id, 'events.checked_in', 50);
      await applied();
      expect((await engagementOf(alumnus.id)).score).toBeCloseTo(checkedIn(0, 50), 2);
    });
    // The interaction's insert and its sums are one statement (issue 17): the sums must still read
    // the settings as they are once the row holds the lock, not as the statement began.
    concurrently('counts at both generations a row whose record() waited for the change that started the next one', async () => {
      const alumnus = await createAlumnus(t);
      let recorded: Promise<unknown> | undefined;
      await holdingOpen(
        (manager) =>
          t.app.get(EngagementService).applySettings(manager, { id: staff.alumnus.id, roles: ['staff'] }, {
            ...SETTINGS,
            halfLifeDays: 50,
          } as UpdateEngagementSettingsDto),
        async () => {
          recorded = recordInteraction(t, alumnus.id, 'events.checked_in');
          await eventually(async () => ((await lockWaits()) > 0 ? true : undefined));
        },
      );
      await recorded;
      await t.app.get(EngagementService).buildNextGeneration();
      await applied();
      expect((await engagementOf(alumnus.id)).score).toBeCloseTo(checkedIn(0), 2);
    });
  });

  it('rebuilds from the log, as the migration does for older rows, exactly what it kept incrementally', async () => {
    const snapshot = async () => ({
      summaries: (
        await t.dataSource.query(
          'SELECT alumnus_id, last_interaction_at, recent_participations, recent_donations, donated_fen, phone_confirmed_at, city_confirmed_at, employer_confirmed_at, wechat_active_at FROM engagement_summaries ORDER BY 1',
        )
      ).map((row: Record<string, unknown>) => JSON.stringify(row)),
      sums: await t.dataSource.query(
        'SELECT alumnus_id, kind, round(decayed_sum::numeric, 9) AS sum FROM engagement_kind_sums ORDER BY alumnus_id, kind',
      ),
      months: await t.dataSource.query('SELECT * FROM engagement_months ORDER BY alumnus_id, month'),
    });
    const kept = await snapshot();
    expect(kept.summaries.length).toBeGreaterThan(5);
    expect(kept.sums.length).toBeGreaterThan(kept.summaries.length);
    const kinds = (flag: 'participation' | 'byAlumnus') =>
      Object.entries(INTERACTION_KINDS)
        .filter(([, meta]) => meta[flag])
        .map(([kind]) => kind);
    await t.dataSource.query('SELECT engagement_backfill($1, $2)', [kinds('participation'), kinds('byAlumnus')]);
    expect(await snapshot()).toEqual(kept);
  });

  it('tells which contact fields are known and current', async () => {
    const alumnus = await createAlumnus(t, { ...phoneOf('engagement'), city: '杭州', employer: '江州机械' });
    await recordInteraction(t, alumnus.id, 'identity.signed_up', 500);
    await recordInteraction(t, alumnus.id, 'identity.profile_updated', 400, { fields: ['city', 'bio'] });
    await recordInteraction(t, alumnus.id, 'offline.phone_call', 20);
    await recordInteraction(t, alumnus.id, 'events.registered', 3);
    const { contact } = await engagementOf(alumnus.id);
    expect(contact).toEqual({
      phone: { known: true, current: true, confirmedAt: expect.any(String) },
      city: { known: true, current: false, confirmedAt: expect.any(String) },
      employer: { known: true, current: false, confirmedAt: null },
      wechat: { known: true, current: true, confirmedAt: expect.any(String) },
    });
    const bare = await engagementOf(ids['silent']!);
    expect(Object.values(bare.contact).map((c) => (c as { known: boolean }).known)).toEqual([false, false, false, false]);
  });

  it('answers 404 ALUMNUS_NOT_FOUND for an unknown alumnus', async () => {
    const res = await t.request('/api/v1/staff/alumni/00000000-0000-4000-8000-000000000000/engagement', { headers: staff.headers });
    expect([res.status, res.body.error.code]).toEqual([404, 'ALUMNUS_NOT_FOUND']);
  });

  it('refuses a gift row without a whole positive amount, and the change with it', async () => {
    const alumnus = await createAlumnus(t);
    await expect(recordInteraction(t, alumnus.id, 'giving.donated', 0, { amountFen: 12.5 })).rejects.toThrow(/amountFen/);
    expect(await scalar(t, 'SELECT count(*) FROM interactions WHERE alumnus_id = $1', [alumnus.id])).toBe(0);
  });

  describe('weight editing', () => {
    const state = async () => [
      JSON.stringify((await t.request('/api/v1/staff/engagement/weights', { headers: staff.headers })).body),
      await t.dataSource.getRepository(AuditEntryEntity).count(),
    ];

    it.each([
      ['an unknown kind', { ...SETTINGS, weights: [{ kind: 'events.partied', weight: 1 }] }, 422, 'ENGAGEMENT_KIND_UNKNOWN'],
      [
        'a kind listed twice',
        { ...SETTINGS, weights: [SETTINGS.weights[0], { kind: 'events.checked_in', weight: 2 }] },
        422,
        'ENGAGEMENT_WEIGHT_DUPLICATE',
      ],
      ['a weight over 100', { ...SETTINGS, weights: [{ kind: 'events.checked_in', weight: 101 }] }, 400, 'VALIDATION_FAILED'],
      ['a weight with three decimals', { ...SETTINGS, weights: [{ kind: 'events.checked_in', weight: 1.125 }] }, 400, 'VALIDATION_FAILED'],
      ['a weight that is text', { ...SETTINGS, weights: [{ kind: 'events.checked_in', weight: '3' }] }, 400, 'VALIDATION_FAILED'],
      ['a half-life of 10 days', { ...SETTINGS, halfLifeDays: 10 }, 400, 'VALIDATION_FAILED'],
      ['a fractional half-life', { ...SETTINGS, halfLifeDays: 100.5 }, 400, 'VALIDATION_FAILED'],
      ['no contact window', { halfLifeDays: 100, weights: [] }, 400, 'VALIDATION_FAILED'],
      ['weights that are no list', { ...SETTINGS, weights: { 'events.checked_in': 4 } }, 400, 'VALIDATION_FAILED'],
    ])('refuses %s, changing nothing', async (_name, body, status, code) => {
      const before = await state();
      const res = await put(body);
      expect([res.status, res.body.error.code]).toEqual([status, code]);
      expect(await state()).toEqual(before);
    });

    it('is for staff only', async () => {
      const alumnus = await signedIn(t);
      const before = await state();
      expect((await put(SETTINGS, alumnus)).status).toBe(403);
      expect((await t.request('/api/v1/staff/engagement/weights', { headers: alumnus.headers })).status).toBe(403);
      expect((await t.request(`/api/v1/staff/alumni/${alumnus.alumnus.id}/engagement`, { headers: alumnus.headers })).status).toBe(403);
      expect(await state()).toEqual(before);
    });
  });
});
