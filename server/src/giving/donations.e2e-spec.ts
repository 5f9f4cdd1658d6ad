import { DataSource } from 'typeorm';
import { InteractionEntity } from '../interactions/interaction.entity.js';
import { JobsService } from '../jobs/jobs.service.js';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity.js';
import type { FakeWechatPayServer, NotificationVariant } from '../wechat-pay/fake/fake-wechat-pay.server.js';
import { signedIn } from '../../test/auth.js';
import { campaignFactory } from '../../test/factories.js';
import { giveAndPay, payFake, post, until } from '../../test/giving.js';
import { statementsOf } from '../../test/statements.js';
import { startTestApp, type TestApp, useTwoInstances } from '../../test/test-app.js';
import { WechatPayClient } from '../wechat-pay/wechat-pay.client.js';
import { CampaignEntity } from './campaign.entity.js';
import { DonationEntity } from './donation.entity.js';
import { DONATION_CHECK_QUEUE } from './donations.service.js';
import { RefundsService } from './refunds.service.js';

type Who = Awaited<ReturnType<typeof signedIn>>;

/** Totals that must always agree with the rows: paid minus refunded; donors and units of gifts not refunded in full. */
async function totalsAgree(dataSource: DataSource, campaignId: string) {
  const campaign = await dataSource.getRepository(CampaignEntity).findOneByOrFail({ id: campaignId });
  const [paid] = await dataSource.query(
    `SELECT coalesce(sum(amount_fen - refunded_fen), 0)::int AS fen,
            count(DISTINCT alumnus_id) FILTER (WHERE status = 'paid')::int AS donors,
            coalesce(sum(units) FILTER (WHERE status = 'paid'), 0)::int AS units,
            count(*)::int AS gifts
       FROM donations WHERE campaign_id = $1 AND status IN ('paid', 'refunded')`,
    [campaignId],
  );
  expect({ fen: campaign.raisedFen, donors: campaign.donorCount, units: campaign.unitsRaised, gifts: campaign.paidCount }).toEqual(paid);
  return campaign;
}

describe('donations by WeChat Pay', () => {
  let t: TestApp;
  let fake: FakeWechatPayServer;
  let campaign: ReturnType<typeof campaignFactory>;
  let donor: Who;
  let sapling: CampaignEntity;

  const donate = (campaignId: string, body: unknown, who: Who = donor, headers: Record<string, string> = {}) =>
    t.request(`/api/v1/campaigns/${campaignId}/donations`, post(body, { ...who.headers, ...headers }));
  const poll = (id: string, who: Who = donor) => t.request(`/api/v1/donations/${id}`, { headers: who.headers });
  const row = (id: string) => t.dataSource.getRepository(DonationEntity).findOneByOrFail({ id });
  const donationCount = () => t.dataSource.getRepository(DonationEntity).count();
  /** The order is paid with its certificate, recorded once as given, and the drive's totals agree with its paid rows. */
  const paidOnce = async (id: string) => {
    expect(await row(id)).toMatchObject({ status: 'paid', certificateNo: expect.any(String) });
    const donated = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM interactions WHERE kind = 'giving.donated' AND detail->>'donationId' = $1`,
      [id],
    );
    expect(donated).toEqual([{ n: 1 }]);
    await totalsAgree(t.dataSource, sapling.id);
  };
  /** The order as if the payer had paid it a while ago, without the notification reaching us. */
  const paidSilently = async (body: unknown = { units: 1 }) => {
    const res = await donate(sapling.id, body);
    expect(res.status).toBe(201);
    fake.pay(res.body.donation.outTradeNo, { notify: false });
    return res.body.donation as { id: string; outTradeNo: string };
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { THROTTLE_LIMIT: '100000', JOBS_POLL_INTERVAL_SECONDS: '0.5' } });
    fake = payFake(t);
    campaign = campaignFactory(t.dataSource);
    donor = await signedIn(t);
    sapling = await campaign({ kind: 'sapling', unitName: '棵树苗', unitPriceFen: 3000, maxAmountFen: 1_000_000 });
  });
  afterAll(() => t.close());

  it('orders a gift: a pending donation, a prepaid order at WeChat Pay, and requestPayment parameters that verify', async () => {
    const res = await donate(sapling.id, { units: 2, message: '祝母校越来越好', anonymous: true });
    expect(res.status).toBe(201);
    const { donation, payment } = res.body;
    expect(donation).toMatchObject({
      campaignId: sapling.id,
      amountFen: 6000,
      units: 2,
      status: 'pending',
      anonymous: true,
      hideAmount: false,
      certificateNo: null,
    });
    expect(donation.outTradeNo).toMatch(/^[A-Za-z0-9_-]{6,32}$/);
    expect(fake.order(donation.outTradeNo)).toMatchObject({
      trade_state: 'NOTPAY',
      amount: { total: 6000 },
      payer: { openid: donor.alumnus.openid },
    });
    expect(payment).toMatchObject({
      signType: 'RSA',
      package: expect.stringMatching(/^prepay_id=wx/),
      timeStamp: expect.stringMatching(/^\d{10}$/),
    });
    expect(fake.verifyPaySign({ appId: 'wxdemo0000000000', ...payment })).toBe(true);
    expect(fake.verifyPaySign({ appId: 'wxdemo0000000000', ...payment, package: 'prepay_id=wx1' })).toBe(false);
  });

  it('reads the campaign once and never reads back the order it just wrote (docs/benchmarks.md, order-creation)', async () => {
    let n = 0;
    const statements = await statementsOf(t.dataSource, async () =>
      expect((await donate(sapling.id, { units: 1 }, donor, { 'idempotency-key': `one-read-${n++}` })).status).toBe(201),
    );
    expect(statements.filter((sql) => /FROM "campaigns"/.test(sql))).toHaveLength(1);
    expect(statements.filter((sql) => /^SELECT .* FROM "donations"/s.test(sql))).toEqual([]);
    expect(statements.filter((sql) => /^UPDATE "donations" SET "prepay_id"/.test(sql))).toHaveLength(1);
  });

  it('answers a repeat with the same Idempotency-Key with the same order, and refuses the key with another body', async () => {
    const headers = { 'idempotency-key': 'gift-key-0001' };
    const first = await donate(sapling.id, { amountFen: 5000 }, donor, headers);
    const again = await donate(sapling.id, { amountFen: 5000 }, donor, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.donation.id).toBe(first.body.donation.id);
    expect(fake.verifyPaySign({ appId: 'wxdemo0000000000', ...again.body.payment })).toBe(true);
    expect(await t.dataSource.getRepository(DonationEntity).countBy({ outTradeNo: first.body.donation.outTradeNo })).toBe(1);
    const reused = await donate(sapling.id, { amountFen: 6000 }, donor, headers);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('rounds a custom amount down to whole units', async () => {
    const res = await donate(sapling.id, { amountFen: 7000 });
    expect(res.body.donation).toMatchObject({ amountFen: 7000, units: 2 });
  });

  describe('refuses bad input with a named code and writes nothing', () => {
    let general: CampaignEntity;
    let closed: CampaignEntity;
    let draft: CampaignEntity;
    let future: CampaignEntity;
    beforeAll(async () => {
      general = await campaign({ minAmountFen: 500, maxAmountFen: 100_000 });
      closed = await campaign({ status: 'closed' });
      draft = await campaign({ status: 'draft' });
      future = await campaign({ startsAt: new Date(Date.now() + 86_400_000) });
    });

    it.each([
      ['amount 0', { amountFen: 0 }, 400, 'VALIDATION_FAILED', 'amountFen'],
      ['a negative amount', { amountFen: -100 }, 400, 'VALIDATION_FAILED', 'amountFen'],
      ['a fractional amount', { amountFen: 100.5 }, 400, 'VALIDATION_FAILED', 'amountFen'],
      ['an amount as text', { amountFen: '1000' }, 400, 'VALIDATION_FAILED', 'amountFen'],
      ['no amount', {}, 400, 'DONATION_AMOUNT_REQUIRED', undefined],
      ['both amount and units', { amountFen: 1000, units: 1 }, 400, 'DONATION_AMOUNT_REQUIRED', undefined],
      ['below the minimum', { amountFen: 499 }, 422, 'DONATION_AMOUNT_TOO_SMALL', 'amountFen'],
      ['above the maximum', { amountFen: 100_001 }, 422, 'DONATION_AMOUNT_TOO_LARGE', 'amountFen'],
      ['units on a campaign without a unit', { units: 1 }, 422, 'DONATION_UNITS_NOT_OFFERED', 'units'],
      ['a message over 200 characters', { amountFen: 1000, message: '好'.repeat(201) }, 400, 'VALIDATION_FAILED', 'message'],
      ['anonymous as text', { amountFen: 1000, anonymous: 'yes' }, 400, 'VALIDATION_FAILED', 'anonymous'],
      ['hideAmount as a number', { amountFen: 1000, hideAmount: 1 }, 400, 'VALIDATION_FAILED', 'hideAmount'],
      ['an unknown field', { amountFen: 1000, openid: 'o_other' }, 400, 'VALIDATION_FAILED', 'openid'],
    ])('%s', async (_case, body, status, code, field) => {
      const before = await donationCount();
      const res = await donate(general.id, body);
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
      if (field) expect(res.body.error.details.map((d: { field?: string }) => d.field)).toContain(field);
      expect(await donationCount()).toBe(before);
    });

    it.each([
      ['an unknown campaign', () => '00000000-0000-4000-8000-000000000000', 404, 'CAMPAIGN_NOT_FOUND'],
      ['a draft campaign', () => draft.id, 404, 'CAMPAIGN_NOT_FOUND'],
      ['a closed campaign', () => closed.id, 409, 'CAMPAIGN_NOT_OPEN'],
      ['a campaign not started yet', () => future.id, 409, 'CAMPAIGN_NOT_OPEN'],
      ['a malformed campaign id', () => 'not-a-uuid', 400, 'VALIDATION_FAILED'],
    ])('%s', async (_case, id, status, code) => {
      const before = await donationCount();
      const res = await donate(id(), { amountFen: 1000 });
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(await donationCount()).toBe(before);
    });

    it('an alumnus without a WeChat openid: 409 DONATION_PAYER_UNKNOWN', async () => {
      const before = await donationCount();
      const res = await donate(general.id, { amountFen: 1000 }, await signedIn(t, ['alumnus'], { openid: null }));
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('DONATION_PAYER_UNKNOWN');
      expect(await donationCount()).toBe(before);
    });

    it('signed out: 401', async () => {
      const res = await t.request(`/api/v1/campaigns/${general.id}/donations`, post({ amountFen: 1000 }));
      expect(res.status).toBe(401);
    });
  });

  it('a paid order: notified, marked paid once, totals, certificate, tree numbers, interaction and thank-you in one go', async () => {
    const other = await signedIn(t);
    const fresh = await campaign({ kind: 'sapling', unitName: '棵树苗', unitPriceFen: 3000 });
    const first = (await donate(fresh.id, { units: 3 }, other)).body.donation;
    fake.pay(first.outTradeNo);
    const paid = await until(
      async () => (await poll(first.id, other)).body,
      (d) => d.status === 'paid',
    );
    expect(paid).toMatchObject({
      status: 'paid',
      treeNumbers: { first: 1, last: 3 },
      certificateNo: expect.stringMatching(/^GIV-[0-9A-F]{8}-000001$/),
    });
    const second = (await donate(fresh.id, { units: 1 }, other)).body.donation;
    fake.pay(second.outTradeNo);
    const again = await until(
      async () => (await poll(second.id, other)).body,
      (d) => d.status === 'paid',
    );
    expect(again).toMatchObject({ treeNumbers: { first: 4, last: 4 }, certificateNo: expect.stringMatching(/-000002$/) });

    const totals = await totalsAgree(t.dataSource, fresh.id);
    expect(totals).toMatchObject({ raisedFen: 12_000, donorCount: 1, unitsRaised: 4, paidCount: 2 });
    const interactions = await t.dataSource
      .getRepository(InteractionEntity)
      .findBy({ alumnusId: other.alumnus.id, kind: 'giving.donated' });
    expect(interactions.map((i) => i.detail)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ amountFen: 9000, campaignId: fresh.id }),
        expect.objectContaining({ amountFen: 3000 }),
      ]),
    );
    const thanks = await t.dataSource.getRepository(OutboxMessageEntity).findBy({ alumnusId: other.alumnus.id, kind: 'giving.thanked' });
    expect(thanks).toHaveLength(2);
    expect(fake.deliveries.filter((d) => d.outTradeNo === first.outTradeNo).map((d) => d.status)).toEqual([204]);
  });

  it('counts a duplicate notification once', async () => {
    const order = await paidSilently();
    expect(await fake.deliver(order.outTradeNo)).toBe(204);
    const after = await totalsAgree(t.dataSource, sapling.id);
    expect(await fake.deliver(order.outTradeNo)).toBe(204);
    expect(await fake.deliver(order.outTradeNo)).toBe(204);
    expect(await totalsAgree(t.dataSource, sapling.id)).toMatchObject({ raisedFen: after.raisedFen, paidCount: after.paidCount });
    expect((await row(order.id)).status).toBe('paid');
  });

  describe('copies of a payment notification (docs/giving.md, "Copies of a payment")', () => {
    const send = (notification: { headers: Record<string, string>; body: string }) =>
      t.request('/api/v1/giving/wechat-pay/notify', { method: 'POST', headers: notification.headers, body: notification.body });
    const orderReads = (statements: string[]) =>
      statements.filter((sql) => /FROM donations\s+WHERE out_trade_no = (\$1|ANY)/.test(sql)).length;

    it('answers a copy of a payment recorded here without a statement or a second RSA check', async () => {
      const order = await paidSilently();
      const notification = fake.notification(order.outTradeNo);
      expect((await send(notification)).status).toBe(204);
      const verify = vi.spyOn(t.app.get(WechatPayClient), 'verifySigned');
      try {
        // Three copies, the fewest statements of the three: a background job's statement can fall into one.
        const statements = await statementsOf(t.dataSource, async () => expect((await send(notification)).status).toBe(204));
        expect(statements).toEqual([]);
        expect(verify).not.toHaveBeenCalled();
      } finally {
        verify.mockRestore();
      }
      // A copy signed anew (WeChat Pay's later retry) is verified in full, and still needs no statement.
      const resent = fake.notification(order.outTradeNo);
      const verifyAgain = vi.spyOn(t.app.get(WechatPayClient), 'verifySigned');
      try {
        // Sent once (a second send would be a copy of it), so only the copy's own statements are asked about:
        // the posting pass of the first payment may still be running beside it.
        const statements = await statementsOf(t.dataSource, async () => expect((await send(resent)).status).toBe(204), 1);
        expect(orderReads(statements)).toBe(0);
        expect(statements.filter((sql) => /UPDATE donations/.test(sql))).toEqual([]);
        expect(verifyAgain).toHaveBeenCalledTimes(1);
      } finally {
        verifyAgain.mockRestore();
      }
      expect((await row(order.id)).status).toBe('paid');
      await totalsAgree(t.dataSource, sapling.id);
    });

    it('checks a copy’s 5-minute window on its own arrival: the same bytes past it are refused 401', async () => {
      const order = await paidSilently();
      const notification = fake.notification(order.outTradeNo);
      expect((await send(notification)).status).toBe(204);
      const now = Date.now();
      const clock = vi.spyOn(Date, 'now').mockReturnValue(now + 301_000);
      try {
        const late = await send(notification);
        expect(late.status).toBe(401);
        expect(late.body).toEqual({ code: 'FAIL', message: 'TIMESTAMP_STALE' });
      } finally {
        clock.mockRestore();
      }
    });

    it('refuses a copy of a verified notification with one header changed, as a forgery', async () => {
      const order = await paidSilently();
      const notification = fake.notification(order.outTradeNo);
      expect((await send(notification)).status).toBe(204);
      const nonce = await send({ ...notification, headers: { ...notification.headers, 'wechatpay-nonce': 'A'.repeat(32) } });
      expect(nonce.status).toBe(401);
      const body = await send({ ...notification, body: notification.body.replace('"id":"EV-', '"id":"EV-0') });
      expect(body.status).toBe(401);
    });

    it('records four copies sent at once with one read of the order, one flip, each answered 204', async () => {
      const order = await paidSilently();
      const notification = fake.notification(order.outTradeNo);
      const statements = await statementsOf(
        t.dataSource,
        async () =>
          expect((await Promise.all([1, 2, 3, 4].map(() => send(notification)))).map((r) => r.status)).toEqual([204, 204, 204, 204]),
        1,
      );
      expect(orderReads(statements)).toBe(1);
      expect(statements.filter((sql) => /UPDATE donations SET status = 'paid'/.test(sql))).toHaveLength(1);
      await paidOnce(order.id);
    });

    it('reads the orders of notifications arriving together in fewer statements than notifications, each paid once', async () => {
      const orders = await Promise.all(Array.from({ length: 20 }, () => paidSilently()));
      const notifications = orders.map((order) => fake.notification(order.outTradeNo));
      const statements = await statementsOf(
        t.dataSource,
        async () => expect((await Promise.all(notifications.map(send))).every((r) => r.status === 204)).toBe(true),
        1,
      );
      expect(orderReads(statements)).toBeLessThan(20);
      expect(statements.filter((sql) => /UPDATE donations SET status = 'paid'/.test(sql))).toHaveLength(20);
      for (const order of orders) expect(await row(order.id)).toMatchObject({ status: 'paid', certificateNo: expect.any(String) });
      await totalsAgree(t.dataSource, sapling.id);
    });

    /** A gift paid at WeChat Pay by its own new donor, its notification not yet sent. */
    const paidByNewDonor = async () => {
      const who = await signedIn(t);
      const res = await donate(sapling.id, { units: 1 }, who);
      expect(res.status).toBe(201);
      fake.pay(res.body.donation.outTradeNo, { notify: false });
      return res.body.donation as { id: string; outTradeNo: string };
    };
    const donatedRows = (ids: string[]) =>
      t.dataSource.query(
        `SELECT detail->>'donationId' AS id, count(*)::int AS n FROM interactions
          WHERE kind = 'giving.donated' AND detail->>'donationId' = ANY($1) GROUP BY 1`,
        [ids],
      );
    const flips = (statements: string[]) => statements.filter((sql) => /UPDATE donations SET status = 'paid'/.test(sql));

    it('flips the payments of notifications arriving together in one transaction, each answered by its own outcome', async () => {
      const orders = await Promise.all(Array.from({ length: 12 }, () => paidByNewDonor()));
      const notifications = orders.map((order) => fake.notification(order.outTradeNo));
      const statements = await statementsOf(
        t.dataSource,
        async () => expect((await Promise.all(notifications.map(send))).map((r) => r.status)).toEqual(notifications.map(() => 204)),
        1,
      );
      expect(flips(statements)).toHaveLength(12);
      // A group: its transaction opened right before a flip (a single flip is its own statement, no BEGIN).
      const grouped = statements.filter(
        (sql, i) => sql === 'START TRANSACTION' && /UPDATE donations SET status = 'paid'/.test(statements[i + 1] ?? ''),
      );
      expect(grouped.length).toBeGreaterThan(0);
      for (const order of orders) expect(await row(order.id)).toMatchObject({ status: 'paid', certificateNo: expect.any(String) });
      expect(await donatedRows(orders.map((o) => o.id))).toHaveLength(12);
      expect((await donatedRows(orders.map((o) => o.id))).every((r: { n: number }) => r.n === 1)).toBe(true);
      await totalsAgree(t.dataSource, sapling.id);
    });

    it('flips one donor’s gifts arriving together one per group, each paid once', async () => {
      const who = await signedIn(t);
      const orders = [];
      for (let i = 0; i < 3; i++) {
        const res = await donate(sapling.id, { units: 1 }, who);
        expect(res.status).toBe(201);
        fake.pay(res.body.donation.outTradeNo, { notify: false });
        orders.push(res.body.donation as { id: string; outTradeNo: string });
      }
      const notifications = orders.map((order) => fake.notification(order.outTradeNo));
      expect((await Promise.all(notifications.map(send))).map((r) => r.status)).toEqual([204, 204, 204]);
      for (const order of orders) expect((await row(order.id)).status).toBe('paid');
      expect((await donatedRows(orders.map((o) => o.id))).map((r: { n: number }) => r.n)).toEqual([1, 1, 1]);
      await totalsAgree(t.dataSource, sapling.id);
    });

    it('runs each flip of a failed group on its own: the one that fails gets 500, the others 204, and its retry pays it once', async () => {
      const orders = await Promise.all(Array.from({ length: 6 }, () => paidByNewDonor()));
      const refused = orders[3]!;
      await t.dataSource.query(`
        CREATE FUNCTION storm_refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.detail->>'donationId' = '${refused.id}' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$;
        CREATE TRIGGER storm_refuse_one BEFORE INSERT ON interactions FOR EACH ROW EXECUTE FUNCTION storm_refuse_one();`);
      try {
        const answers = await Promise.all(orders.map((order) => send(fake.notification(order.outTradeNo))));
        expect(answers.map((r) => r.status)).toEqual([204, 204, 204, 500, 204, 204]);
        expect(await row(refused.id)).toMatchObject({ status: 'pending', paidAt: null });
      } finally {
        await t.dataSource.query(`DROP TRIGGER storm_refuse_one ON interactions; DROP FUNCTION storm_refuse_one();`);
      }
      expect((await send(fake.notification(refused.outTradeNo))).status).toBe(204);
      for (const order of orders) expect((await row(order.id)).status).toBe('paid');
      expect((await donatedRows(orders.map((o) => o.id))).map((r: { n: number }) => r.n)).toEqual([1, 1, 1, 1, 1, 1]);
      await totalsAgree(t.dataSource, sapling.id);
    });

    it('answers copies of a wrong amount, each refused 400, and a later right one pays', async () => {
      const order = await paidSilently();
      const wrong = fake.notification(order.outTradeNo, 'wrong-amount');
      expect((await Promise.all([1, 2, 3].map(() => send(wrong)))).map((r) => r.status)).toEqual([400, 400, 400]);
      expect((await row(order.id)).status).toBe('pending');
      expect((await send(fake.notification(order.outTradeNo))).status).toBe(204);
      expect((await row(order.id)).status).toBe('paid');
    });

    it('checks the signature of a body that is not JSON before anything else: 401, not a parser’s 400', async () => {
      const order = await paidSilently();
      const notification = fake.notification(order.outTradeNo);
      const res = await send({ ...notification, body: 'not json' });
      // The route reads the bytes itself (no JSON parse before it): signed headers over other bytes are a forgery.
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ code: 'FAIL', message: 'SIGNATURE_INVALID' });
    });
  });

  it('marks paid together with the interaction or not at all: a failing interaction leaves the order pending, and a retry pays it once', async () => {
    const order = await paidSilently();
    // The interaction row refused, as a database failure halfway through the payment would.
    await t.dataSource.query(`
      CREATE FUNCTION storm_refuse_donated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.kind = 'giving.donated' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER storm_refuse_donated BEFORE INSERT ON interactions FOR EACH ROW EXECUTE FUNCTION storm_refuse_donated();`);
    try {
      expect(await fake.deliver(order.outTradeNo)).toBe(500);
      expect(await row(order.id)).toMatchObject({ status: 'pending', paidAt: null, transactionId: null });
    } finally {
      await t.dataSource.query(`DROP TRIGGER storm_refuse_donated ON interactions; DROP FUNCTION storm_refuse_donated();`);
    }
    expect(await fake.deliver(order.outTradeNo)).toBe(204);
    await paidOnce(order.id);
  });

  it.each<[NotificationVariant, number]>([
    ['bad-signature', 401],
    ['stale-timestamp', 401],
    ['unknown-serial', 401],
    ['tampered-ciphertext', 400],
    ['wrong-amount', 400],
    ['wrong-mchid', 400],
    ['wrong-appid', 400],
  ])('refuses a notification with %s (%i) and changes nothing', async (variant, status) => {
    const order = await paidSilently();
    const before = await totalsAgree(t.dataSource, sapling.id);
    const notification = fake.notification(order.outTradeNo, variant);
    const res = await t.request('/api/v1/giving/wechat-pay/notify', {
      method: 'POST',
      headers: notification.headers,
      body: notification.body,
    });
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ code: 'FAIL', message: expect.any(String) });
    expect((await row(order.id)).status).toBe('pending');
    expect(await totalsAgree(t.dataSource, sapling.id)).toMatchObject({ raisedFen: before.raisedFen, paidCount: before.paidCount });
  });

  it('posts a payment whose instance died before posting it: the donor’s poll or the next payment numbers it, counted once', async () => {
    const fresh = await campaign({ kind: 'sapling', unitName: '棵树苗', unitPriceFen: 3000 });
    const [first, second] = [await signedIn(t), await signedIn(t)];
    const orphan = (await donate(fresh.id, { units: 2 }, first)).body.donation;
    // What a crash between the payment's commit and its posting leaves: paid, not numbered, not in the totals
    // (until the next posting of the campaign, whichever comes first: this one below, a poll, or the minute's sweep).
    // Paid a second before the next gift: WeChat Pay's success_time has whole seconds, so a time within
    // the same second would come after the next gift's.
    await t.dataSource.query(
      `UPDATE donations SET status = 'paid', transaction_id = 'T' || out_trade_no, paid_at = now() - interval '1 second' WHERE id = $1`,
      [orphan.id],
    );
    const later = (await donate(fresh.id, { units: 1 }, second)).body.donation;
    fake.pay(later.outTradeNo, { notify: false });
    expect(await fake.deliver(later.outTradeNo)).toBe(204);
    expect(await row(orphan.id)).toMatchObject({ certificateNo: expect.stringMatching(/-000001$/), firstTreeNo: 1 });
    expect(await row(later.id)).toMatchObject({ certificateNo: expect.stringMatching(/-000002$/), firstTreeNo: 3 });
    await totalsAgree(t.dataSource, fresh.id);

    // The donor's own poll posts a gift paid a moment ago, so it is shown with its certificate.
    const polled = (await donate(fresh.id, { units: 1 }, first)).body.donation;
    await t.dataSource.query(`UPDATE donations SET status = 'paid', transaction_id = 'T' || out_trade_no, paid_at = now() WHERE id = $1`, [
      polled.id,
    ]);
    expect((await poll(polled.id, first)).body).toMatchObject({
      status: 'paid',
      certificateNo: expect.stringMatching(/-000003$/),
      treeNumbers: { first: 4, last: 4 },
    });
    const totals = await totalsAgree(t.dataSource, fresh.id);
    expect(totals).toMatchObject({ paidCount: 3, donorCount: 2, unitsRaised: 4, lastTreeNo: 4 });
  });

  it('refuses a notification that is not signed at all, or not JSON', async () => {
    const unsigned = await t.request('/api/v1/giving/wechat-pay/notify', post({ id: 'EV-1', resource: {} }));
    expect(unsigned.status).toBe(400);
    expect(unsigned.body.code).toBe('FAIL');
  });

  it.each([
    ['malformed JSON', { 'content-type': 'application/json' }, '{"id": "EV-1", ', '400'],
    // Refused by the HTTP layer (415) or by the controller's signature check (400): a 4xx either way.
    ['a body that is not JSON', { 'content-type': 'application/x-www-form-urlencoded' }, 'id=EV-1', '4xx'],
    ['a body far larger than a notification', { 'content-type': 'application/json' }, `{"id":"${'x'.repeat(100_000)}"}`, '413'],
  ])('answers %s in WeChat Pay format on both notification routes', async (_case, headers, body, status) => {
    for (const path of ['notify', 'refund-notify']) {
      const res = await t.request(`/api/v1/giving/wechat-pay/${path}`, { method: 'POST', headers, body });
      const seen = status === '4xx' && res.status >= 400 && res.status < 500 ? '4xx' : String(res.status);
      expect({ path, status: seen, body: res.body }).toEqual({ path, status, body: { code: 'FAIL', message: expect.any(String) } });
    }
  });

  it('keeps delivering an unacknowledged notification on the schedule until it is acknowledged', async () => {
    const order = await paidSilently();
    // Nothing listens here: the first deliveries fail, as if our server were down.
    fake.notifyOrigin = 'http://127.0.0.1:9';
    void fake.deliver(order.outTradeNo, 'valid', { retry: true });
    await until(
      async () => fake.deliveries.filter((d) => d.outTradeNo === order.outTradeNo).length,
      (n) => n >= 2,
    );
    // Back to the order's notify_url, which names this server's bound port.
    fake.notifyOrigin = null;
    const attempts = await until(
      async () => fake.deliveries.filter((d) => d.outTradeNo === order.outTradeNo),
      (list) => list.some((d) => d.status === 204),
    );
    expect(attempts[0]!.status).toBeNull();
    expect(attempts.at(-1)!.status).toBe(204);
    expect((await row(order.id)).status).toBe('paid');
  });

  it('names its own bound port in notify_url (PORT=0, no WECHATPAY_NOTIFY_URL), so the first notification is acknowledged', async () => {
    const res = await donate(sapling.id, { units: 1 });
    expect(res.status).toBe(201);
    const { id, outTradeNo } = res.body.donation as { id: string; outTradeNo: string };
    // Delivered where the prepay's notify_url points: no origin override.
    expect(fake.notifyOrigin).toBeNull();
    fake.pay(outTradeNo);
    const attempts = await until(
      async () => fake.deliveries.filter((d) => d.outTradeNo === outTradeNo),
      (list) => list.length > 0,
      15_000,
    );
    expect(attempts[0]).toMatchObject({ attempt: 1, status: 204 });
    expect((await row(id)).status).toBe('paid');
  });

  it('asks WeChat Pay when the notification never came: polling a pending order finds it paid', async () => {
    const order = await paidSilently();
    expect((await poll(order.id)).body.status).toBe('pending'); // too early to ask
    await t.dataSource.query(`UPDATE donations SET created_at = now() - interval '10 seconds' WHERE id = $1`, [order.id]);
    const res = await poll(order.id);
    expect(res.body).toMatchObject({ status: 'paid', certificateNo: expect.any(String) });
    await totalsAgree(t.dataSource, sapling.id);
  });

  it('closes an order unpaid past its expiry, at WeChat Pay too', async () => {
    const res = await donate(sapling.id, { units: 1 });
    const { id, outTradeNo } = res.body.donation;
    await t.dataSource.query(
      `UPDATE donations SET created_at = now() - interval '31 minutes', expires_at = now() - interval '1 minute' WHERE id = $1`,
      [id],
    );
    expect((await poll(id)).body.status).toBe('closed');
    expect(fake.order(outTradeNo)!.trade_state).toBe('CLOSED');
  });

  it('says prepay trouble with 503 PAYMENT_UNAVAILABLE, keeps the order, and a retry with the key prepays it', async () => {
    for (let i = 0; i < 3; i++) fake.injectFault({ path: '/v3/pay/transactions/jsapi', status: 500, code: 'SYSTEM_ERROR' });
    const headers = { 'idempotency-key': 'gift-key-retry-1' };
    const failed = await donate(sapling.id, { units: 1 }, donor, headers);
    expect(failed.status).toBe(503);
    expect(failed.body.error.code).toBe('PAYMENT_UNAVAILABLE');
    const retried = await donate(sapling.id, { units: 1 }, donor, headers);
    expect(retried.status).toBe(201);
    expect(fake.order(retried.body.donation.outTradeNo)!.trade_state).toBe('NOTPAY');
  });

  it('never prepays an order whose prepay failed once it expired: the repeat is 409 DONATION_NOT_PAYABLE', async () => {
    for (let i = 0; i < 3; i++) fake.injectFault({ path: '/v3/pay/transactions/jsapi', status: 503, code: 'SYSTEM_ERROR' });
    const headers = { 'idempotency-key': 'gift-key-late-1' };
    const failed = await donate(sapling.id, { units: 1 }, donor, headers);
    expect(failed.status).toBe(503);
    await t.dataSource.query(
      `UPDATE donations SET expires_at = now() + interval '30 seconds' WHERE status = 'pending' AND prepay_id IS NULL`,
    );
    const late = await donate(sapling.id, { units: 1 }, donor, headers);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('DONATION_NOT_PAYABLE');
  });

  it('queues a check of every order a minute after ordering, and again just after it expires', async () => {
    const { id } = (await donate(sapling.id, { units: 1 })).body.donation;
    const jobs: { delay: number }[] = await t.dataSource.query(
      `SELECT round(extract(epoch FROM start_after - created_on))::int AS delay FROM pgboss.job WHERE name = $1 AND data->>'donationId' = $2 ORDER BY start_after`,
      [DONATION_CHECK_QUEUE, id],
    );
    expect(jobs.map((j) => j.delay)).toEqual([60, 1805]);
  });

  it('the check job, with nobody polling, finds a silently paid order paid and closes an expired one', async () => {
    const jobs = t.app.get(JobsService);
    const paid = await paidSilently();
    const unpaid = (await donate(sapling.id, { units: 1 })).body.donation;
    await t.dataSource.query(`UPDATE donations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [unpaid.id]);
    await jobs.send(DONATION_CHECK_QUEUE, { donationId: paid.id });
    await jobs.send(DONATION_CHECK_QUEUE, { donationId: unpaid.id });
    expect(
      (
        await until(
          () => row(paid.id),
          (d) => d.status !== 'pending',
          20_000,
        )
      ).status,
    ).toBe('paid');
    expect(
      (
        await until(
          () => row(unpaid.id),
          (d) => d.status !== 'pending',
          20_000,
        )
      ).status,
    ).toBe('closed');
    expect(fake.order(unpaid.outTradeNo)!.trade_state).toBe('CLOSED');
    await totalsAgree(t.dataSource, sapling.id);
  });

  it('lets the donor simulate the payment in the demo: the fake pays and notifies, once', async () => {
    const { id } = (await donate(sapling.id, { units: 1 })).body.donation;
    const simulate = (who: Who) => t.request(`/api/v1/donations/${id}/simulate-payment`, { method: 'POST', headers: who.headers });
    expect((await simulate(await signedIn(t))).body.error.code).toBe('DONATION_NOT_FOUND');
    expect((await simulate(donor)).status).toBe(202);
    const paid = await until(
      async () => (await poll(id)).body,
      (d) => d.status === 'paid',
    );
    expect(paid.certificateNo).toEqual(expect.any(String));
    const again = await simulate(donor);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('DONATION_NOT_PAYABLE');
  });

  it('shows a donation only to its donor', async () => {
    const { id } = (await donate(sapling.id, { units: 1 })).body.donation;
    const stranger = await poll(id, await signedIn(t));
    expect(stranger.status).toBe(404);
    expect(stranger.body.error.code).toBe('DONATION_NOT_FOUND');
  });
});

/**
 * Two server instances on one database, as behind a load balancer: the same notification
 * arriving at both at once (and again) is counted exactly once.
 */
describe('concurrent notifications on two instances', () => {
  const instances = useTwoInstances();

  it('20 paid orders by 12 donors, each notification delivered 3 times to both instances at once: each counted once, no 5xx', async () => {
    const { a, b } = instances;
    const fake = payFake(a);
    const campaign = await campaignFactory(a.dataSource)({ kind: 'sapling', unitName: '棵树苗', unitPriceFen: 3000 });
    const orders = [];
    // Eight donors give twice, and both of their payments arrive together: the donor count must take each once.
    const donors = [];
    for (let i = 0; i < 12; i++) donors.push(await signedIn(a));
    for (let i = 0; i < 20; i++) {
      const who = donors[i % 12]!;
      const res = await a.request(`/api/v1/campaigns/${campaign.id}/donations`, post({ units: 1 + (i % 3) }, who.headers));
      expect(res.status).toBe(201);
      fake.pay(res.body.donation.outTradeNo, { notify: false });
      orders.push(res.body.donation.outTradeNo as string);
    }
    const deliveries = orders.flatMap((no) =>
      [a, b, a, b, a, b].map((app) => {
        const { headers, body } = fake.notification(no);
        return app.request('/api/v1/giving/wechat-pay/notify', { method: 'POST', headers, body });
      }),
    );
    const answers = await Promise.all(deliveries);
    expect(answers.map((r) => r.status).filter((s) => s !== 204)).toEqual([]);

    const totals = await totalsAgree(a.dataSource, campaign.id);
    expect(totals.paidCount).toBe(20);
    expect(totals.donorCount).toBe(12);
    const certificates = await a.dataSource.query(`SELECT count(DISTINCT certificate_no)::int AS n FROM donations WHERE campaign_id = $1`, [
      campaign.id,
    ]);
    expect(certificates[0].n).toBe(20);
    const trees = await a.dataSource.query(
      `SELECT first_tree_no AS first, units FROM donations WHERE campaign_id = $1 AND status = 'paid' ORDER BY first_tree_no`,
      [campaign.id],
    );
    // Tree numbers run 1..N without a gap or an overlap.
    let next = 1;
    for (const tree of trees) {
      expect(tree.first).toBe(next);
      next += tree.units;
    }
    expect(next - 1).toBe(totals.unitsRaised);
    const interactions = await a.dataSource.getRepository(InteractionEntity).countBy({ kind: 'giving.donated', subjectId: campaign.id });
    expect(interactions).toBe(20);
    const thanks = await a.dataSource.query(
      `SELECT count(DISTINCT payload->>'donationId')::int AS n FROM outbox_messages WHERE kind = 'giving.thanked' AND payload->>'campaignId' = $1`,
      [campaign.id],
    );
    expect(thanks[0].n).toBe(20);
  }, 120_000);
});

describe('without the WeChat Pay fake', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { WECHATPAY_FAKE: 'false' } });
  });
  afterAll(() => t.close());

  it('offers no payment simulation', async () => {
    const who = await signedIn(t);
    const res = await t.request('/api/v1/donations/00000000-0000-4000-8000-000000000000/simulate-payment', {
      method: 'POST',
      headers: who.headers,
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('PAYMENT_SIMULATION_UNAVAILABLE');
  });
});

describe('refunds', () => {
  let t: TestApp;
  let fake: FakeWechatPayServer;
  let admin: Who;
  let campaignId: string;
  const refund = (donationId: string, body: unknown, who: Who = admin) =>
    t.request(`/api/v1/staff/donations/${donationId}/refunds`, post(body, who.headers));
  const row = (id: string) => t.dataSource.getRepository(DonationEntity).findOneByOrFail({ id });
  const refundCount = () => t.dataSource.query(`SELECT count(*)::int AS n FROM donation_refunds`).then((r: { n: number }[]) => r[0]!.n);
  const paidGift = (who: Who, units = 2) => giveAndPay(t, campaignId, who, { units });

  beforeAll(async () => {
    t = await startTestApp({ env: { THROTTLE_LIMIT: '100000' } });
    fake = payFake(t);
    admin = await signedIn(t, ['admin']);
    campaignId = (await campaignFactory(t.dataSource)({ kind: 'sapling', unitName: '棵树苗', unitPriceFen: 3000 })).id;
  });
  afterAll(() => t.close());

  it('refunds in parts: each succeeds by notification, totals follow, the last one makes the gift refunded', async () => {
    const donor = await signedIn(t);
    const gift = await paidGift(donor);
    const first = await refund(gift.id, { amountFen: 2000, reason: '部分退款' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'processing', amountFen: 2000, outRefundNo: `${gift.outTradeNo}R1` });
    expect(await totalsAgree(t.dataSource, campaignId)).toMatchObject({ raisedFen: 6000 }); // nothing moves before WeChat Pay says so

    fake.settleRefund(first.body.outRefundNo);
    await until(
      () => row(gift.id),
      (d) => d.refundedFen === 2000,
    );
    expect(await totalsAgree(t.dataSource, campaignId)).toMatchObject({ raisedFen: 4000, donorCount: 1, unitsRaised: 2 });
    // A duplicate of the outcome changes nothing.
    const again = fake.settleRefund(first.body.outRefundNo);
    expect(again.status).toBe('SUCCESS');

    const rest = await refund(gift.id, { amountFen: 4000, reason: '全额退回' });
    expect(rest.body.outRefundNo).toBe(`${gift.outTradeNo}R2`);
    fake.settleRefund(rest.body.outRefundNo);
    const refunded = await until(
      () => row(gift.id),
      (d) => d.status === 'refunded',
    );
    expect(refunded).toMatchObject({ status: 'refunded', refundedFen: 6000 });
    expect(await totalsAgree(t.dataSource, campaignId)).toMatchObject({ raisedFen: 0, donorCount: 0, unitsRaised: 0 });

    const log = await t.dataSource.getRepository(InteractionEntity).findBy({ alumnusId: donor.alumnus.id, kind: 'giving.refunded' });
    expect(log.map((i) => i.detail.amountFen).sort()).toEqual([2000, 4000]);
    expect(await t.dataSource.getRepository(OutboxMessageEntity).countBy({ alumnusId: donor.alumnus.id, kind: 'giving.refunded' })).toBe(2);
    const audit = await t.dataSource.query(`SELECT action, actor_id FROM audit_entries WHERE subject_id = $1`, [gift.id]);
    expect(audit).toEqual([
      { action: 'donation.refund_requested', actor_id: admin.alumnus.id },
      { action: 'donation.refund_requested', actor_id: admin.alumnus.id },
    ]);
    expect((await refund(gift.id, { amountFen: 1, reason: '再退' })).body.error.code).toBe('DONATION_NOT_REFUNDABLE');
  });

  it('never gives the tree numbers of a gift refunded in full to another gift', async () => {
    const first = await paidGift(await signedIn(t), 2);
    const second = await paidGift(await signedIn(t), 1);
    const back = await refund(first.id, { amountFen: 6000, reason: '全额退回' });
    fake.settleRefund(back.body.outRefundNo);
    await until(
      () => row(first.id),
      (d) => d.status === 'refunded',
    );
    const third = await paidGift(await signedIn(t), 1);
    const [a, b, c] = await Promise.all([row(first.id), row(second.id), row(third.id)]);
    expect(b.firstTreeNo).toBe(a.firstTreeNo! + 2);
    expect(c.firstTreeNo).toBe(b.firstTreeNo! + 1);
  });

  it('never refunds more than is left, counting refunds still processing', async () => {
    const gift = await paidGift(await signedIn(t), 1);
    expect((await refund(gift.id, { amountFen: 2000, reason: '退款' })).status).toBe(201);
    const before = await refundCount();
    const over = await refund(gift.id, { amountFen: 1001, reason: '退款' });
    expect(over.status).toBe(422);
    expect(over.body.error.code).toBe('REFUND_EXCEEDS_PAID');
    expect(await refundCount()).toBe(before);
  });

  it('follows a refund until it settles: an abnormal one the merchant settles later, its notice lost, is found by the sweep', async () => {
    const donor = await signedIn(t);
    const gift = await paidGift(donor, 1);
    const abnormal = await refund(gift.id, { amountFen: 3000, reason: '退款' });
    const status = async () =>
      (await t.dataSource.query(`SELECT status FROM donation_refunds WHERE id = $1`, [abnormal.body.id]))[0].status;
    fake.settleRefund(abnormal.body.outRefundNo, 'ABNORMAL');
    await until(status, (s: string) => s === 'abnormal');
    // Staff find it among the gifts with an abnormal refund.
    const needingAction = async () =>
      (await t.request('/api/v1/staff/donations?refund=abnormal', { headers: admin.headers })).body.items.map(
        (d: { id: string; abnormalRefundFen: number }) => [d.id, d.abnormalRefundFen],
      );
    expect(await needingAction()).toEqual([[gift.id, 3000]]);
    // Hours later (the check job has given up): the merchant settled it in WeChat Pay's console, and no notice came.
    await t.dataSource.query(`UPDATE donation_refunds SET next_check_at = now() - interval '1 second' WHERE id = $1`, [abnormal.body.id]);
    fake.settleRefund(abnormal.body.outRefundNo, 'SUCCESS', { notify: false });
    expect(await status()).toBe('abnormal');
    await t.app.get(RefundsService).sweep();
    expect(await status()).toBe('succeeded');
    expect(await row(gift.id)).toMatchObject({ status: 'refunded', refundedFen: 3000 });
    await totalsAgree(t.dataSource, campaignId);
    expect(await needingAction()).toEqual([]);
    // Settled refunds are not asked about again.
    await t.app.get(RefundsService).sweep();
    expect(await status()).toBe('succeeded');
  });

  it('a refund WeChat Pay closes gives the amount back to refund', async () => {
    const gift = await paidGift(await signedIn(t), 1);
    const first = await refund(gift.id, { amountFen: 3000, reason: '退款' });
    fake.settleRefund(first.body.outRefundNo, 'CLOSED');
    await until(
      () => t.dataSource.query(`SELECT status FROM donation_refunds WHERE id = $1`, [first.body.id]),
      (r: { status: string }[]) => r[0]!.status === 'closed',
    );
    expect((await row(gift.id)).status).toBe('paid');
    expect((await refund(gift.id, { amountFen: 3000, reason: '再次退款' })).status).toBe(201);
  });

  it.each([
    ['amount 0', { amountFen: 0, reason: '退款' }, 400, 'VALIDATION_FAILED'],
    ['no reason', { amountFen: 100 }, 400, 'VALIDATION_FAILED'],
    ['a reason over 80 bytes', { amountFen: 100, reason: '退'.repeat(27) }, 400, 'VALIDATION_FAILED'],
  ])('refuses %s with %i %s and writes nothing', async (_case, body, status, code) => {
    const gift = await paidGift(await signedIn(t), 1);
    const before = await refundCount();
    const res = await refund(gift.id, body);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(await refundCount()).toBe(before);
  });

  it('refuses an unpaid donation, and anyone but an admin', async () => {
    const donor = await signedIn(t);
    const unpaid = (await t.request(`/api/v1/campaigns/${campaignId}/donations`, post({ units: 1 }, donor.headers))).body.donation;
    expect((await refund(unpaid.id, { amountFen: 100, reason: '退款' })).body.error.code).toBe('DONATION_NOT_REFUNDABLE');
    const gift = await paidGift(donor, 1);
    expect((await refund(gift.id, { amountFen: 100, reason: '退款' }, await signedIn(t, ['staff']))).status).toBe(403);
    expect((await refund(gift.id, { amountFen: 100, reason: '退款' }, donor)).status).toBe(403);
    expect((await refund('00000000-0000-4000-8000-000000000000', { amountFen: 100, reason: '退款' })).body.error.code).toBe(
      'DONATION_NOT_FOUND',
    );
  });

  it('refuses a forged refund notification', async () => {
    const gift = await paidGift(await signedIn(t), 1);
    const { headers, body } = fake.notification(gift.outTradeNo, 'bad-signature');
    const res = await t.request('/api/v1/giving/wechat-pay/refund-notify', { method: 'POST', headers, body });
    expect(res.status).toBe(401);
  });
});

describe('my giving, the donor wall and the finance export', () => {
  let t: TestApp;
  let campaign: CampaignEntity;
  let named: Who;
  let shy: Who;
  let staff: Who;

  beforeAll(async () => {
    t = await startTestApp({ env: { THROTTLE_LIMIT: '100000' } });
    campaign = await campaignFactory(t.dataSource)({ title: '东坡植树', kind: 'sapling', unitName: '棵树苗', unitPriceFen: 3000 });
    named = await signedIn(t, ['alumnus'], { displayName: '李明', realName: '李明' });
    shy = await signedIn(t, ['alumnus'], { displayName: '王芳', realName: '王芳' });
    staff = await signedIn(t, ['staff']);
    const gifts = [
      await giveAndPay(t, campaign.id, named, { units: 1, message: '种下希望' }),
      await giveAndPay(t, campaign.id, shy, { units: 2, anonymous: true }),
      await giveAndPay(t, campaign.id, named, { amountFen: 10_000, hideAmount: true }),
    ];
    // WeChat Pay's success_time has whole seconds: spread the three so the order is certain.
    for (const [i, gift] of gifts.entries()) {
      await t.dataSource.query(`UPDATE donations SET paid_at = now() - make_interval(mins => $2) WHERE id = $1`, [gift.id, 10 - i]);
    }
    // Ordered, never paid: on nobody's wall, in nobody's export.
    await t.request(`/api/v1/campaigns/${campaign.id}/donations`, post({ units: 5 }, shy.headers));
  });
  afterAll(() => t.close());

  it('shows the wall latest first, respecting anonymity and hidden amounts', async () => {
    const res = await t.request(`/api/v1/campaigns/${campaign.id}/donors`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: Record<string, unknown>) => [e.name, e.amountFen, e.units, e.message])).toEqual([
      ['李明', null, null, ''],
      ['匿名校友', 6000, 2, ''],
      ['李明', 3000, 1, '种下希望'],
    ]);
    expect(JSON.stringify(res.body)).not.toContain('王芳');
    const page = await t.request(`/api/v1/campaigns/${campaign.id}/donors?limit=2`);
    const next = await t.request(`/api/v1/campaigns/${campaign.id}/donors?limit=2&cursor=${page.body.nextCursor}`);
    expect(next.body.items.map((e: { message: string }) => e.message)).toEqual(['种下希望']);
  });

  it('lists my gifts with their campaign, pending ones included, nobody else’s', async () => {
    const res = await t.request('/api/v1/me/donations', { headers: shy.headers });
    expect(res.status).toBe(200);
    expect(res.body.items.map((d: { status: string; units: number }) => [d.status, d.units])).toEqual([
      ['pending', 5],
      ['paid', 2],
    ]);
    expect(res.body.items[1]).toMatchObject({
      anonymous: true,
      certificateNo: expect.any(String),
      campaign: { id: campaign.id, title: '东坡植树' },
    });
  });

  it('exports the period for finance with real names, as CSV and XLSX, for staff only', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const csv = await t.request(`/api/v1/staff/donations/export?from=${today}&to=${today}`, { headers: staff.headers });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (csv.body as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('支付时间,项目,捐赠人,实名,匿名,金额,已退款,份数,证书编号,商户订单号,微信支付订单号,状态');
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.includes('王芳'))).toMatch(/,是,¥60\.00,¥0\.00,2,GIV-/);
    const xlsx = await fetch(`${t.baseUrl}/api/v1/staff/donations/export?from=${today}&to=${today}&format=xlsx`, {
      headers: staff.headers,
    });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const yesterday = await t.request(`/api/v1/staff/donations/export?from=2020-01-01&to=2020-01-02`, { headers: staff.headers });
    expect((yesterday.body as string).trim().split('\r\n')).toHaveLength(1);
    expect((await t.request(`/api/v1/staff/donations/export?from=${today}&to=${today}`, { headers: named.headers })).status).toBe(403);
    const backwards = await t.request(`/api/v1/staff/donations/export?from=2026-02-01&to=2026-01-01`, { headers: staff.headers });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('gives my certificate once paid, with the school, my real name and tree numbers; not before, not to others', async () => {
    await t.dataSource.query(`INSERT INTO schools (id, name, short_name, intro, city) VALUES (1, '江州学院', '江院', '', '江州')`);
    const gift = await giveAndPay(t, campaign.id, shy, { units: 3 });
    const res = await t.request(`/api/v1/donations/${gift.id}/certificate`, { headers: shy.headers });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      certificateNo: expect.stringMatching(/^GIV-/),
      schoolName: '江州学院',
      donorName: '王芳',
      campaignTitle: '东坡植树',
      campaignKind: 'sapling',
      amountFen: 9000,
      units: 3,
      unitName: '棵树苗',
      treeNumbers: { first: expect.any(Number), last: expect.any(Number) },
    });
    expect(res.body.treeNumbers.last - res.body.treeNumbers.first).toBe(2);
    // The image is made to be shared: it shows the gift as the donor chose to be shown.
    const quiet = await giveAndPay(t, campaign.id, shy, { units: 1, anonymous: true, hideAmount: true });
    const hidden = await t.request(`/api/v1/donations/${quiet.id}/certificate`, { headers: shy.headers });
    expect(hidden.body).toMatchObject({
      donorName: '匿名校友',
      amountFen: null,
      units: 1,
      treeNumbers: { first: res.body.treeNumbers.last + 1 },
    });
    expect(JSON.stringify(hidden.body)).not.toContain('王芳');
    expect((await t.request(`/api/v1/donations/${gift.id}/certificate`, { headers: named.headers })).body.error.code).toBe(
      'DONATION_NOT_FOUND',
    );
    const pending = (await t.request(`/api/v1/campaigns/${campaign.id}/donations`, post({ units: 1 }, shy.headers))).body.donation;
    const early = await t.request(`/api/v1/donations/${pending.id}/certificate`, { headers: shy.headers });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('CERTIFICATE_NOT_ISSUED');
  });
});

describe('reconciliation with the trade bill', () => {
  let t: TestApp;
  let staff: Who;
  let campaignId: string;
  const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const run = (day: string, who: Who = staff) =>
    t.request(`/api/v1/staff/giving/reconciliations/${day}`, { method: 'POST', headers: who.headers });

  beforeAll(async () => {
    t = await startTestApp({ env: { THROTTLE_LIMIT: '100000' } });
    staff = await signedIn(t, ['staff']);
    campaignId = (await campaignFactory(t.dataSource)()).id;
  });
  afterAll(() => t.close());

  it('matches when every paid gift is in the bill with its amount', async () => {
    const who = await signedIn(t);
    await giveAndPay(t, campaignId, who, { amountFen: 1000 });
    await giveAndPay(t, campaignId, who, { amountFen: 2550 });
    const res = await run(today());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      billDate: today(),
      status: 'matched',
      differences: [],
      ourCount: 2,
      ourFen: 3550,
      billCount: 2,
      billFen: 3550,
    });
  });

  it('lists every difference for staff and corrects nothing', async () => {
    const who = await signedIn(t);
    const fake = payFake(t);
    // Paid at WeChat Pay, still pending here (the notification never came).
    const lost = (await t.request(`/api/v1/campaigns/${campaignId}/donations`, post({ amountFen: 500 }, who.headers))).body.donation;
    fake.pay(lost.outTradeNo, { notify: false });
    // Paid here at a different amount than WeChat Pay took.
    const skewed = await giveAndPay(t, campaignId, who, { amountFen: 800 });
    await t.dataSource.query(`UPDATE donations SET amount_fen = 900 WHERE id = $1`, [skewed.id]);
    // Paid here, unknown to WeChat Pay.
    const ghost = await giveAndPay(t, campaignId, who, { amountFen: 700 });
    await t.dataSource.query(`UPDATE donations SET out_trade_no = 'GHOST00000000001' WHERE id = $1`, [ghost.id]);

    const res = await run(today());
    expect(res.body.status).toBe('differences');
    expect(res.body.differences).toEqual(
      expect.arrayContaining([
        { kind: 'missing_here', outTradeNo: lost.outTradeNo, ourFen: null, billFen: 500 },
        { kind: 'amount_differs', outTradeNo: skewed.outTradeNo, ourFen: 900, billFen: 800 },
        { kind: 'missing_there', outTradeNo: 'GHOST00000000001', ourFen: 700, billFen: null },
      ]),
    );
    expect(res.body.differences).toHaveLength(4); // the ghost's real number is in the bill too
    expect((await t.dataSource.getRepository(DonationEntity).findOneByOrFail({ id: lost.id })).status).toBe('pending');
    const list = await t.request('/api/v1/staff/giving/reconciliations', { headers: staff.headers });
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ billDate: today(), status: 'differences' });
  });

  it('a day without trades matches with nothing on either side; the future and bad days are refused', async () => {
    expect((await run('2020-01-01')).body).toMatchObject({ status: 'matched', ourCount: 0, billCount: 0 });
    expect((await run('2099-01-01')).body.error.code).toBe('VALIDATION_FAILED');
    expect((await run('yesterday')).body.error.code).toBe('VALIDATION_FAILED');
    expect((await run(today(), await signedIn(t))).status).toBe(403);
  });
});

describe('the fund-use ledger', () => {
  let t: TestApp;
  let staff: Who;
  let campaignId: string;
  const record = (body: unknown, who: Who = staff, id = campaignId) =>
    t.request(`/api/v1/staff/campaigns/${id}/disbursements`, post(body, who.headers));
  const entryCount = () =>
    t.dataSource.query(`SELECT count(*)::int AS n FROM campaign_disbursements`).then((r: { n: number }[]) => r[0]!.n);

  beforeAll(async () => {
    t = await startTestApp({ env: { THROTTLE_LIMIT: '100000' } });
    staff = await signedIn(t, ['staff']);
    campaignId = (await campaignFactory(t.dataSource)({ kind: 'sapling', unitName: '棵树苗', unitPriceFen: 3000 })).id;
  });
  afterAll(() => t.close());

  it('records what the money did: spent total, public entry, audit, and every donor told, whatever they gave', async () => {
    const big = await signedIn(t);
    const small = await signedIn(t);
    const bystander = await signedIn(t);
    await giveAndPay(t, campaignId, big, { units: 10 });
    await giveAndPay(t, campaignId, big, { units: 1 });
    await giveAndPay(t, campaignId, small, { amountFen: 100 });
    await t.request(`/api/v1/campaigns/${campaignId}/donations`, post({ units: 1 }, bystander.headers)); // never paid

    const res = await record({
      spentOn: '2026-11-20',
      amountFen: 36_000,
      purpose: '在东坡种下 12 棵树苗',
      photoUrls: ['https://example.org/a.jpg'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ spentOn: '2026-11-20', amountFen: 36_000, photoUrls: ['https://example.org/a.jpg'] });
    expect((await t.request(`/api/v1/campaigns/${campaignId}`)).body).toMatchObject({ raisedFen: 33_100, spentFen: 36_000 });
    const ledger = await t.request(`/api/v1/campaigns/${campaignId}/disbursements`);
    expect(ledger.body.items.map((e: { purpose: string }) => e.purpose)).toEqual(['在东坡种下 12 棵树苗']);

    const told = await t.dataSource.getRepository(OutboxMessageEntity).findBy({ kind: 'giving.funds_used' });
    expect(told.map((m) => m.alumnusId).sort()).toEqual([big.alumnus.id, small.alumnus.id].sort());
    const mine = await t.request('/api/v1/me/giving/disbursements', { headers: small.headers });
    expect(mine.body.items.map((e: { id: string }) => e.id)).toEqual([res.body.id]);
    expect((await t.request('/api/v1/me/giving/disbursements', { headers: bystander.headers })).body.items).toEqual([]);
    const audit = await t.dataSource.query(`SELECT action FROM audit_entries WHERE subject_id = $1`, [campaignId]);
    expect(audit).toEqual([{ action: 'campaign.disbursement_recorded' }]);
  });

  it.each([
    ['a day in the future', { spentOn: '2099-01-01', amountFen: 100, purpose: '买树苗' }, 400, 'VALIDATION_FAILED'],
    ['amount 0', { spentOn: '2026-11-01', amountFen: 0, purpose: '买树苗' }, 400, 'VALIDATION_FAILED'],
    ['no purpose', { spentOn: '2026-11-01', amountFen: 100, purpose: ' ' }, 400, 'VALIDATION_FAILED'],
    [
      'ten photos',
      { spentOn: '2026-11-01', amountFen: 100, purpose: '买树苗', photoUrls: Array(10).fill('https://example.org/a.jpg') },
      400,
      'VALIDATION_FAILED',
    ],
  ])('refuses %s with %i %s and writes nothing', async (_case, body, status, code) => {
    const before = await entryCount();
    const res = await record(body);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(await entryCount()).toBe(before);
  });

  it('is for staff, and for campaigns that exist and are not drafts', async () => {
    const body = { spentOn: '2026-11-01', amountFen: 100, purpose: '买树苗' };
    expect((await record(body, await signedIn(t))).status).toBe(403);
    expect((await record(body, staff, '00000000-0000-4000-8000-000000000000')).body.error.code).toBe('CAMPAIGN_NOT_FOUND');
    const draft = await campaignFactory(t.dataSource)({ status: 'draft' });
    expect((await record(body, staff, draft.id)).body.error.code).toBe('CAMPAIGN_STATE_CONFLICT');
  });
});

describe('the honour roll', () => {
  let t: TestApp;
  let campaignId: string;
  const optIn = (who: Who, honourRoll = true) =>
    t.request('/api/v1/me/giving/preferences', {
      method: 'PUT',
      headers: { ...who.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ honourRoll }),
    });

  beforeAll(async () => {
    t = await startTestApp({ env: { THROTTLE_LIMIT: '100000' } });
    campaignId = (await campaignFactory(t.dataSource)()).id;
  });
  afterAll(() => t.close());

  it('ranks only those who opted in, by named gifts of the year, never counting anonymous ones', async () => {
    const generous = await signedIn(t, ['alumnus'], { displayName: '张伟' });
    const modest = await signedIn(t, ['alumnus'], { displayName: '刘洋' });
    const private_ = await signedIn(t, ['alumnus'], { displayName: '陈静' });
    await giveAndPay(t, campaignId, generous, { amountFen: 50_000 });
    await giveAndPay(t, campaignId, generous, { amountFen: 900_000, anonymous: true });
    await giveAndPay(t, campaignId, modest, { amountFen: 20_000 });
    await giveAndPay(t, campaignId, modest, { amountFen: 40_000 });
    await giveAndPay(t, campaignId, private_, { amountFen: 1_000_000 });
    expect((await t.request('/api/v1/me/giving/preferences', { headers: modest.headers })).body).toEqual({ honourRoll: false });
    expect((await optIn(generous)).body).toEqual({ honourRoll: true });
    await optIn(modest);

    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    const roll = await t.request(`/api/v1/giving/honour-roll?year=${year}`);
    expect(roll.status).toBe(200);
    expect(roll.body.map((e: HonourRollEntry) => [e.rank, e.name, e.totalFen, e.gifts])).toEqual([
      [1, '刘洋', 60_000, 2],
      [2, '张伟', 50_000, 1],
    ]);
    expect((await t.request(`/api/v1/giving/honour-roll?year=${year - 1}`)).body).toEqual([]);

    await optIn(modest, false);
    expect((await t.request('/api/v1/giving/honour-roll')).body.map((e: HonourRollEntry) => e.name)).toEqual(['张伟']);
  });

  it('refuses a preference that is not a boolean, and a year out of range', async () => {
    const who = await signedIn(t);
    const res = await t.request('/api/v1/me/giving/preferences', {
      method: 'PUT',
      headers: { ...who.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ honourRoll: 'yes' }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('honourRoll');
    expect((await t.request('/api/v1/giving/honour-roll?year=1800')).status).toBe(400);
  });
});

interface HonourRollEntry {
  rank: number;
  name: string;
  totalFen: number;
  gifts: number;
}

describe('the trees of a sapling drive', () => {
  let t: TestApp;
  let staff: Who;
  let campaignId: string;
  const put = (treeNo: number | string, body: unknown, who: Who = staff) =>
    t.request(`/api/v1/staff/campaigns/${campaignId}/trees/${treeNo}`, {
      method: 'PUT',
      headers: { ...who.headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    t = await startTestApp({ env: { THROTTLE_LIMIT: '100000' } });
    staff = await signedIn(t, ['staff']);
    campaignId = (await campaignFactory(t.dataSource)({ kind: 'sapling', unitName: '棵树苗', unitPriceFen: 3000 })).id;
    await giveAndPay(t, campaignId, await signedIn(t), { units: 2 });
  });
  afterAll(() => t.close());

  it('staff say where a given tree stands; anyone can see it; audited', async () => {
    expect((await t.request(`/api/v1/campaigns/${campaignId}/trees/2`)).body).toMatchObject({ treeNo: 2, location: '', updatedAt: null });
    const res = await put(2, { location: '东坡第三排', latitude: 30.5, longitude: 114.3, photoUrls: ['https://example.org/t2.jpg'] });
    expect(res.status).toBe(200);
    const seen = await t.request(`/api/v1/campaigns/${campaignId}/trees/2`);
    expect(seen.body).toMatchObject({
      location: '东坡第三排',
      latitude: 30.5,
      longitude: 114.3,
      photoUrls: ['https://example.org/t2.jpg'],
    });
    const audit = await t.dataSource.query(`SELECT action FROM audit_entries WHERE subject_id = $1`, [campaignId]);
    expect(audit).toEqual([{ action: 'campaign.tree_updated' }]);
  });

  it('knows only the trees given so far, and refuses bad input', async () => {
    expect((await put(3, { location: '东坡' })).body.error.code).toBe('TREE_NOT_FOUND');
    expect((await t.request(`/api/v1/campaigns/${campaignId}/trees/3`)).status).toBe(404);
    expect((await put(1, { location: '东坡', latitude: 30.5 })).body.error.code).toBe('VALIDATION_FAILED');
    expect((await put(1, { location: '东坡', latitude: 300, longitude: 1 })).status).toBe(400);
    expect((await put('one', { location: '东坡' })).status).toBe(400);
    expect((await put(1, { location: '东坡' }, await signedIn(t))).status).toBe(403);
  });
});
