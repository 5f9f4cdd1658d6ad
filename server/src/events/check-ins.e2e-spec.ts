import ExcelJS from 'exceljs';
import { IsNull, Not } from 'typeorm';
import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { InteractionEntity } from '../interactions/interaction.entity.js';
import { signedIn } from '../../test/auth.js';
import { jsonRequest } from '../../test/events.js';
import { eventFactory } from '../../test/factories.js';
import { startTestApp, testConfig, type TestApp } from '../../test/test-app.js';
import { checkInKey, checkInStep, signCheckInToken } from './check-in-token.js';
import { RegistrationEntity } from './registration.entity.js';
import { TokenService } from '../auth/token.service.js';

type Who = Awaited<ReturnType<typeof signedIn>>;

describe('check-in', () => {
  let t: TestApp;
  let staff: Who;
  let event: ReturnType<typeof eventFactory>;
  const key = checkInKey(testConfig().jwtSecret);
  const signUp = async (id: string, who: Who) =>
    (await t.request(`/api/v1/events/${id}/registrations`, jsonRequest('POST', {}, who.headers))).body as { id: string; status: string };
  const ticket = async (registrationId: string, who: Who) =>
    t.request(`/api/v1/me/registrations/${registrationId}/check-in-token`, { headers: who.headers });
  const checkIn = (eventId: string, body: unknown, who: Who = staff) =>
    t.request(`/api/v1/events/${eventId}/check-ins`, jsonRequest('POST', body, who.headers));
  const kinds = async (alumnusId: string) =>
    (await t.dataSource.getRepository(InteractionEntity).find({ where: { alumnusId }, order: { occurredAt: 'ASC' } })).map((i) => i.kind);

  beforeAll(async () => {
    t = await startTestApp();
    staff = await signedIn(t, ['staff']);
    event = eventFactory(t.dataSource);
  });
  afterAll(() => t.close());

  it('checks a QR token in once; a second scan says already checked in and changes nothing', async () => {
    const { id } = await event(2);
    const who = await signedIn(t);
    const registration = await signUp(id, who);
    const res = await ticket(registration.id, who);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      token: expect.stringMatching(/^[\w-]+\.[0-9a-z]+\.[\w-]+$/),
      shortCode: expect.stringMatching(/^[0-9A-Z]{8}$/),
      refreshAt: expect.any(String),
    });
    expect(new Date(res.body.refreshAt).getTime() - Date.now()).toBeLessThanOrEqual(60_000);

    const first = await checkIn(id, { token: res.body.token });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ registrationId: registration.id, alumnusId: who.alumnus.id, alreadyCheckedIn: false });
    const second = await checkIn(id, { token: res.body.token });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ alreadyCheckedIn: true, checkedInAt: first.body.checkedInAt });
    expect(await kinds(who.alumnus.id)).toEqual(['events.registered', 'events.checked_in']);
    const row = await t.dataSource.getRepository(RegistrationEntity).findOneByOrFail({ id: registration.id });
    expect(row.checkedInBy).toBe(staff.alumnus.id);
    expect(await t.dataSource.getRepository(AuditEntryEntity).countBy({ action: 'event.checked_in', subjectId: registration.id })).toBe(1);
  });

  it('accepts the short code typed in H5, in any case', async () => {
    const { id } = await event(2);
    const who = await signedIn(t);
    const registration = await signUp(id, who);
    const { shortCode } = (await ticket(registration.id, who)).body;
    const res = await checkIn(id, { shortCode: shortCode.toLowerCase() });
    expect(res.status).toBe(200);
    expect(res.body.registrationId).toBe(registration.id);
    const wrong = await checkIn(id, { shortCode: 'ZZZZZZZZ' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('CHECK_IN_CODE_INVALID');
  });

  it('accepts the previous step’s token (grace), refuses older ones as expired', async () => {
    const { id } = await event(2);
    const who = await signedIn(t);
    const registration = await signUp(id, who);
    const expired = await checkIn(id, { token: signCheckInToken(key, registration.id, checkInStep() - 2) });
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('CHECK_IN_TOKEN_EXPIRED');
    const grace = await checkIn(id, { token: signCheckInToken(key, registration.id, checkInStep() - 1) });
    expect(grace.status).toBe(200);
    expect(grace.body.alreadyCheckedIn).toBe(false);
  });

  it('refuses forged tokens, other events’ tickets and unconfirmed registrations, each with its own code, writing nothing', async () => {
    const { id } = await event(2, { capacity: 1, waitlistEnabled: true });
    const other = await event(2);
    const holder = await signedIn(t);
    const waiting = await signedIn(t);
    const mine = await signUp(id, holder);
    const waitlisted = await signUp(id, waiting);
    const { token } = (await ticket(mine.id, holder)).body;

    const forged = [
      token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA'),
      signCheckInToken(checkInKey('another-secret-of-at-least-32-characters'), mine.id, checkInStep()),
      signCheckInToken(key, mine.id, checkInStep() + 5),
      'not-a-token',
    ];
    for (const bad of forged) {
      const res = await checkIn(id, { token: bad });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('CHECK_IN_TOKEN_INVALID');
    }
    const wrongEvent = await checkIn(other.id, { token });
    expect(wrongEvent.status).toBe(422);
    expect(wrongEvent.body.error.code).toBe('CHECK_IN_WRONG_EVENT');
    const notConfirmed = await checkIn(id, { token: signCheckInToken(key, waitlisted.id, checkInStep()) });
    expect(notConfirmed.body.error.code).toBe('REGISTRATION_NOT_CONFIRMED');
    expect((await ticket(waitlisted.id, waiting)).body.error.code).toBe('REGISTRATION_NOT_CONFIRMED');
    expect((await ticket(mine.id, waiting)).body.error.code).toBe('REGISTRATION_NOT_FOUND');

    expect(await t.dataSource.getRepository(RegistrationEntity).countBy({ eventId: id, checkedInAt: Not(IsNull()) })).toBe(0);
    expect((await t.dataSource.getRepository(RegistrationEntity).findOneByOrFail({ id: mine.id })).checkedInAt).toBeNull();
    expect(await kinds(holder.alumnus.id)).toEqual(['events.registered']);
  });

  it('is for staff only', async () => {
    const { id } = await event(2);
    const who = await signedIn(t);
    const registration = await signUp(id, who);
    const { token } = (await ticket(registration.id, who)).body;
    expect((await checkIn(id, { token }, who)).status).toBe(403);
  });

  it('admits walk-ins, taking a free seat or growing a full event by one', async () => {
    const { id } = await event(2, { capacity: 1 });
    await signUp(id, await signedIn(t));
    const guest = await signedIn(t);
    const res = await t.request(`/api/v1/events/${id}/walk-ins`, jsonRequest('POST', { alumnusId: guest.alumnus.id }, staff.headers));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ alumnusId: guest.alumnus.id, alreadyCheckedIn: false });
    const detail = (await t.request(`/api/v1/events/${id}`)).body;
    expect([detail.capacity, detail.confirmedCount]).toEqual([2, 2]);
    expect(await kinds(guest.alumnus.id)).toEqual(['events.registered', 'events.checked_in']);
    const again = await t.request(`/api/v1/events/${id}/walk-ins`, jsonRequest('POST', { alumnusId: guest.alumnus.id }, staff.headers));
    expect(again.body.alreadyCheckedIn).toBe(true);
    const unknown = await t.request(
      `/api/v1/events/${id}/walk-ins`,
      jsonRequest('POST', { alumnusId: '00000000-0000-4000-8000-000000000000' }, staff.headers),
    );
    expect(unknown.body.error.code).toBe('ALUMNUS_NOT_FOUND');
  });

  it('finishing the event records no-shows for confirmed registrants who did not come', async () => {
    const { id } = await event(-3, { capacity: 5 });
    const [came, absent] = [await signedIn(t), await signedIn(t)];
    const repo = t.dataSource.getRepository(RegistrationEntity);
    await repo.save({ eventId: id, alumnusId: came!.alumnus.id, status: 'confirmed', answers: {}, checkedInAt: new Date() });
    await repo.save({ eventId: id, alumnusId: absent!.alumnus.id, status: 'confirmed', answers: {} });
    const res = await t.request(`/api/v1/staff/events/${id}/finish`, jsonRequest('POST', {}, staff.headers));
    expect(res.body.status).toBe('finished');
    expect(await kinds(absent!.alumnus.id)).toEqual(['events.no_show']);
    expect(await kinds(came!.alumnus.id)).toEqual([]);
    expect(
      (
        await checkIn(id, {
          token: signCheckInToken(key, (await repo.findOneByOrFail({ alumnusId: absent!.alumnus.id })).id, checkInStep()),
        })
      ).body.error.code,
    ).toBe('EVENT_NOT_OPEN');
  });
});

describe('registrant list and export', () => {
  let t: TestApp;
  let staff: Who;
  let eventId: string;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await signedIn(t, ['staff']);
    ({ id: eventId } = await eventFactory(t.dataSource)(24, {
      capacity: 2,
      waitlistEnabled: true,
      questions: [
        { id: 'diet', kind: 'single', label: '饮食', required: true, options: ['普通', '素食'] },
        { id: 'topics', kind: 'multiple', label: '话题', required: false, options: ['就业', '校史'] },
      ],
    }));
    const people = [
      await signedIn(t, ['alumnus'], { displayName: '张三', realName: '张三丰', graduationYear: 2008 }),
      await signedIn(t, ['alumnus'], { displayName: '=SUM(A1)' }),
      await signedIn(t, ['alumnus'], { displayName: '李四' }),
    ];
    const answers = [{ diet: '素食', topics: ['就业', '校史'] }, { diet: '普通' }, { diet: '普通' }];
    for (const [i, who] of people.entries()) {
      await t.request(`/api/v1/events/${eventId}/registrations`, jsonRequest('POST', { answers: answers[i] }, who.headers));
    }
    const first = await t.dataSource.getRepository(RegistrationEntity).findOneByOrFail({ alumnusId: people[0]!.alumnus.id });
    const { token } = (await t.request(`/api/v1/me/registrations/${first.id}/check-in-token`, { headers: people[0]!.headers })).body;
    await t.request(`/api/v1/events/${eventId}/check-ins`, jsonRequest('POST', { token }, staff.headers));
  });
  afterAll(() => t.close());

  it('lists registrants with answers and live counts, filtered by status', async () => {
    const res = await t.request(`/api/v1/staff/events/${eventId}/registrations`, { headers: staff.headers });
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual({ confirmed: 2, waitlisted: 1, cancelled: 0, checkedIn: 1 });
    expect(res.body.items.map((r: { displayName: string; status: string }) => [r.displayName, r.status])).toEqual([
      ['张三', 'confirmed'],
      ['=SUM(A1)', 'confirmed'],
      ['李四', 'waitlisted'],
    ]);
    expect(res.body.items[0]).toMatchObject({
      realName: '张三丰',
      graduationYear: 2008,
      answers: { diet: '素食', topics: ['就业', '校史'] },
      walkIn: false,
    });
    expect(res.body.items[0].checkedInAt).not.toBeNull();
    const waitlisted = await t.request(`/api/v1/staff/events/${eventId}/registrations?status=waitlisted`, { headers: staff.headers });
    expect(waitlisted.body.items.map((r: { displayName: string }) => r.displayName)).toEqual(['李四']);
  });

  it('hides registrants and their answers from alumni', async () => {
    const alumnus = await signedIn(t);
    expect((await t.request(`/api/v1/staff/events/${eventId}/registrations`, { headers: alumnus.headers })).status).toBe(403);
    expect((await t.request(`/api/v1/staff/events/${eventId}/registrations/export`, { headers: alumnus.headers })).status).toBe(403);
  });

  it('exports CSV with a UTF-8 BOM, Chinese headers, one column per question, formulas defused', async () => {
    const res = await fetch(`${t.baseUrl}/api/v1/staff/events/${eventId}/registrations/export?format=csv`, { headers: staff.headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="registrants-.*\.csv"/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('姓名,昵称,毕业年份,状态,报名时间,签到时间,现场报名,饮食,话题');
    expect(lines[1]).toMatch(/^张三丰,张三,2008,已确认,\d{4}-\d{2}-\d{2} \d{2}:\d{2},\d{4}-\d{2}-\d{2} \d{2}:\d{2},否,素食,就业、校史$/);
    expect(lines[2]).toMatch(/^,'=SUM\(A1\),,已确认,.*,,否,普通,$/);
    expect(lines[3]).toMatch(/^,李四,,候补,/);
  });

  it('exports XLSX that opens with the same rows', async () => {
    const res = await fetch(`${t.baseUrl}/api/v1/staff/events/${eventId}/registrations/export?format=xlsx&status=confirmed`, {
      headers: staff.headers,
    });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.getWorksheet('报名名单')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '姓名',
      '昵称',
      '毕业年份',
      '状态',
      '报名时间',
      '签到时间',
      '现场报名',
      '饮食',
      '话题',
    ]);
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(2).value).toBe('张三');
  });

  it('refuses an unknown format', async () => {
    const res = await t.request(`/api/v1/staff/events/${eventId}/registrations/export?format=pdf`, { headers: staff.headers });
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('has one headcount: the staff list, the check-in page and the export agree after a cancellation and a walk-in', async () => {
    const [cancelling] = await t.dataSource.query(
      `SELECT a.id FROM alumni a JOIN event_registrations r ON r.alumnus_id = a.id WHERE r.event_id = $1 AND a.display_name = '=SUM(A1)'`,
      [eventId],
    );
    const who = await t.app.get(TokenService).issueAccessToken({ id: cancelling.id, roles: ['alumnus'] });
    const cancelled = await t.request(`/api/v1/events/${eventId}/registrations/mine`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${who.token}` },
    });
    expect(cancelled.status).toBe(200);
    const guest = await signedIn(t, ['alumnus'], { displayName: '王五' });
    expect(
      (await t.request(`/api/v1/events/${eventId}/walk-ins`, jsonRequest('POST', { alumnusId: guest.alumnus.id }, staff.headers))).status,
    ).toBe(200);

    const listed = (await t.request('/api/v1/staff/events?limit=50', { headers: staff.headers })).body.items.find(
      (e: { id: string }) => e.id === eventId,
    );
    const { counts } = (await t.request(`/api/v1/staff/events/${eventId}/registrations`, { headers: staff.headers })).body;
    const csv = await fetch(`${t.baseUrl}/api/v1/staff/events/${eventId}/registrations/export?format=csv`, { headers: staff.headers });
    const rows = (await csv.text())
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(','));
    const exported = rows.filter((cells) => cells[3] === '已确认');
    // 张三 (checked in), 李四 (moved up from the waitlist), 王五 (walk-in, checked in).
    expect([listed.confirmedCount, counts.confirmed, exported.length]).toEqual([3, 3, 3]);
    expect([counts.checkedIn, exported.filter((cells) => cells[5] !== '').length]).toEqual([2, 2]);
    expect(counts.cancelled).toBe(rows.filter((cells) => cells[3] === '已取消').length);
  });
});
