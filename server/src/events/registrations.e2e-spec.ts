import { InteractionEntity } from '../interactions/interaction.entity.js';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity.js';
import { signedIn } from '../../test/auth.js';
import { jsonRequest } from '../../test/events.js';
import { eventFactory } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { EventEntity } from './event.entity.js';
import { RegistrationEntity } from './registration.entity.js';

type Who = Awaited<ReturnType<typeof signedIn>>;

describe('registrations', () => {
  let t: TestApp;
  let event: ReturnType<typeof eventFactory>;
  const signUp = (id: string, who: Who, body: unknown = {}, headers: Record<string, string> = {}) =>
    t.request(`/api/v1/events/${id}/registrations`, jsonRequest('POST', body, { ...who.headers, ...headers }));
  const registrations = (eventId: string) =>
    t.dataSource.getRepository(RegistrationEntity).find({ where: { eventId }, order: { queuePosition: 'ASC' } });
  const interactions = (alumnusId: string) =>
    t.dataSource.getRepository(InteractionEntity).find({ where: { alumnusId }, order: { occurredAt: 'ASC' } });
  const confirmedCount = async (id: string) => (await t.dataSource.getRepository(EventEntity).findOneByOrFail({ id })).confirmedCount;

  beforeAll(async () => {
    t = await startTestApp();
    event = eventFactory(t.dataSource);
  });
  afterAll(() => t.close());

  it('confirms while seats are free, then waitlists, keeping confirmed_count equal to the rows', async () => {
    const { id } = await event(48, { capacity: 2, waitlistEnabled: true });
    const people = [await signedIn(t), await signedIn(t), await signedIn(t)];
    const statuses = [];
    for (const who of people) {
      const res = await signUp(id, who);
      expect(res.status).toBe(201);
      statuses.push(res.body.status);
    }
    expect(statuses).toEqual(['confirmed', 'confirmed', 'waitlisted']);
    expect(await confirmedCount(id)).toBe(2);
    expect((await interactions(people[0]!.alumnus.id)).map((i) => [i.kind, i.subjectId])).toEqual([['events.registered', id]]);
    expect((await interactions(people[2]!.alumnus.id)).map((i) => i.kind)).toEqual(['events.waitlisted']);
  });

  it('answers EVENT_FULL when there is no waitlist, writing nothing', async () => {
    const { id } = await event(48, { capacity: 1 });
    await signUp(id, await signedIn(t));
    const late = await signedIn(t);
    const res = await signUp(id, late);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('EVENT_FULL');
    expect(await registrations(id)).toHaveLength(1);
    expect(await interactions(late.alumnus.id)).toEqual([]);
  });

  it('answers a repeat by the same alumnus with the existing registration', async () => {
    const { id } = await event(48);
    const who = await signedIn(t);
    const first = await signUp(id, who);
    const again = await signUp(id, who);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await registrations(id)).toHaveLength(1);
    expect(await confirmedCount(id)).toBe(1);
  });

  describe('Idempotency-Key', () => {
    it('replays the first answer, even after the registration changed', async () => {
      const { id } = await event(48);
      const who = await signedIn(t);
      const first = await signUp(id, who, {}, { 'idempotency-key': 'key-00000001' });
      expect(first.status).toBe(201);
      await t.request(`/api/v1/events/${id}/registrations/mine`, { method: 'DELETE', headers: who.headers });
      const replay = await signUp(id, who, {}, { 'idempotency-key': 'key-00000001' });
      expect(replay.status).toBe(201);
      expect(replay.body).toEqual(first.body);
      expect((await registrations(id))[0]!.status).toBe('cancelled');
    });

    it('answers concurrent repeats once', async () => {
      const { id } = await event(48, { capacity: 1 });
      const who = await signedIn(t);
      const answers = await Promise.all(Array.from({ length: 5 }, () => signUp(id, who, {}, { 'idempotency-key': 'same-key-123' })));
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
      expect(await confirmedCount(id)).toBe(1);
      expect((await interactions(who.alumnus.id)).filter((i) => i.subjectId === id)).toHaveLength(1);
    });

    it('refuses the same key with another body, and a malformed key', async () => {
      const { id } = await event(48, { questions: [{ id: 'q', kind: 'text', label: '留言', required: false }] });
      const who = await signedIn(t);
      await signUp(id, who, { answers: { q: '一' } }, { 'idempotency-key': 'key-reused-1' });
      const reused = await signUp(id, who, { answers: { q: '二' } }, { 'idempotency-key': 'key-reused-1' });
      expect(reused.status).toBe(422);
      expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
      const bad = await signUp(id, await signedIn(t), {}, { 'idempotency-key': 'short' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('IDEMPOTENCY_KEY_INVALID');
      expect(await registrations(id)).toHaveLength(1);
    });
  });

  describe('answers', () => {
    const questions = [
      { id: 'note', kind: 'text' as const, label: '留言', required: false },
      { id: 'diet', kind: 'single' as const, label: '饮食', required: true, options: ['普通', '素食'] },
      { id: 'topics', kind: 'multiple' as const, label: '感兴趣的话题', required: false, options: ['就业', '创业', '校史'] },
    ];

    it('keeps valid answers', async () => {
      const { id } = await event(48, { questions });
      const res = await signUp(id, await signedIn(t), { answers: { note: ' 你好 ', diet: '素食', topics: ['校史', '就业'] } });
      expect(res.status).toBe(201);
      expect(res.body.answers).toEqual({ note: '你好', diet: '素食', topics: ['校史', '就业'] });
    });

    it.each([
      ['an unknown question', { diet: '普通', color: '红' }, 'ANSWER_QUESTION_UNKNOWN', 'answers.color'],
      ['text for a choice', { diet: '火锅' }, 'ANSWER_TYPE_INVALID', 'answers.diet'],
      ['a list for a single choice', { diet: ['普通'] }, 'ANSWER_TYPE_INVALID', 'answers.diet'],
      ['an unknown option in a multiple choice', { diet: '普通', topics: ['就业', '旅游'] }, 'ANSWER_TYPE_INVALID', 'answers.topics'],
      ['a number for text', { diet: '普通', note: 42 }, 'ANSWER_TYPE_INVALID', 'answers.note'],
      ['a missing required answer', { note: '无' }, 'ANSWER_REQUIRED', 'answers.diet'],
      ['oversized text', { diet: '普通', note: '字'.repeat(501) }, 'ANSWER_TOO_LONG', 'answers.note'],
    ])('refuses %s with 422 %s, writing nothing', async (_name, answers, code, field) => {
      const { id } = await event(48, { questions });
      const who = await signedIn(t);
      const res = await signUp(id, who, { answers });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await registrations(id)).toEqual([]);
      expect(await confirmedCount(id)).toBe(0);
      expect(await interactions(who.alumnus.id)).toEqual([]);
    });
  });

  describe('when sign-up is refused', () => {
    it.each([
      ['a draft', { status: 'draft' as const }, 404, 'EVENT_NOT_FOUND'],
      ['a cancelled event', { status: 'cancelled' as const }, 409, 'EVENT_NOT_OPEN'],
      ['a finished event', { status: 'finished' as const }, 409, 'EVENT_NOT_OPEN'],
      ['before the window opens', { signupOpensAt: new Date(Date.now() + 3600_000) }, 409, 'EVENT_SIGNUP_NOT_STARTED'],
      ['after the window closed', { signupClosesAt: new Date(Date.now() - 60_000) }, 409, 'EVENT_SIGNUP_CLOSED'],
    ])('refuses %s with %s %s', async (_name, values, status, code) => {
      const { id } = await event(48, values);
      const res = await signUp(id, await signedIn(t));
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(await registrations(id)).toEqual([]);
    });

    it('refuses after the event started (the window closes at the start by default)', async () => {
      const { id } = await event(-1);
      expect((await signUp(id, await signedIn(t))).body.error.code).toBe('EVENT_SIGNUP_CLOSED');
    });

    it('refuses an unknown event with 404', async () => {
      const res = await signUp('00000000-0000-4000-8000-000000000000', await signedIn(t));
      expect(res.body.error.code).toBe('EVENT_NOT_FOUND');
    });
  });

  describe('audience', () => {
    it('admits only verified alumni to a verified-only event', async () => {
      const { id } = await event(48, { audience: { kind: 'verified' } });
      const unverified = await signUp(id, await signedIn(t));
      expect(unverified.status).toBe(403);
      expect(unverified.body.error.code).toBe('EVENT_AUDIENCE_EXCLUDED');
      expect((await signUp(id, await signedIn(t, ['alumnus'], { verifiedAt: new Date() }))).status).toBe(201);
    });

    it('admits only the graduation-year range', async () => {
      const { id } = await event(48, { audience: { kind: 'graduation_years', yearFrom: 2000, yearTo: 2005 } });
      expect((await signUp(id, await signedIn(t, ['alumnus'], { graduationYear: 2006 }))).body.error.code).toBe('EVENT_AUDIENCE_EXCLUDED');
      expect((await signUp(id, await signedIn(t))).body.error.code).toBe('EVENT_AUDIENCE_EXCLUDED');
      expect((await signUp(id, await signedIn(t, ['alumnus'], { graduationYear: 2005 }))).status).toBe(201);
    });

    it('admits no alumnus to a group event until groups have members, but staff may join', async () => {
      const { id } = await event(48, { audience: { kind: 'group', groupId: '00000000-0000-4000-8000-000000000000' } });
      expect((await signUp(id, await signedIn(t, ['alumnus'], { verifiedAt: new Date() }))).body.error.code).toBe(
        'EVENT_AUDIENCE_EXCLUDED',
      );
      expect((await signUp(id, await signedIn(t, ['staff']))).status).toBe(201);
    });

    it('admits the active members of the group, and nobody who left it', async () => {
      const [group] = await t.dataSource.query(
        `INSERT INTO groups (kind, name, intro, join_policy, status) VALUES ('interest', '跑团', '', 'open', 'active') RETURNING id`,
      );
      const [member, former] = [await signedIn(t), await signedIn(t)];
      await t.dataSource.query(
        `INSERT INTO group_memberships (group_id, alumnus_id, status, joined_at) VALUES ($1, $2, 'active', now()), ($1, $3, 'left', now())`,
        [group.id, member.alumnus.id, former.alumnus.id],
      );
      const { id } = await event(48, { audience: { kind: 'group', groupId: group.id } });
      expect((await signUp(id, former)).body.error.code).toBe('EVENT_AUDIENCE_EXCLUDED');
      expect((await signUp(id, member)).status).toBe(201);
    });
  });

  describe('cancelling', () => {
    it('gives the seat to the first waitlisted alumnus in the same transaction, who is notified', async () => {
      const { id } = await event(48, { capacity: 1, waitlistEnabled: true });
      const [holder, second, third] = [await signedIn(t), await signedIn(t), await signedIn(t)];
      await signUp(id, holder!);
      await signUp(id, second!);
      await signUp(id, third!);

      const res = await t.request(`/api/v1/events/${id}/registrations/mine`, { method: 'DELETE', headers: holder!.headers });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('cancelled');
      const rows = await registrations(id);
      expect(rows.map((r) => [r.alumnusId, r.status])).toEqual([
        [holder!.alumnus.id, 'cancelled'],
        [second!.alumnus.id, 'confirmed'],
        [third!.alumnus.id, 'waitlisted'],
      ]);
      expect(await confirmedCount(id)).toBe(1);
      expect((await interactions(holder!.alumnus.id)).map((i) => i.kind)).toEqual(['events.registered', 'events.cancelled']);
      expect((await interactions(second!.alumnus.id)).map((i) => i.kind)).toEqual(['events.waitlisted', 'events.promoted']);
      const outbox = await t.dataSource
        .getRepository(OutboxMessageEntity)
        .findBy({ kind: 'events.promoted', alumnusId: second!.alumnus.id });
      expect(outbox).toHaveLength(1);
      expect(outbox[0]!.payload).toMatchObject({ eventId: id, registrationId: rows[1]!.id });
    });

    it('lets a cancelled alumnus sign up again, at the end of the queue', async () => {
      const { id } = await event(48, { capacity: 1, waitlistEnabled: true });
      const [a, b] = [await signedIn(t), await signedIn(t)];
      await signUp(id, a!);
      await t.request(`/api/v1/events/${id}/registrations/mine`, { method: 'DELETE', headers: a!.headers });
      await signUp(id, b!);
      const again = await signUp(id, a!);
      expect(again.status).toBe(201);
      expect(again.body.status).toBe('waitlisted');
      expect(await registrations(id)).toHaveLength(2);
    });

    it('answers REGISTRATION_NOT_FOUND when I have none', async () => {
      const { id } = await event(48);
      const res = await t.request(`/api/v1/events/${id}/registrations/mine`, { method: 'DELETE', headers: (await signedIn(t)).headers });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('REGISTRATION_NOT_FOUND');
    });
  });

  it('shows me my own registration for an event, in any status, and nobody else’s', async () => {
    const { id } = await event(48);
    const [me, other] = [await signedIn(t), await signedIn(t)];
    const mine = (who: Who) => t.request(`/api/v1/events/${id}/registrations/mine`, { headers: who.headers });
    const before = await mine(me);
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ registration: null });
    const created = await signUp(id, me, {});
    expect((await mine(me)).body).toEqual({ registration: created.body });
    await t.request(`/api/v1/events/${id}/registrations/mine`, { method: 'DELETE', headers: me.headers });
    expect((await mine(me)).body.registration.status).toBe('cancelled');
    expect((await mine(other)).body).toEqual({ registration: null });
    expect((await t.request(`/api/v1/events/${id}/registrations/mine`)).status).toBe(401);
  });

  it('lists my tickets, upcoming and past, with their events', async () => {
    const who = await signedIn(t);
    const soon = await event(24, { title: '明天' });
    const later = await event(72, { title: '三天后' });
    const past = await event(-48, { title: '前天', status: 'finished' });
    await signUp(later.id, who);
    await signUp(soon.id, who);
    await t.dataSource
      .getRepository(RegistrationEntity)
      .save({ eventId: past.id, alumnusId: who.alumnus.id, status: 'confirmed', answers: {} });
    const upcoming = await t.request('/api/v1/me/registrations', { headers: who.headers });
    expect(upcoming.body.items.map((r: { event: { title: string }; status: string }) => [r.event.title, r.status])).toEqual([
      ['明天', 'confirmed'],
      ['三天后', 'confirmed'],
    ]);
    const pastPage = await t.request('/api/v1/me/registrations?when=past', { headers: who.headers });
    expect(pastPage.body.items.map((r: { event: { title: string } }) => r.event.title)).toEqual(['前天']);
    const firstPage = await t.request('/api/v1/me/registrations?limit=1', { headers: who.headers });
    const second = await t.request(`/api/v1/me/registrations?limit=1&cursor=${firstPage.body.nextCursor}`, { headers: who.headers });
    expect(second.body.items.map((r: { event: { title: string } }) => r.event.title)).toEqual(['三天后']);
    expect((await t.request('/api/v1/me/registrations')).status).toBe(401);
  });
});
