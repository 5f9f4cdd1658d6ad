import { signedIn } from '../../test/auth.js';
import { jsonRequest } from '../../test/events.js';
import { eventFactory } from '../../test/factories.js';
import { settledMessages, subscribe, subscribeFake } from '../../test/notifications.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { wechatFake } from '../../test/wechat.js';
import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity.js';
import { SubscriptionEntity } from './subscription.entity.js';

type Who = Awaited<ReturnType<typeof signedIn>>;
const SEND_PATH = '/cgi-bin/message/subscribe/send';

describe('subscription messages', () => {
  let t: TestApp;
  let event: ReturnType<typeof eventFactory>;
  let staff: Who;

  const credits = async (alumnusId: string, templateKey: string) =>
    (await t.dataSource.getRepository(SubscriptionEntity).findOneBy({ alumnusId, templateKey }))?.credits ?? 0;

  /** A waitlisted alumnus promoted when the only confirmed one cancels: an `events.promoted` message. */
  async function promote(subscribed: boolean) {
    const { id, title } = await event(48, { capacity: 1, waitlistEnabled: true });
    const first = await signedIn(t);
    const second = await signedIn(t);
    if (subscribed) await subscribe(t, second.headers, ['eventRegistration']);
    await t.request(`/api/v1/events/${id}/registrations`, jsonRequest('POST', {}, first.headers));
    await t.request(`/api/v1/events/${id}/registrations`, jsonRequest('POST', {}, second.headers));
    const cancelled = await t.request(`/api/v1/events/${id}/registrations/mine`, { method: 'DELETE', headers: first.headers });
    expect(cancelled.status).toBe(200);
    return { eventId: id, title, promoted: second };
  }

  beforeAll(async () => {
    t = await startTestApp();
    event = eventFactory(t.dataSource);
    staff = await signedIn(t, ['alumnus', 'staff']);
  });
  afterAll(() => t.close());

  it('lists the templates the mini-program may ask for', async () => {
    const res = await t.request('/api/v1/notifications/templates');
    expect(res.status).toBe(200);
    expect(res.body).toContainEqual({ key: 'eventReminder', templateId: 'dev-eventReminder', title: '活动开始提醒' });
  });

  it('counts one credit per acceptance and refuses unknown templates and bad answers, writing nothing', async () => {
    const who = await signedIn(t);
    await subscribe(t, who.headers, ['eventReminder']);
    await subscribe(t, who.headers, ['eventReminder', 'eventChanged']);
    const mine = await t.request('/api/v1/me/subscriptions', { headers: who.headers });
    expect(mine.body).toEqual(
      expect.arrayContaining([
        { key: 'eventReminder', credits: 2 },
        { key: 'eventChanged', credits: 1 },
      ]),
    );

    const unknown = await t.request(
      '/api/v1/me/subscriptions',
      jsonRequest('PUT', { results: { 'no-such-template': 'accept' } }, who.headers),
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('NOTIFICATION_TEMPLATE_UNKNOWN');
    for (const body of [{}, { results: [] }, { results: { 'dev-eventReminder': 'yes' } }, { results: {} }]) {
      const res = await t.request('/api/v1/me/subscriptions', jsonRequest('PUT', body, who.headers));
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect(await credits(who.alumnus.id, 'eventReminder')).toBe(2);
    expect((await t.request('/api/v1/me/subscriptions', { headers: {} })).status).toBe(401);
  });

  it('delivers a promotion to a subscribed alumnus through WeChat, using up the acceptance', async () => {
    const { eventId, title, promoted } = await promote(true);
    const [message] = await settledMessages(t, promoted.alumnus.id, 'events.promoted');
    expect(message).toMatchObject({ status: 'sent', templateKey: 'eventRegistration', attempts: 1, lastError: null });
    const delivered = subscribeFake(t).deliveredTo(promoted.alumnus.openid!);
    expect(delivered).toEqual([
      expect.objectContaining({
        templateId: 'dev-eventRegistration',
        page: `packages/events/pages/detail/index?id=${eventId}`,
        data: { thing1: title, phrase2: '已确认', thing3: '候补转为正式名额，请准时参加' },
      }),
    ]);
    expect(await credits(promoted.alumnus.id, 'eventRegistration')).toBe(0);
  });

  it('skips the message of an alumnus who did not subscribe, and says so', async () => {
    const { promoted } = await promote(false);
    const [message] = await settledMessages(t, promoted.alumnus.id, 'events.promoted');
    expect(message).toMatchObject({ status: 'skipped', lastError: 'not subscribed to this message' });
    expect(subscribeFake(t).deliveredTo(promoted.alumnus.openid!)).toEqual([]);
  });

  it('marks a message WeChat rejects as failed at once, keeps the credit, and lets staff send it again', async () => {
    wechatFake(t).injectFault({ path: SEND_PATH, errcode: 40037 });
    const { promoted } = await promote(true);
    const [failed] = await settledMessages(t, promoted.alumnus.id, 'events.promoted');
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed!.lastError).toMatch(/^40037 /);
    expect(await credits(promoted.alumnus.id, 'eventRegistration')).toBe(1);

    const list = await t.request('/api/v1/staff/notifications?status=failed', { headers: staff.headers });
    expect(list.status).toBe(200);
    expect(list.body.items).toContainEqual(expect.objectContaining({ id: failed!.id, status: 'failed', kind: 'events.promoted' }));
    const counts = await t.request('/api/v1/staff/notifications/counts', { headers: staff.headers });
    expect(counts.body.failed).toBeGreaterThanOrEqual(1);

    const retried = await t.request(`/api/v1/staff/notifications/${failed!.id}/retry`, { method: 'POST', headers: staff.headers });
    expect(retried.status).toBe(204);
    const [sent] = await settledMessages(t, promoted.alumnus.id, 'events.promoted');
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
    expect(
      await t.dataSource.getRepository(AuditEntryEntity).findOneBy({ action: 'notification.retried', subjectId: failed!.id }),
    ).not.toBeNull();

    const again = await t.request(`/api/v1/staff/notifications/${failed!.id}/retry`, { method: 'POST', headers: staff.headers });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('NOTIFICATION_NOT_RETRYABLE');
  });

  it('keeps a message pending with its error while WeChat is down, and fails it after the last retry', async () => {
    const { promoted } = await promote(false);
    await settledMessages(t, promoted.alumnus.id, 'events.promoted');
    await subscribe(t, promoted.headers, ['eventRegistration']);
    const message = await t.dataSource.getRepository(OutboxMessageEntity).findOneByOrFail({ alumnusId: promoted.alumnus.id });
    await t.dataSource.getRepository(OutboxMessageEntity).update(message.id, { status: 'pending', attempts: 0, lastError: null });
    const { DeliveryService } = await import('./delivery.service.js');
    const delivery = t.app.get(DeliveryService);

    wechatFake(t).injectFault({ path: SEND_PATH, errcode: -1 });
    await expect(delivery.deliver({ id: 'job', data: { id: message.id }, retryCount: 0, retryLimit: 5 })).rejects.toThrow(/-1/);
    expect(await t.dataSource.getRepository(OutboxMessageEntity).findOneByOrFail({ id: message.id })).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: expect.stringMatching(/-1/),
    });
    expect(await credits(promoted.alumnus.id, 'eventRegistration')).toBe(1);

    wechatFake(t).injectFault({ path: SEND_PATH, garbage: true });
    await delivery.deliver({ id: 'job', data: { id: message.id }, retryCount: 5, retryLimit: 5 });
    expect(await t.dataSource.getRepository(OutboxMessageEntity).findOneByOrFail({ id: message.id })).toMatchObject({
      status: 'failed',
      attempts: 2,
      lastError: expect.stringMatching(/not JSON/),
    });
  });

  it('stops using an acceptance WeChat says is gone (43101)', async () => {
    wechatFake(t).injectFault({ path: SEND_PATH, errcode: 43101 });
    const { promoted } = await promote(true);
    const [message] = await settledMessages(t, promoted.alumnus.id, 'events.promoted');
    expect(message).toMatchObject({ status: 'skipped' });
    expect(message!.lastError).toMatch(/^43101 /);
    expect(await credits(promoted.alumnus.id, 'eventRegistration')).toBe(0);
  });

  it('shows the delivery list to staff only', async () => {
    const alumnus = await signedIn(t);
    expect((await t.request('/api/v1/staff/notifications', { headers: alumnus.headers })).status).toBe(403);
    const bad = await t.request('/api/v1/staff/notifications?status=lost', { headers: staff.headers });
    expect(bad.status).toBe(400);
    const missing = await t.request(`/api/v1/staff/notifications/${crypto.randomUUID()}/retry`, { method: 'POST', headers: staff.headers });
    expect(missing.body.error.code).toBe('NOTIFICATION_NOT_FOUND');
  });
});
