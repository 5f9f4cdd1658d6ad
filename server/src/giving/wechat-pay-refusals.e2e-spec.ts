import { signedIn } from '../../test/auth.js';
import { campaignFactory } from '../../test/factories.js';
import { giveAndPay, payFake, post } from '../../test/giving.js';
import { eventually } from '../../test/notifications.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import type { FakeWechatPayServer } from '../wechat-pay/fake/fake-wechat-pay.server.js';
import { WechatPayClient } from '../wechat-pay/wechat-pay.client.js';
import { DonationEntity } from './donation.entity.js';
import { DonationRefundEntity } from './donation-refund.entity.js';

type Who = Awaited<ReturnType<typeof signedIn>>;

/** A gift as the staff list shows it (latest paid first: the gifts of these tests are on its first page). */
async function staffRow(t: TestApp, donationId: string, headers: Record<string, string>) {
  const list = await t.request('/api/v1/staff/donations?limit=50', { headers });
  return list.body.items.find((d: { id: string }) => d.id === donationId) as { refundedFen: number; refundableFen: number };
}

const refundsOf = (t: TestApp, donationId: string) =>
  t.dataSource.getRepository(DonationRefundEntity).find({ where: { donationId }, order: { createdAt: 'ASC' } });

describe('refunds WeChat Pay refuses', () => {
  let t: TestApp;
  let fake: FakeWechatPayServer;
  let admin: Who;
  let campaignId: string;
  const refund = (donationId: string, body: unknown) =>
    t.request(`/api/v1/staff/donations/${donationId}/refunds`, post(body, admin.headers));
  const refundable = async (donationId: string) => (await staffRow(t, donationId, admin.headers)).refundableFen;

  beforeAll(async () => {
    t = await startTestApp({ env: { THROTTLE_LIMIT: '100000' } });
    fake = payFake(t);
    admin = await signedIn(t, ['admin']);
    campaignId = (await campaignFactory(t.dataSource)()).id;
  });
  afterAll(() => t.close());

  it('answers an order WeChat Pay does not know with 422 REFUND_ORDER_UNKNOWN, the amount still refundable', async () => {
    const gift = await giveAndPay(t, campaignId, await signedIn(t), { amountFen: 5000 });
    // What a gift our records hold as paid but WeChat Pay never heard of gets (the demo's seeded gifts did, from its fake).
    fake.injectFault({ path: '/v3/refund/domestic/refunds', status: 404, code: 'ORDER_NOT_EXIST' });
    const res = await refund(gift.id, { amountFen: 1000, reason: '重复捐赠' });
    expect(res.status).toBe(422);
    expect(res.body.error).toEqual({
      code: 'REFUND_ORDER_UNKNOWN',
      message: expect.stringMatching(/查不到.*商户平台/),
      details: [{ issue: expect.stringContaining('ORDER_NOT_EXIST') }],
    });
    // The refused refund is kept, closed with WeChat Pay's code: its number was sent and is never reused.
    expect(await refundsOf(t, gift.id)).toEqual([
      expect.objectContaining({ status: 'closed', amountFen: 1000, lastError: expect.stringMatching(/^ORDER_NOT_EXIST: /) }),
    ]);
    expect(await refundable(gift.id)).toBe(5000);
  });

  it('answers a merchant short of funds with 409 REFUND_FUNDS_INSUFFICIENT', async () => {
    const gift = await giveAndPay(t, campaignId, await signedIn(t), { amountFen: 3000 });
    fake.injectFault({ path: '/v3/refund/domestic/refunds', status: 403, code: 'NOT_ENOUGH' });
    const res = await refund(gift.id, { amountFen: 3000, reason: '退款' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('REFUND_FUNDS_INSUFFICIENT');
    expect(res.body.error.message).toMatch(/余额不足/);
    // Once funds are there, the same refund goes through under the next number.
    const again = await refund(gift.id, { amountFen: 3000, reason: '退款' });
    expect(again.status).toBe(201);
    expect((await refundsOf(t, gift.id)).map((r) => r.status)).toEqual(['closed', 'processing']);
  });

  it('answers an amount WeChat Pay refuses with 422 REFUND_REFUSED in WeChat Pay’s own words', async () => {
    const gift = await giveAndPay(t, campaignId, await signedIn(t), { amountFen: 2000 });
    // Refunded at WeChat Pay outside this server (the merchant console): nothing is left there.
    await t.app.get(WechatPayClient).createRefund({
      outTradeNo: gift.outTradeNo,
      outRefundNo: `${gift.outTradeNo}C1`,
      reason: '商户平台退款',
      refundFen: 2000,
      totalFen: 2000,
      notifyUrl: 'http://127.0.0.1/api/v1/giving/wechat-pay/refund-notify',
    });
    const res = await refund(gift.id, { amountFen: 500, reason: '部分退款' });
    expect(res.status).toBe(422);
    expect(res.body.error).toEqual({
      code: 'REFUND_REFUSED',
      message: '微信支付拒绝了这笔退款：退款金额超过可退金额',
      details: [{ issue: 'WeChat Pay: INVALID_REQUEST 退款金额超过可退金额' }],
    });
  });

  it('keeps a refusal that is our own fault (a wrong signature, a missing product) a 502 PAYMENT_REJECTED', async () => {
    const gift = await giveAndPay(t, campaignId, await signedIn(t), { amountFen: 1000 });
    for (const [status, code] of [
      [401, 'SIGN_ERROR'],
      [403, 'NO_AUTH'],
    ] as const) {
      fake.injectFault({ path: '/v3/refund/domestic/refunds', status, code });
      const res = await refund(gift.id, { amountFen: 100, reason: '退款' });
      expect(res.status, code).toBe(502);
      expect(res.body.error).toMatchObject({ code: 'PAYMENT_REJECTED', details: [{ issue: expect.stringContaining(code) }] });
    }
  });
});

describe('orders WeChat Pay refuses', () => {
  let t: TestApp;
  let fake: FakeWechatPayServer;
  let campaignId: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { THROTTLE_LIMIT: '100000' } });
    fake = payFake(t);
    campaignId = (await campaignFactory(t.dataSource)()).id;
  });
  afterAll(() => t.close());

  const order = async () => t.request(`/api/v1/campaigns/${campaignId}/donations`, post({ amountFen: 1000 }, (await signedIn(t)).headers));

  it('answers a refusal of the business (a rule of the account) with 422 DONATION_PAYMENT_REFUSED', async () => {
    fake.injectFault({ path: '/v3/pay/transactions/jsapi', status: 403, code: 'RULE_LIMIT' });
    const res = await order();
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'DONATION_PAYMENT_REFUSED', details: [{ issue: expect.stringContaining('RULE_LIMIT') }] });
    expect(res.body.error.message).toMatch(/^微信支付拒绝了本次捐赠/);
  });

  it('keeps our own configuration at fault a 502 PAYMENT_REJECTED, and WeChat-side trouble a 503', async () => {
    fake.injectFault({ path: '/v3/pay/transactions/jsapi', status: 400, code: 'APPID_MCHID_NOT_MATCH' });
    expect((await order()).body.error.code).toBe('PAYMENT_REJECTED');
    for (let i = 0; i < 3; i++) fake.injectFault({ path: '/v3/pay/transactions/jsapi', status: 500, code: 'SYSTEM_ERROR' });
    const down = await order();
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe('PAYMENT_UNAVAILABLE');
  });
});

describe('refunds in the demo', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { SEED_DEMO: 'true', THROTTLE_LIMIT: '100000' } });
  }, 180_000);
  afterAll(() => t.close());

  /** Signs the demo's staff account in as its 演示账号 button does. */
  async function demoStaff(): Promise<Record<string, string>> {
    const { code } = (await t.request('/api/v1/auth/demo-code', post({ openid: 'o_demo_staff' }))).body;
    const session = await t.request('/api/v1/auth/wechat', post({ code }));
    expect(session.status).toBe(200);
    return { authorization: `Bearer ${session.body.accessToken}` };
  }

  it('refunds a seeded gift end to end: the WeChat Pay fake is told of it first', async () => {
    const fake = payFake(t);
    const headers = await demoStaff();
    const list = await t.request('/api/v1/staff/donations?status=paid', { headers });
    expect(list.status).toBe(200);
    const gift = list.body.items.find((d: { refundableFen: number; refundedFen: number }) => d.refundedFen === 0 && d.refundableFen >= 200);
    expect(gift).toBeDefined();
    const donation = await t.dataSource.getRepository(DonationEntity).findOneByOrFail({ id: gift.id });
    // Seeded, never paid through this fake.
    expect(fake.order(donation.outTradeNo)).toBeUndefined();

    const res = await t.request(`/api/v1/staff/donations/${gift.id}/refunds`, post({ amountFen: 100, reason: '演示退款' }, headers));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.status).toBe('processing');
    expect(fake.order(donation.outTradeNo)).toMatchObject({
      trade_state: 'REFUND',
      transaction_id: donation.transactionId,
      amount: { total: donation.amountFen },
    });
    // WeChat Pay pays the refund out and says so.
    fake.settleRefund(res.body.outRefundNo);
    await eventually(async () => ((await refundsOf(t, gift.id)).at(-1)?.status === 'succeeded' ? true : undefined));
    expect(await staffRow(t, gift.id, headers)).toMatchObject({ refundedFen: 100, refundableFen: gift.refundableFen - 100 });
  });

  it('tells the fake of a seeded gift’s earlier refunds too: the rest of a part-refunded gift is refunded', async () => {
    const [partial] = (await t.dataSource.query(
      `SELECT d.id, d.out_trade_no, d.amount_fen::int - d.refunded_fen::int AS rest, r.out_refund_no
         FROM donations d JOIN donation_refunds r ON r.donation_id = d.id
        WHERE d.status = 'paid' AND r.status = 'succeeded' LIMIT 1`,
    )) as { id: string; out_trade_no: string; rest: number; out_refund_no: string }[];
    expect(partial).toBeDefined();
    const headers = await demoStaff();
    const res = await t.request(
      `/api/v1/staff/donations/${partial!.id}/refunds`,
      post({ amountFen: partial!.rest, reason: '退回余款' }, headers),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(await t.app.get(WechatPayClient).queryRefund(partial!.out_refund_no)).toMatchObject({ status: 'SUCCESS' });
  });
});
