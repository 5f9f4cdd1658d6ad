import { DEVELOPMENT_WECHAT_APP_SECRET } from '../config/wechat.config.js';
import { signedIn } from '../../test/auth.js';
import { jsonRequest } from '../../test/events.js';
import { eventFactory } from '../../test/factories.js';
import { eventually, subscribe } from '../../test/notifications.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity.js';
import { FakeWechatServer } from '../wechat/fake/fake-wechat.server.js';
import { SubscribeMessageFake } from '../wechat/fake/subscribe-message.fake.js';
import { RemindersService } from './reminders.service.js';

type Who = Awaited<ReturnType<typeof signedIn>>;
const HOUR = 60 * 60 * 1000;
const TEMPLATES = ['eventReminder', 'eventChanged', 'eventRegistration'];

/**
 * Two instances on one database and one WeChat, as in production: both run the reminder
 * scan and both work the delivery queue, and each reminder still reaches its alumnus once.
 */
describe('event reminders', () => {
  let fake: FakeWechatServer;
  let a: TestApp;
  let b: TestApp;
  let event: ReturnType<typeof eventFactory>;
  let staff: Who;

  beforeAll(async () => {
    const appId = `wxrem${process.pid}${Date.now().toString(36)}`;
    fake = await FakeWechatServer.start({ appId, appSecret: DEVELOPMENT_WECHAT_APP_SECRET });
    const env = {
      WECHAT_FAKE: 'false',
      WECHAT_API_BASE: fake.url,
      WECHAT_APP_ID: appId,
      WECHAT_TEMPLATE_IDS: TEMPLATES.map((key) => `${key}=dev-${key}`).join(','),
    };
    a = await startTestApp({ env });
    b = await startTestApp({ env, db: a.db });
    event = eventFactory(a.dataSource);
    staff = await signedIn(a, ['alumnus', 'staff']);
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await fake?.close();
  });

  const messages = () => fake.feature(SubscribeMessageFake);
  /** Subscribes through our API and, as WeChat itself would, lets WeChat count the acceptances. */
  async function subscribed(times = 3): Promise<Who> {
    const who = await signedIn(a);
    for (let i = 0; i < times; i += 1) {
      await subscribe(a, who.headers, TEMPLATES);
      for (const key of TEMPLATES) messages().accept(who.alumnus.openid!, `dev-${key}`);
    }
    return who;
  }
  const signUp = (eventId: string, who: Who) => a.request(`/api/v1/events/${eventId}/registrations`, jsonRequest('POST', {}, who.headers));
  const scan = (at: Date) => Promise.all([a.app.get(RemindersService).queueDue(at), b.app.get(RemindersService).queueDue(at)]);
  const delivered = (who: Who) =>
    messages()
      .deliveredTo(who.alumnus.openid!)
      .filter((m) => m.templateId === 'dev-eventReminder');
  const settled = () =>
    eventually(async () =>
      (await a.dataSource.getRepository(OutboxMessageEntity).countBy({ status: 'pending' })) === 0 ? true : undefined,
    );

  it('reminds confirmed registrants once, 24 h and then 1 h before, never the waitlisted or cancelled', async () => {
    const { id, startsAt } = await event(48, { capacity: 2, waitlistEnabled: true, title: '江州校友迎新会' });
    const [first, second, waiting, leaving] = [await subscribed(), await subscribed(), await subscribed(), await subscribed()];
    for (const who of [first, leaving, second, waiting]) await signUp(id, who);
    await a.request(`/api/v1/events/${id}/registrations/mine`, { method: 'DELETE', headers: leaving.headers });
    // `second` took the freed seat; `waiting` is still on the waitlist.

    const dayBefore = new Date(startsAt.getTime() - 23 * HOUR);
    const [fromA, fromB] = await scan(dayBefore);
    expect(fromA + fromB).toBe(2);
    expect(await scan(dayBefore)).toEqual([0, 0]);
    await settled();
    expect(delivered(first)).toEqual([
      expect.objectContaining({
        page: `packages/events/pages/detail/index?id=${id}`,
        data: { thing1: '江州校友迎新会', time2: expect.any(String), thing3: '大礼堂', thing4: '活动明天开始，记得出席' },
      }),
    ]);
    expect(delivered(second)).toHaveLength(1);
    expect(delivered(waiting)).toEqual([]);
    expect(delivered(leaving)).toEqual([]);

    await scan(new Date(startsAt.getTime() - 30 * 60 * 1000));
    await settled();
    expect(delivered(first).map((m) => m.data.thing4)).toEqual(['活动明天开始，记得出席', '1 小时后开始，请准时到场']);
  });

  it('gives someone confirmed after the 24 h moment only the 1 h reminder', async () => {
    const { id, startsAt } = await event(10);
    const late = await subscribed();
    await signUp(id, late);
    expect(await scan(new Date(startsAt.getTime() - 20 * HOUR))).toEqual([0, 0]);
    await scan(new Date(startsAt.getTime() - 50 * 60 * 1000));
    await settled();
    expect(delivered(late).map((m) => m.data.thing4)).toEqual(['1 小时后开始，请准时到场']);
  });

  it('tells confirmed registrants of a new time, then reminds them for the new time', async () => {
    const { id, startsAt } = await event(48, { address: '江州市学府路 1 号', latitude: 30.5, longitude: 114.3 });
    const who = await subscribed();
    await signUp(id, who);
    await scan(new Date(startsAt.getTime() - 23 * HOUR));
    const later = new Date(startsAt.getTime() + 24 * HOUR);
    const res = await a.request(
      `/api/v1/staff/events/${id}`,
      jsonRequest('PATCH', { startsAt: later.toISOString(), endsAt: new Date(later.getTime() + 2 * HOUR).toISOString() }, staff.headers),
    );
    expect(res.body).toMatchObject({ startsAt: later.toISOString() });
    await scan(new Date(later.getTime() - 23 * HOUR));
    await settled();
    const all = messages().deliveredTo(who.alumnus.openid!);
    expect(all.map((m) => m.templateId)).toEqual(['dev-eventReminder', 'dev-eventChanged', 'dev-eventReminder']);
    expect(all[1]!.data.thing4).toBe('活动时间或地点有变更，请留意');
  });

  it('leaves draft and cancelled events alone', async () => {
    const draft = await event(20, { status: 'draft' });
    const cancelled = await event(20, { status: 'cancelled' });
    const who = await subscribed();
    await a.dataSource.query(
      `INSERT INTO event_registrations (event_id, alumnus_id, status, confirmed_at) VALUES ($1, $3, 'confirmed', now() - interval '2 days'), ($2, $3, 'confirmed', now() - interval '2 days')`,
      [draft.id, cancelled.id, who.alumnus.id],
    );
    expect(await scan(new Date(Date.now() + 1 * HOUR))).toEqual([0, 0]);
  });
});
