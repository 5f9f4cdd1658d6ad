import { signedIn } from '../../test/auth.js';
import { campaignFactory } from '../../test/factories.js';
import { giveAndPay, post } from '../../test/giving.js';
import { settledMessages, subscribe, subscribeFake } from '../../test/notifications.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { InboxMessageEntity } from './inbox-message.entity.js';

type Who = Awaited<ReturnType<typeof signedIn>>;

describe('the message centre (消息)', () => {
  let t: TestApp;
  let staff: Who;
  const inboxRows = (alumnusId: string, kind?: string) =>
    t.dataSource.getRepository(InboxMessageEntity).find({ where: { alumnusId, ...(kind ? { kind } : {}) }, order: { createdAt: 'ASC' } });
  const messages = (who: Who, query = '') => t.request(`/api/v1/me/messages${query}`, { headers: who.headers });
  const unread = async (who: Who) => (await t.request('/api/v1/me/messages/unread-count', { headers: who.headers })).body.unread as number;
  const queue = (alumnusId: string, kind: string, payload: Record<string, unknown>, dedupeKey?: string) =>
    t.dataSource.transaction((manager) => t.app.get(OutboxService).enqueue(manager, [{ alumnusId, kind, payload, dedupeKey }]));

  beforeAll(async () => {
    t = await startTestApp({ env: { THROTTLE_LIMIT: '100000' } });
    staff = await signedIn(t, ['staff']);
  });
  afterAll(() => t.close());

  it('tells every donor of a fund-use entry in the message centre, and by WeChat those who subscribed, as staff were shown first', async () => {
    const campaign = await campaignFactory(t.dataSource)({ title: '校园植树' });
    const donors = [await signedIn(t), await signedIn(t), await signedIn(t)];
    const [subscribed, ...others] = donors as [Who, Who, Who];
    for (const donor of donors) await giveAndPay(t, campaign.id, donor, { amountFen: 5000 });
    await giveAndPay(t, campaign.id, subscribed, { amountFen: 100 }); // two gifts, one notice
    await subscribe(t, subscribed.headers, ['fundUse']);

    const audience = await t.request(`/api/v1/staff/campaigns/${campaign.id}/disbursements/audience`, { headers: staff.headers });
    expect(audience.body).toEqual({ recipients: 3, wechat: 1, inAppOnly: 2 });

    const entry = await t.request(
      `/api/v1/staff/campaigns/${campaign.id}/disbursements`,
      post({ spentOn: '2026-11-20', amountFen: 36_000, purpose: '在东坡种下 12 棵树苗' }, staff.headers),
    );
    expect(entry.status).toBe(201);

    for (const donor of donors) {
      const rows = await inboxRows(donor.alumnus.id, 'giving.funds_used');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        title: '善款使用公示',
        body: '你支持的「校园植树」公示了一笔支出：在东坡种下 12 棵树苗，¥360.00。',
        page: `packages/giving/pages/campaign/index?id=${campaign.id}`,
        readAt: null,
      });
    }
    const [sent] = await settledMessages(t, subscribed.alumnus.id, 'giving.funds_used');
    expect(sent).toMatchObject({ status: 'sent', templateKey: 'fundUse' });
    expect(subscribeFake(t).deliveredTo(subscribed.alumnus.openid!)).toEqual([
      expect.objectContaining({ templateId: 'dev-fundUse', page: `packages/giving/pages/campaign/index?id=${campaign.id}` }),
    ]);
    for (const other of others) {
      const [skipped] = await settledMessages(t, other.alumnus.id, 'giving.funds_used');
      expect(skipped).toMatchObject({ status: 'skipped', lastError: 'not subscribed to this message' });
      expect(subscribeFake(t).deliveredTo(other.alumnus.openid!)).toEqual([]);
    }
    // The subscription was used up: a second entry would reach nobody by WeChat.
    expect((await t.request(`/api/v1/staff/campaigns/${campaign.id}/disbursements/audience`, { headers: staff.headers })).body).toEqual({
      recipients: 3,
      wechat: 0,
      inAppOnly: 3,
    });
  });

  it('lists my messages newest first, page by page, counts the unread and marks them read', async () => {
    const me = await signedIn(t);
    for (let i = 1; i <= 5; i += 1) {
      await queue(me.alumnus.id, 'groups.join-decided', { groupId: crypto.randomUUID(), groupName: `第 ${i} 个群`, approved: true });
    }
    expect(await unread(me)).toBe(5);

    const first = await messages(me, '?limit=3');
    expect(first.status).toBe(200);
    expect(first.body.items.map((m: { body: string }) => m.body)).toEqual([
      '你已加入「第 5 个群」，快去打个招呼吧。',
      '你已加入「第 4 个群」，快去打个招呼吧。',
      '你已加入「第 3 个群」，快去打个招呼吧。',
    ]);
    const second = await messages(me, `?limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(2);
    expect(second.body.nextCursor).toBeNull();

    const [newest] = first.body.items;
    expect(newest).toMatchObject({ kind: 'groups.join-decided', title: '入群申请已通过', readAt: null });
    expect(newest.page).toMatch(/^packages\/groups\/pages\/group\/index\?id=/);
    const read = await t.request(`/api/v1/me/messages/${newest.id}/read`, { method: 'POST', headers: me.headers });
    expect(read.status).toBe(204);
    expect((await t.request(`/api/v1/me/messages/${newest.id}/read`, { method: 'POST', headers: me.headers })).status).toBe(204);
    expect(await unread(me)).toBe(4);
    expect((await messages(me, '?limit=1')).body.items[0].readAt).not.toBeNull();

    const all = await t.request('/api/v1/me/messages/read-all', { method: 'POST', headers: me.headers });
    expect(all.body).toEqual({ unread: 0 });
    expect(await unread(me)).toBe(0);
  });

  it('shows nobody else my messages', async () => {
    const me = await signedIn(t);
    const stranger = await signedIn(t);
    await queue(me.alumnus.id, 'events.cancelled', { eventId: crypto.randomUUID(), title: '返校日', startsAt: new Date().toISOString() });
    const [mine] = await inboxRows(me.alumnus.id);
    expect((await messages(stranger)).body.items).toEqual([]);
    const peek = await t.request(`/api/v1/me/messages/${mine!.id}/read`, { method: 'POST', headers: stranger.headers });
    expect(peek.status).toBe(404);
    expect(peek.body.error.code).toBe('INBOX_MESSAGE_NOT_FOUND');
    expect((await inboxRows(me.alumnus.id))[0]!.readAt).toBeNull();
    expect((await t.request('/api/v1/me/messages')).status).toBe(401);
    expect((await t.request('/api/v1/me/messages/not-a-uuid/read', { method: 'POST', headers: me.headers })).status).toBe(400);
    expect((await messages(me, '?cursor=forged')).body.error.code).toBe('INVALID_CURSOR');
  });

  it('keeps a notice exactly when its outbox message is queued: not on rollback, once per dedupe key', async () => {
    const me = await signedIn(t);
    const payload = { eventId: crypto.randomUUID(), title: '返校日', startsAt: new Date().toISOString(), lead: '1h' };
    await expect(
      t.dataSource.transaction(async (manager) => {
        await t.app.get(OutboxService).enqueue(manager, [{ alumnusId: me.alumnus.id, kind: 'events.reminder', payload }]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await inboxRows(me.alumnus.id)).toEqual([]);

    expect(await queue(me.alumnus.id, 'events.reminder', payload, `test:${me.alumnus.id}`)).toBe(1);
    expect(await queue(me.alumnus.id, 'events.reminder', payload, `test:${me.alumnus.id}`)).toBe(0);
    expect(await inboxRows(me.alumnus.id)).toHaveLength(1);
    await expect(queue(me.alumnus.id, 'no.such-kind', {})).rejects.toThrow(/no in-app notice for outbox kind no.such-kind/);
  });

  it('queues one delivery job per message queued, with its queue’s settings, in the caller’s transaction: none on rollback', async () => {
    const [one, two, three] = [await signedIn(t), await signedIn(t), await signedIn(t)];
    const notice = (who: Who) => ({
      alumnusId: who.alumnus.id,
      kind: 'events.reminder',
      payload: { eventId: crypto.randomUUID(), title: '返校日', startsAt: new Date().toISOString(), lead: '1h' },
    });
    const jobsFor = (who: Who[]) =>
      t.dataSource.query(
        `SELECT m.alumnus_id AS "alumnusId", j.state, j.retry_limit = q.retry_limit AND j.expire_in = q.expire_seconds * interval '1s' AS "queueSettings"
           FROM pgboss.job j JOIN pgboss.queue q ON q.name = j.name JOIN outbox_messages m ON m.id::text = j.data->>'id'
          WHERE j.name = 'outbox.deliver' AND m.alumnus_id = ANY($1::uuid[]) ORDER BY m.alumnus_id`,
        [who.map((w) => w.alumnus.id)],
      );
    await expect(
      t.dataSource.transaction(async (manager) => {
        await t.app.get(OutboxService).enqueue(manager, [notice(one), notice(two)]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await jobsFor([one, two])).toEqual([]);

    const queued = await t.dataSource.transaction((manager) =>
      t.app.get(OutboxService).enqueue(manager, [notice(one), notice(two), notice(three)]),
    );
    expect(queued).toBe(3);
    const jobs = (await jobsFor([one, two, three])) as { alumnusId: string; queueSettings: boolean }[];
    expect(jobs.map((j) => j.alumnusId).sort()).toEqual([one, two, three].map((w) => w.alumnus.id).sort());
    expect(jobs.every((j) => j.queueSettings)).toBe(true);
  });

  it('exports my messages with my data, and keeps none once the account is erased', async () => {
    const me = await signedIn(t);
    await queue(me.alumnus.id, 'verification.decided', { status: 'approved' });
    const exported = await t.request('/api/v1/me/export', { headers: me.headers });
    expect(exported.body.records.messages).toEqual([expect.objectContaining({ kind: 'verification.decided', title: '校友认证已通过' })]);

    expect((await t.request('/api/v1/me', { method: 'DELETE', headers: me.headers })).status).toBe(204);
    expect(await inboxRows(me.alumnus.id)).toEqual([]);
    // A notice queued for the erased account afterwards (a campaign it once gave to) is not kept.
    await queue(me.alumnus.id, 'verification.decided', { status: 'approved' });
    expect(await inboxRows(me.alumnus.id)).toEqual([]);
  });
});
