import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { createAlumnus, signedIn } from '../../test/auth.js';
import { jsonRequest } from '../../test/events.js';
import { daysAgo, recordInteraction, scalar } from '../../test/interactions.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { InteractionsService } from './interactions.service.js';
import { describeInteraction, type InteractionDto } from '@alumni/shared';
import { campaignFactory, eventFactory } from '../../test/factories.js';
import { giveAndPay } from '../../test/giving.js';
import { groupWith } from '../../test/group-feeds.js';
import { PRIVACY_NOTICE } from '../identity/privacy-notice.js';

describe('the interaction log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const rowsOf = async (alumnusId: string | null) =>
    t.dataSource.query('SELECT kind FROM interactions WHERE alumnus_id IS NOT DISTINCT FROM $1 ORDER BY id', [alumnusId]);
  /** The alumnus's engagement rows: their summary and one decayed sum per kind. */
  const summaryOf = (alumnusId: string) =>
    t.dataSource.query(
      `SELECT 'summary' AS row FROM engagement_summaries WHERE alumnus_id = $1
       UNION ALL SELECT kind FROM engagement_kind_sums WHERE alumnus_id = $1 ORDER BY 1`,
      [alumnusId],
    );

  it('commits a row and its engagement summary with the change it records', async () => {
    const alumnus = await createAlumnus(t);
    await recordInteraction(t, alumnus.id, 'identity.consented');
    expect(await rowsOf(alumnus.id)).toEqual([{ kind: 'identity.consented' }]);
    expect(await summaryOf(alumnus.id)).toEqual([{ row: 'identity.consented' }, { row: 'summary' }]);
  });

  it('leaves no row, summary or month when the change throws after recording', async () => {
    const alumnus = await createAlumnus(t);
    const log = t.app.get(InteractionsService);
    await expect(
      t.dataSource.transaction(async (manager) => {
        await log.record(manager, { alumnusId: alumnus.id, kind: 'events.checked_in' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await rowsOf(alumnus.id)).toEqual([]);
    expect(await summaryOf(alumnus.id)).toEqual([]);
    expect(await scalar(t, 'SELECT count(*) FROM engagement_months WHERE alumnus_id = $1', [alumnus.id])).toBe(0);
  });

  describe('is append-only in the database itself', () => {
    let alumnusId: string;
    beforeAll(async () => {
      alumnusId = (await createAlumnus(t)).id;
      await recordInteraction(t, alumnusId, 'identity.signed_up');
    });
    afterEach(async () => expect(await rowsOf(alumnusId)).toEqual([{ kind: 'identity.signed_up' }]));

    it('refuses UPDATE', async () => {
      await expect(t.dataSource.query("UPDATE interactions SET kind = 'x' WHERE alumnus_id = $1", [alumnusId])).rejects.toThrow(
        /append-only \(UPDATE refused\)/,
      );
    });

    it('refuses an UPDATE that also clears the actor', async () => {
      await expect(
        t.dataSource.query('UPDATE interactions SET alumnus_id = NULL, detail = \'{"x":1}\' WHERE alumnus_id = $1', [alumnusId]),
      ).rejects.toThrow(/append-only/);
    });

    it('refuses DELETE', async () => {
      await expect(t.dataSource.query('DELETE FROM interactions WHERE alumnus_id = $1', [alumnusId])).rejects.toThrow(
        /append-only \(DELETE refused\)/,
      );
    });

    it('refuses TRUNCATE, also when cascading from the alumni table', async () => {
      await expect(t.dataSource.query('TRUNCATE interactions')).rejects.toThrow(/append-only \(TRUNCATE refused\)/);
      await expect(t.dataSource.query('TRUNCATE alumni CASCADE')).rejects.toThrow(/append-only \(TRUNCATE refused\)/);
    });
  });

  it('allows exactly one change: forgetting the actor (and their score) when an account is erased', async () => {
    const alumnus = await createAlumnus(t);
    const log = t.app.get(InteractionsService);
    await recordInteraction(t, alumnus.id, 'events.checked_in');
    const before = await scalar(t, 'SELECT count(*) FROM interactions');
    await t.dataSource.transaction((manager) => log.anonymise(manager, alumnus.id));
    expect(await rowsOf(alumnus.id)).toEqual([]);
    expect(await scalar(t, 'SELECT count(*) FROM interactions')).toBe(before);
    expect(await summaryOf(alumnus.id)).toEqual([]);
  });

  describe('timelines', () => {
    it('shows an alumnus their own history, newest first, page by page', async () => {
      const me = await signedIn(t);
      const other = await createAlumnus(t);
      const kinds = ['identity.signed_up', 'identity.consented', 'events.registered', 'events.checked_in', 'groups.joined'];
      for (const [i, kind] of kinds.entries()) await recordInteraction(t, me.alumnus.id, kind, kinds.length - i);
      await recordInteraction(t, other.id, 'giving.donated', 1, { amountFen: 100, campaignId: 'c' });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
        const res = await t.request(`/api/v1/me/interactions${query}`, { headers: me.headers });
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.items.map((i: { kind: string }) => i.kind));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...kinds].reverse());
    });

    it('names what happened: the event signed up for, the group joined and posted in, the campaign given to', async () => {
      const me = await signedIn(t, ['alumnus'], { consentVersion: PRIVACY_NOTICE.version, consentedAt: new Date() });
      const event = await eventFactory(t.dataSource)(48, { title: '2025 返校日' });
      const campaign = await campaignFactory(t.dataSource)({ title: '助学基金', kind: 'student_aid' });
      const groupId = await groupWith(t, 'open', []);
      expect((await t.request(`/api/v1/events/${event.id}/registrations`, jsonRequest('POST', {}, me.headers))).status).toBe(201);
      expect((await t.request(`/api/v1/groups/${groupId}/join`, jsonRequest('POST', {}, me.headers))).status).toBe(200);
      expect((await t.request(`/api/v1/groups/${groupId}/posts`, jsonRequest('POST', { text: '大家好' }, me.headers))).status).toBe(201);
      await giveAndPay(t, campaign.id, me, { amountFen: 5000 });

      const res = await t.request('/api/v1/me/interactions', { headers: me.headers });
      const [group] = await t.dataSource.query('SELECT name FROM groups WHERE id = $1', [groupId]);
      const read = res.body.items.map((i: InteractionDto) => [i.kind, i.subjectTitle, describeInteraction(i)]);
      expect(read).toEqual([
        ['giving.donated', '助学基金', '为 助学基金 捐赠 ¥50'],
        ['groups.posted', group.name, `在 ${group.name} 发帖`],
        ['groups.joined', group.name, `加入了 ${group.name}`],
        ['events.registered', '2025 返校日', '报名了 2025 返校日'],
      ]);

      // The title is read when the timeline is: a renamed event reads under its new name.
      await t.dataSource.query("UPDATE events SET title = '2025 校友返校日' WHERE id = $1", [event.id]);
      const again = await t.request('/api/v1/me/interactions', { headers: me.headers });
      expect(again.body.items.at(-1).subjectTitle).toBe('2025 校友返校日');
    });

    it('keeps rows of the same millisecond apart by id', async () => {
      const me = await signedIn(t);
      const at = daysAgo(3);
      await t.dataSource.transaction(async (manager) => {
        for (const kind of ['events.registered', 'events.cancelled', 'events.registered']) {
          await t.app.get(InteractionsService).record(manager, { alumnusId: me.alumnus.id, kind, occurredAt: at });
        }
      });
      const first = await t.request('/api/v1/me/interactions?limit=1', { headers: me.headers });
      const rest = await t.request(`/api/v1/me/interactions?limit=5&cursor=${first.body.nextCursor}`, { headers: me.headers });
      const ids = [...first.body.items, ...rest.body.items].map((i: { id: string }) => Number(i.id));
      expect(ids).toHaveLength(3);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
    });

    it('shows staff anyone’s timeline, and alumni only their own', async () => {
      const staff = await signedIn(t, ['staff']);
      const alumnus = await signedIn(t);
      const subject = await createAlumnus(t);
      const at = daysAgo(2);
      await t.dataSource.transaction((manager) =>
        t.app.get(InteractionsService).record(manager, {
          alumnusId: subject.id,
          kind: 'events.checked_in',
          subjectType: 'event',
          subjectId: 'e1',
          detail: { walkIn: false },
          occurredAt: at,
        }),
      );
      const res = await t.request(`/api/v1/staff/alumni/${subject.id}/interactions`, { headers: staff.headers });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        items: [
          {
            id: expect.stringMatching(/^\d+$/),
            kind: 'events.checked_in',
            subjectType: 'event',
            subjectId: 'e1',
            subjectTitle: null, // no event has this id
            detail: { walkIn: false },
            occurredAt: at.toISOString(),
          },
        ],
        nextCursor: null,
      });
      expect((await t.request(`/api/v1/staff/alumni/${subject.id}/interactions`, { headers: alumnus.headers })).body.error.code).toBe(
        'FORBIDDEN',
      );
      expect((await t.request(`/api/v1/staff/alumni/${subject.id}/interactions`)).status).toBe(401);
      expect((await t.request('/api/v1/me/interactions')).status).toBe(401);
    });

    it('answers 404 ALUMNUS_NOT_FOUND for someone unknown and 400 INVALID_CURSOR for a forged cursor', async () => {
      const staff = await signedIn(t, ['staff']);
      const unknown = await t.request('/api/v1/staff/alumni/00000000-0000-4000-8000-000000000000/interactions', { headers: staff.headers });
      expect([unknown.status, unknown.body.error.code]).toEqual([404, 'ALUMNUS_NOT_FOUND']);
      const forged = Buffer.from(JSON.stringify([new Date().toISOString(), '1; DROP TABLE interactions'])).toString('base64url');
      const res = await t.request(`/api/v1/me/interactions?cursor=${forged}`, { headers: staff.headers });
      expect([res.status, res.body.error.code]).toEqual([400, 'INVALID_CURSOR']);
    });
  });

  describe('hand-logged interactions', () => {
    let staff: Awaited<ReturnType<typeof signedIn>>;
    beforeAll(async () => {
      staff = await signedIn(t, ['staff']);
    });
    const log = (alumnusId: string, body: unknown, who = staff) =>
      t.request(`/api/v1/staff/alumni/${alumnusId}/interactions`, jsonRequest('POST', body, who.headers));
    const written = async () => [
      await scalar(t, 'SELECT count(*) FROM interactions'),
      await t.dataSource.getRepository(AuditEntryEntity).count(),
    ];

    it('records a visit with notes and its time, audited, and shows it on the timeline', async () => {
      const subject = await signedIn(t);
      const occurredAt = daysAgo(10).toISOString();
      const res = await log(subject.alumnus.id, { kind: 'visit', notes: '  拜访杭州校友企业  ', occurredAt });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        kind: 'offline.visit',
        detail: { notes: '拜访杭州校友企业', loggedBy: staff.alumnus.id },
        occurredAt,
      });
      const timeline = await t.request('/api/v1/me/interactions', { headers: subject.headers });
      expect(timeline.body.items).toEqual([res.body]);
      const audit = await t.dataSource
        .getRepository(AuditEntryEntity)
        .findBy({ action: 'interaction.logged', subjectId: subject.alumnus.id });
      expect(audit.map((a) => [a.actorId, a.after])).toEqual([
        [staff.alumnus.id, { interactionId: res.body.id, kind: 'offline.visit', occurredAt }],
      ]);
    });

    it('logs every offline kind, now when no time is given', async () => {
      const subject = await createAlumnus(t);
      for (const kind of ['visit', 'phone_call', 'lecture', 'job_posted', 'mentoring']) {
        const res = await log(subject.id, { kind });
        expect(res.status).toBe(201);
        expect(Math.abs(Date.parse(res.body.occurredAt) - Date.now())).toBeLessThan(60_000);
      }
      expect((await rowsOf(subject.id)).map((r: { kind: string }) => r.kind)).toEqual([
        'offline.visit',
        'offline.phone_call',
        'offline.lecture',
        'offline.job_posted',
        'offline.mentoring',
      ]);
    });

    it.each([
      ['an unknown kind', { kind: 'party' }, 400, 'VALIDATION_FAILED', 'kind'],
      ['a missing kind', { notes: '来访' }, 400, 'VALIDATION_FAILED', 'kind'],
      ['notes over 1000 characters', { kind: 'visit', notes: '长'.repeat(1001) }, 400, 'VALIDATION_FAILED', 'notes'],
      ['a time that is no date', { kind: 'visit', occurredAt: '上周三' }, 400, 'VALIDATION_FAILED', 'occurredAt'],
      [
        'a time in the future',
        { kind: 'visit', occurredAt: new Date(Date.now() + 3_600_000).toISOString() },
        422,
        'INTERACTION_TIME_INVALID',
        'occurredAt',
      ],
      ['a time 51 years ago', { kind: 'visit', occurredAt: '1970-01-01T00:00:00.000Z' }, 422, 'INTERACTION_TIME_INVALID', 'occurredAt'],
      ['an unknown field', { kind: 'visit', alumnusId: 'x' }, 400, 'VALIDATION_FAILED', 'alumnusId'],
    ])('refuses %s, writing nothing', async (_name, body, status, code, field) => {
      const subject = await createAlumnus(t);
      const before = await written();
      const res = await log(subject.id, body);
      expect([res.status, res.body.error.code]).toEqual([status, code]);
      expect(res.body.error.details.map((d: { field?: string }) => d.field)).toContain(field);
      expect(await written()).toEqual(before);
    });

    it('refuses an unknown or erased alumnus with 404 ALUMNUS_NOT_FOUND and writes nothing', async () => {
      const erased = await createAlumnus(t, { deletedAt: new Date() });
      const before = await written();
      for (const id of ['00000000-0000-4000-8000-000000000000', erased.id]) {
        const res = await log(id, { kind: 'visit' });
        expect([res.status, res.body.error.code]).toEqual([404, 'ALUMNUS_NOT_FOUND']);
      }
      expect(await written()).toEqual(before);
    });

    it('is for staff only', async () => {
      const alumnus = await signedIn(t);
      const before = await written();
      const res = await log(alumnus.alumnus.id, { kind: 'visit' }, alumnus);
      expect([res.status, res.body.error.code]).toEqual([403, 'FORBIDDEN']);
      expect(await written()).toEqual(before);
    });
  });
});
