import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { GroupEntity } from '../groups/group.entity.js';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity.js';
import { signedIn } from '../../test/auth.js';
import { picture, pictureFacts } from '../../test/images.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { EventEntity } from './event.entity.js';
import { eventInput, jsonRequest } from '../../test/events.js';

describe('staff event management', () => {
  let t: TestApp;
  let staff: Awaited<ReturnType<typeof signedIn>>;
  let alumnus: Awaited<ReturnType<typeof signedIn>>;
  const send = (method: string, path: string, body: unknown, who = staff) => t.request(path, jsonRequest(method, body, who.headers));
  const eventCount = () => t.dataSource.getRepository(EventEntity).count();

  beforeAll(async () => {
    t = await startTestApp();
    staff = await signedIn(t, ['staff']);
    alumnus = await signedIn(t);
  });
  afterAll(() => t.close());

  it('creates a draft with every field, audited, visible to staff only', async () => {
    const res = await send(
      'POST',
      '/api/v1/staff/events',
      eventInput({ questions: [{ id: 'diet', kind: 'single', label: '饮食', required: true, options: ['普通', '素食'] }] }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'draft',
      title: '2026 秋季返校日',
      address: '江州市学府路 1 号',
      latitude: 30.5,
      longitude: 114.3,
      waitlistEnabled: true,
      audience: { kind: 'everyone' },
      questions: [{ id: 'diet', kind: 'single', label: '饮食', required: true, options: ['普通', '素食'] }],
      contactName: '王老师',
      confirmedCount: 0,
    });
    const id = res.body.id;
    expect((await t.request(`/api/v1/events/${id}`)).body.error.code).toBe('EVENT_NOT_FOUND');
    expect((await t.request('/api/v1/events')).body.items).toEqual([]);
    expect((await t.request(`/api/v1/staff/events/${id}`, { headers: staff.headers })).body.id).toBe(id);
    const audit = await t.dataSource.getRepository(AuditEntryEntity).findBy({ subjectId: id });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([['event.created', staff.alumnus.id]]);
  });

  it('stores the description sanitised, whatever the client sends, on creation and on edit', async () => {
    const description =
      '<h2>议程</h2><p style="position:fixed">签到</p><iframe src="https://evil.example/"></iframe><script>steal()</script>';
    const created = await send('POST', '/api/v1/staff/events', eventInput({ description }));
    expect(created.status).toBe(201);
    expect(created.body.description).toBe('<h2>议程</h2><p>签到</p>');
    const edited = await send('PATCH', `/api/v1/staff/events/${created.body.id}`, {
      description: '<img src="javascript:steal()">合影\n\n留念',
    });
    expect(edited.body.description).toBe('合影\n\n留念');
    const stored = await t.dataSource.getRepository(EventEntity).findOneByOrFail({ id: created.body.id });
    expect(stored.description).toBe('合影\n\n留念');
  });

  it('takes an offline event typed as an address, without coordinates', async () => {
    const created = await send('POST', '/api/v1/staff/events', eventInput({ latitude: null, longitude: null }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ latitude: null, longitude: null, address: expect.any(String) });
  });

  it('takes a cover uploaded as a picture (not typed as a URL), before the first save', async () => {
    const form = new FormData();
    form.append('file', new Blob([await picture('jpeg', 1600, 900)]), 'cover.jpg');
    const cover = await t.request('/api/v1/staff/events/covers', { method: 'POST', headers: staff.headers, body: form });
    expect(cover.status).toBe(201);
    expect(cover.body.url).toMatch(/^\/api\/v1\/uploads\/event-covers\/[0-9a-f-]{36}\.jpg$/);
    const served = await fetch(`${t.baseUrl}${cover.body.url}`);
    expect(await pictureFacts(await served.arrayBuffer())).toMatchObject({ format: 'jpeg', width: 1600, height: 900 });

    const created = await send('POST', '/api/v1/staff/events', eventInput({ coverUrl: cover.body.url }));
    expect([created.status, created.body.coverUrl]).toEqual([201, cover.body.url]);
    const elsewhere = await send('POST', '/api/v1/staff/events', eventInput({ coverUrl: '/api/v1/uploads/avatars/x.jpg' }));
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const notStaff = await t.request('/api/v1/staff/events/covers', { method: 'POST', headers: alumnus.headers, body: new FormData() });
    expect(notStaff.status).toBe(403);
  });

  it('refuses alumni every staff route', async () => {
    expect((await send('POST', '/api/v1/staff/events', eventInput(), alumnus)).status).toBe(403);
    expect((await t.request('/api/v1/staff/events', { headers: alumnus.headers })).status).toBe(403);
    const anonymous = await t.request('/api/v1/staff/events', jsonRequest('POST', eventInput(), {}));
    expect(anonymous.status).toBe(401);
  });

  it.each([
    ['start after end', { startsAt: '2030-05-02T10:00:00.000Z', endsAt: '2030-05-02T09:00:00.000Z' }, 422, 'EVENT_TIME_INVALID'],
    ['sign-up closing after the start', { signupClosesAt: '2030-05-02T03:00:00.000Z' }, 422, 'EVENT_SIGNUP_WINDOW_INVALID'],
    [
      'sign-up closing before it opens',
      { signupOpensAt: '2030-04-20T00:00:00.000Z', signupClosesAt: '2030-04-10T00:00:00.000Z' },
      422,
      'EVENT_SIGNUP_WINDOW_INVALID',
    ],
    ['negative capacity', { capacity: -1 }, 400, 'VALIDATION_FAILED'],
    ['an unknown kind', { kind: 'party' }, 400, 'VALIDATION_FAILED'],
    ['a bad date', { startsAt: '明天' }, 400, 'VALIDATION_FAILED'],
    ['an offline event without an address', { address: null }, 422, 'EVENT_PLACE_REQUIRED'],
    ['an offline event with half a pair of coordinates', { latitude: null }, 422, 'EVENT_PLACE_REQUIRED'],
    ['an online event without a link', { online: true, kind: 'online' }, 422, 'EVENT_PLACE_REQUIRED'],
    ['a group audience without a group', { audience: { kind: 'group' } }, 422, 'EVENT_AUDIENCE_INVALID'],
    [
      'a group that does not exist',
      { audience: { kind: 'group', groupId: '00000000-0000-4000-8000-000000000000' } },
      422,
      'EVENT_AUDIENCE_INVALID',
    ],
    ['a reversed year range', { audience: { kind: 'graduation_years', yearFrom: 2010, yearTo: 2000 } }, 422, 'EVENT_AUDIENCE_INVALID'],
    [
      'a choice question with one option',
      { questions: [{ id: 'a', kind: 'single', label: '选', required: false, options: ['仅一个'] }] },
      422,
      'EVENT_QUESTIONS_INVALID',
    ],
    [
      'a text question with options',
      { questions: [{ id: 'a', kind: 'text', label: '说', required: false, options: ['x', 'y'] }] },
      422,
      'EVENT_QUESTIONS_INVALID',
    ],
    [
      'duplicate question ids',
      {
        questions: [
          { id: 'a', kind: 'text', label: '一', required: false },
          { id: 'a', kind: 'text', label: '二', required: false },
        ],
      },
      422,
      'EVENT_QUESTIONS_INVALID',
    ],
    ['an unknown question kind', { questions: [{ id: 'a', kind: 'rating', label: '评分', required: false }] }, 400, 'VALIDATION_FAILED'],
  ])('refuses %s with %s %s and writes nothing', async (_name, override, status, code) => {
    const before = await eventCount();
    const res = await send('POST', '/api/v1/staff/events', eventInput(override));
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(await eventCount()).toBe(before);
  });

  it('accepts a group audience naming an existing group, and a year range', async () => {
    const group = await t.dataSource.getRepository(GroupEntity).save({ kind: 'city', name: '江州校友会', intro: '', city: '江州' });
    expect(
      (await send('POST', '/api/v1/staff/events', eventInput({ audience: { kind: 'group', groupId: group.id } }))).body.audience,
    ).toEqual({
      kind: 'group',
      groupId: group.id,
    });
    const years = await send(
      'POST',
      '/api/v1/staff/events',
      eventInput({ audience: { kind: 'graduation_years', yearFrom: 2000, yearTo: 2005 } }),
    );
    expect(years.body.audience).toEqual({ kind: 'graduation_years', yearFrom: 2000, yearTo: 2005 });
    const edited = await send('PATCH', `/api/v1/staff/events/${years.body.id}`, { audience: { kind: 'group', groupId: group.id } });
    expect(edited.status).toBe(200);
    expect(edited.body.audience).toEqual({ kind: 'group', groupId: group.id });
  });

  it('edits, publishes, then refuses capacity below the confirmed count, and notifies registrants of a new time', async () => {
    const { id } = (await send('POST', '/api/v1/staff/events', eventInput({ capacity: 5 }))).body;
    const edited = await send('PATCH', `/api/v1/staff/events/${id}`, { title: '改名后的返校日', capacity: 3 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: '改名后的返校日', capacity: 3, address: '江州市学府路 1 号' });
    expect((await send('POST', `/api/v1/staff/events/${id}/publish`, {})).body.status).toBe('published');
    expect((await t.request(`/api/v1/events/${id}`)).body.title).toBe('改名后的返校日');

    for (let i = 0; i < 2; i++) {
      const someone = await signedIn(t);
      expect((await send('POST', `/api/v1/events/${id}/registrations`, { answers: {} }, someone)).body.status).toBe('confirmed');
    }
    const tooSmall = await send('PATCH', `/api/v1/staff/events/${id}`, { capacity: 1 });
    expect(tooSmall.status).toBe(409);
    expect(tooSmall.body.error.code).toBe('EVENT_CAPACITY_BELOW_CONFIRMED');
    expect((await t.dataSource.getRepository(EventEntity).findOneByOrFail({ id })).capacity).toBe(3);

    const badEdit = await send('PATCH', `/api/v1/staff/events/${id}`, { endsAt: '2030-05-01T00:00:00.000Z' });
    expect(badEdit.body.error.code).toBe('EVENT_TIME_INVALID');

    const moved = await send('PATCH', `/api/v1/staff/events/${id}`, { startsAt: '2030-05-02T03:00:00.000Z' });
    expect(moved.status).toBe(200);
    const messages = await t.dataSource.getRepository(OutboxMessageEntity).findBy({ kind: 'events.changed' });
    expect(messages).toHaveLength(2);
    expect(messages[0]!.payload).toMatchObject({ eventId: id, changed: ['startsAt'] });

    const actions = (await t.dataSource.getRepository(AuditEntryEntity).find({ where: { subjectId: id }, order: { id: 'ASC' } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(['event.created', 'event.updated', 'event.published', 'event.updated']);
  });

  it('cancels: sign-up closes, every registrant is notified, and a cancelled event cannot be edited or published', async () => {
    const { id } = (await send('POST', '/api/v1/staff/events', eventInput({ capacity: 1 }))).body;
    await send('POST', `/api/v1/staff/events/${id}/publish`, {});
    const first = await signedIn(t);
    const second = await signedIn(t);
    await send('POST', `/api/v1/events/${id}/registrations`, {}, first);
    expect((await send('POST', `/api/v1/events/${id}/registrations`, {}, second)).body.status).toBe('waitlisted');

    const cancelled = await send('POST', `/api/v1/staff/events/${id}/cancel`, {});
    expect(cancelled.body.status).toBe('cancelled');
    const notified = await t.dataSource.getRepository(OutboxMessageEntity).findBy({ kind: 'events.cancelled' });
    expect(notified.map((m) => m.alumnusId).sort()).toEqual([first.alumnus.id, second.alumnus.id].sort());
    expect(notified.every((m) => m.status === 'pending' && m.payload.eventId === id)).toBe(true);

    const late = await send('POST', `/api/v1/events/${id}/registrations`, {}, await signedIn(t));
    expect(late.body.error.code).toBe('EVENT_NOT_OPEN');
    expect((await send('PATCH', `/api/v1/staff/events/${id}`, { title: 'x' })).body.error.code).toBe('EVENT_STATE_CONFLICT');
    expect((await send('POST', `/api/v1/staff/events/${id}/publish`, {})).body.error.code).toBe('EVENT_STATE_CONFLICT');
    expect((await t.request(`/api/v1/events/${id}`)).body.status).toBe('cancelled');
  });

  it('lists every event for staff, drafts included, filtered by status', async () => {
    const all = await t.request('/api/v1/staff/events?limit=100', { headers: staff.headers });
    expect(all.body.items.map((e: { status: string }) => e.status)).toEqual(expect.arrayContaining(['draft', 'published', 'cancelled']));
    const drafts = await t.request('/api/v1/staff/events?status=draft&limit=100', { headers: staff.headers });
    expect(drafts.body.items.length).toBeGreaterThan(0);
    expect(drafts.body.items.every((e: { status: string }) => e.status === 'draft')).toBe(true);
  });
});
