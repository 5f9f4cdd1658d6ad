import { Writable } from 'node:stream';
import { InteractionEntity } from '../interactions/interaction.entity.js';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity.js';
import type { FakeWechatPayServer } from '../wechat-pay/fake/fake-wechat-pay.server.js';
import { signedIn } from '../../test/auth.js';
import { campaignFactory } from '../../test/factories.js';
import { giveAndPay, payFake, post, until } from '../../test/giving.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { DonationEntity } from './donation.entity.js';
import { DonationRefundEntity } from './donation-refund.entity.js';
import { FOLLOW_FIRST_SECONDS, RefundsService, followDelaySeconds } from './refunds.service.js';

type Who = Awaited<ReturnType<typeof signedIn>>;

/** Card data typed by staff: must reach WeChat Pay (encrypted) and nowhere else. */
const CARD = '6214 8300 9876 5432';
const CARD_DIGITS = '6214830098765432';
const HOLDER = '司马退款';

describe('abnormal refunds: the staff action and following a refund until it settles', () => {
  let t: TestApp;
  let fake: FakeWechatPayServer;
  let admin: Who;
  let staff: Who;
  let campaignId: string;
  const lines: string[] = [];

  const refundRow = (id: string) => t.dataSource.getRepository(DonationRefundEntity).findOneByOrFail({ id });
  const apply = (donationId: string, refundId: string, body: unknown, who: Who = admin) =>
    t.request(`/api/v1/staff/donations/${donationId}/refunds/${refundId}/abnormal`, post(body, who.headers));
  const audits = (donationId: string) =>
    t.dataSource.query(`SELECT action, actor_id, after FROM audit_entries WHERE subject_id = $1 ORDER BY id`, [donationId]);

  /** A paid gift with a refund WeChat Pay reported abnormal (by its notification). */
  async function abnormalRefund(donor: Who) {
    const gift = await giveAndPay(t, campaignId, donor, { units: 1 });
    const res = await t.request(`/api/v1/staff/donations/${gift.id}/refunds`, post({ amountFen: 3000, reason: '重复捐赠' }, admin.headers));
    expect(res.status).toBe(201);
    fake.settleRefund(res.body.outRefundNo, 'ABNORMAL');
    await until(
      () => refundRow(res.body.id),
      (r) => r.status === 'abnormal',
    );
    return { gift, refund: res.body as { id: string; outRefundNo: string } };
  }

  beforeAll(async () => {
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    t = await startTestApp({ env: { THROTTLE_LIMIT: '100000', LOG_LEVEL: 'trace' }, logDestination: destination });
    fake = payFake(t);
    admin = await signedIn(t, ['alumnus', 'admin']);
    staff = await signedIn(t, ['alumnus', 'staff']);
    campaignId = (await campaignFactory(t.dataSource)({ kind: 'sapling', unitName: '棵树苗', unitPriceFen: 3000, title: '校园植树' })).id;
  });
  afterAll(() => t.close());

  it('sends an abnormal refund to the school account: processing again, audited, the donor told, then it settles', async () => {
    const donor = await signedIn(t);
    const { gift, refund } = await abnormalRefund(donor);
    const listed = await t.request(`/api/v1/staff/donations/${gift.id}/refunds`, { headers: staff.headers });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([expect.objectContaining({ id: refund.id, status: 'abnormal', amountFen: 3000, abnormal: null })]);

    const res = await apply(gift.id, refund.id, { route: 'merchant_bank_card' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: refund.id,
      status: 'processing',
      abnormal: { route: 'merchant_bank_card', bankType: null, cardLast4: null, appliedAt: expect.any(String) },
    });
    expect(fake.abnormalApplications.at(-1)).toEqual({
      refundId: (await refundRow(refund.id)).refundId,
      outRefundNo: refund.outRefundNo,
      type: 'MERCHANT_BANK_CARD',
    });
    expect((await audits(gift.id)).map((a: { action: string }) => a.action)).toEqual([
      'donation.refund_requested',
      'donation.abnormal_refund_applied',
    ]);
    const rerouted = await t.dataSource
      .getRepository(InteractionEntity)
      .findBy({ alumnusId: donor.alumnus.id, kind: 'giving.refund_rerouted' });
    expect(rerouted.map((i) => i.detail)).toEqual([expect.objectContaining({ amountFen: 3000, route: 'merchant_bank_card' })]);
    const notice = await t.dataSource
      .getRepository(OutboxMessageEntity)
      .findOneByOrFail({ alumnusId: donor.alumnus.id, kind: 'giving.refund_rerouted' });
    expect(notice.payload).toMatchObject({ route: 'merchant_bank_card', amountFen: 3000, campaignTitle: '校园植树' });
    // Applying again: it is no longer abnormal.
    const again = await apply(gift.id, refund.id, { route: 'merchant_bank_card' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('REFUND_NOT_ABNORMAL');

    // WeChat Pay settles it; the notification brings it home, and the donor's refund notice says where the money went.
    fake.settleRefund(refund.outRefundNo, 'SUCCESS');
    await until(
      () => refundRow(refund.id),
      (r) => r.status === 'succeeded',
    );
    expect(await t.dataSource.getRepository(DonationEntity).findOneByOrFail({ id: gift.id })).toMatchObject({
      status: 'refunded',
      refundedFen: 3000,
    });
    const refunded = await t.dataSource
      .getRepository(OutboxMessageEntity)
      .findOneByOrFail({ alumnusId: donor.alumnus.id, kind: 'giving.refunded' });
    expect(refunded.payload).toMatchObject({ route: 'merchant_bank_card' });
  });

  it('sends one to the donor card: the number and name go to WeChat Pay encrypted, and are in no row and no log line', async () => {
    const donor = await signedIn(t);
    const { gift, refund } = await abnormalRefund(donor);
    const res = await apply(gift.id, refund.id, { route: 'user_bank_card', bankType: 'CMB_DEBIT', bankAccount: CARD, realName: HOLDER });
    expect(res.status).toBe(201);
    expect(res.body.abnormal).toMatchObject({ route: 'user_bank_card', bankType: 'CMB_DEBIT', cardLast4: '5432' });
    const application = fake.abnormalApplications.at(-1)!;
    expect(application).toMatchObject({ type: 'USER_BANK_CARD', bankType: 'CMB_DEBIT', bankAccount: CARD_DIGITS, realName: HOLDER });
    expect(application.encrypted!.bankAccount).not.toContain(CARD_DIGITS);

    const row = await t.dataSource.query(`SELECT row_to_json(r)::text AS json FROM donation_refunds r WHERE id = $1`, [refund.id]);
    expect(row[0].json).toContain('"abnormal_card_last4":"5432"');
    // Nothing anywhere in the database holds the number or the name: every table, as text.
    const tables: { name: string }[] = await t.dataSource.query(
      `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name FROM information_schema.tables
        WHERE table_schema IN ('public', 'pgboss') AND table_type = 'BASE TABLE'`,
    );
    for (const { name } of tables) {
      const hits = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM ${name} x WHERE x::text LIKE $1 OR x::text LIKE $2 OR x::text LIKE $3`,
        [`%${CARD_DIGITS}%`, `%${HOLDER}%`, `%${CARD_DIGITS.slice(0, 12)}%`],
      );
      expect({ table: name, n: hits[0].n }).toEqual({ table: name, n: 0 });
    }
    const log = lines.join('');
    expect(log).toContain('/abnormal'); // the request was logged: the log is the right one to search
    expect(log).not.toContain(CARD_DIGITS);
    expect(log).not.toContain(CARD);
    expect(log).not.toContain(HOLDER);

    const notice = await t.dataSource
      .getRepository(OutboxMessageEntity)
      .findOneByOrFail({ alumnusId: donor.alumnus.id, kind: 'giving.refund_rerouted' });
    expect(notice.payload).toMatchObject({ route: 'user_bank_card', bankType: 'CMB_DEBIT', cardLast4: '5432' });
  });

  it('refuses a refund that is not abnormal, one of another gift, and one WeChat Pay settled meanwhile (which it then records)', async () => {
    const donor = await signedIn(t);
    const gift = await giveAndPay(t, campaignId, donor, { units: 1 });
    const processing = await t.request(
      `/api/v1/staff/donations/${gift.id}/refunds`,
      post({ amountFen: 1000, reason: '部分退款' }, admin.headers),
    );
    const before = fake.abnormalApplications.length;
    const notAbnormal = await apply(gift.id, processing.body.id, { route: 'merchant_bank_card' });
    expect(notAbnormal.status).toBe(409);
    expect(notAbnormal.body.error.code).toBe('REFUND_NOT_ABNORMAL');

    const other = await abnormalRefund(await signedIn(t));
    const elsewhere = await apply(gift.id, other.refund.id, { route: 'merchant_bank_card' });
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.error.code).toBe('REFUND_NOT_FOUND');
    expect(fake.abnormalApplications.length).toBe(before);

    // The merchant settled it in WeChat Pay's console; no notification came: still abnormal here.
    fake.settleRefund(other.refund.outRefundNo, 'SUCCESS', { notify: false });
    const settled = await apply(other.gift.id, other.refund.id, { route: 'merchant_bank_card' });
    expect(settled.status).toBe(409);
    expect(settled.body.error.code).toBe('REFUND_NOT_ABNORMAL');
    expect((await refundRow(other.refund.id)).status).toBe('succeeded');
    expect((await audits(other.gift.id)).map((a: { action: string }) => a.action)).toEqual(['donation.refund_requested']);
  });

  it('leaves it abnormal, writing nothing, when WeChat Pay is in trouble', async () => {
    const { gift, refund } = await abnormalRefund(await signedIn(t));
    for (let i = 0; i < 3; i++) fake.injectFault({ path: '/v3/refund/domestic/refunds/', status: 500, code: 'SYSTEM_ERROR' });
    const res = await apply(gift.id, refund.id, { route: 'merchant_bank_card' });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('PAYMENT_UNAVAILABLE');
    expect(await refundRow(refund.id)).toMatchObject({ status: 'abnormal', abnormalRoute: null });
    expect((await audits(gift.id)).length).toBe(1);
  });

  it('in the demo, a refund of ¥x.44 turns abnormal by itself and succeeds once sent on (how the journeys meet one)', async () => {
    const gift = await giveAndPay(t, campaignId, await signedIn(t), { units: 1 });
    const res = await t.request(`/api/v1/staff/donations/${gift.id}/refunds`, post({ amountFen: 144, reason: '演示异常' }, admin.headers));
    expect(
      (
        await until(
          () => refundRow(res.body.id),
          (r) => r.status === 'abnormal',
        )
      ).status,
    ).toBe('abnormal');
    expect((await apply(gift.id, res.body.id, { route: 'merchant_bank_card' })).status).toBe(201);
    expect(
      (
        await until(
          () => refundRow(res.body.id),
          (r) => r.status === 'succeeded',
        )
      ).status,
    ).toBe('succeeded');
  });

  it('is for admins only', async () => {
    const { gift, refund } = await abnormalRefund(await signedIn(t));
    for (const who of [staff, await signedIn(t)]) {
      const res = await apply(gift.id, refund.id, { route: 'merchant_bank_card' }, who);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    expect((await t.request(`/api/v1/staff/donations/${gift.id}/refunds`, { headers: (await signedIn(t)).headers })).status).toBe(403);
    expect((await refundRow(refund.id)).status).toBe('abnormal');
  });

  describe('refuses bad input by name, sending nothing to WeChat Pay', () => {
    let target: { gift: { id: string }; refund: { id: string } };
    beforeAll(async () => {
      target = await abnormalRefund(await signedIn(t));
    });
    const card = { route: 'user_bank_card', bankType: 'CMB_DEBIT', bankAccount: CARD, realName: HOLDER };
    it.each([
      ['no route', {}, 'route'],
      ['an unknown route', { route: 'cash' }, 'route'],
      ['a card without its bank', { ...card, bankType: undefined }, 'bankType'],
      ['a bank WeChat Pay does not take', { ...card, bankType: 'HSBC_DEBIT' }, 'bankType'],
      ['a card number with letters', { ...card, bankAccount: '6214ABCD98765432' }, 'bankAccount'],
      ['a card number too short', { ...card, bankAccount: '62148300' }, 'bankAccount'],
      ['a card without its holder', { ...card, realName: '  ' }, 'realName'],
      ['a null name', { ...card, realName: null }, 'realName'],
      ['card data for the school account', { route: 'merchant_bank_card', bankAccount: CARD }, 'bankAccount'],
      ['an unknown field', { route: 'merchant_bank_card', note: 'x' }, 'note'],
    ])('%s', async (_case, body, field) => {
      const before = fake.abnormalApplications.length;
      const res = await apply(target.gift.id, target.refund.id, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details.map((d: { field?: string }) => d.field)).toContain(field);
      expect(JSON.stringify(res.body)).not.toContain(CARD_DIGITS);
      expect(fake.abnormalApplications.length).toBe(before);
      expect((await refundRow(target.refund.id)).status).toBe('abnormal');
    });
  });

  describe('following refunds until they settle', () => {
    const due = (id: string) =>
      t.dataSource.query(`UPDATE donation_refunds SET next_check_at = now() - interval '1 second' WHERE id = $1`, [id]);
    const sweep = () => t.app.get(RefundsService).sweep();

    it('backs off from a minute, doubling, to every 3 hours while processing and 6 hours while abnormal', () => {
      expect([0, 1, 2, 3, 7, 8, 20, 200].map((n) => followDelaySeconds(n, 'processing'))).toEqual([
        60, 120, 240, 480, 7680, 10800, 10800, 10800,
      ]);
      expect(followDelaySeconds(9, 'abnormal')).toBe(21600);
    });

    it('asks about a processing refund only when due, backs off while WeChat Pay is still processing, and records the outcome with no notification', async () => {
      const gift = await giveAndPay(t, campaignId, await signedIn(t), { units: 1 });
      const res = await t.request(`/api/v1/staff/donations/${gift.id}/refunds`, post({ amountFen: 3000, reason: '退款' }, admin.headers));
      const created = await refundRow(res.body.id);
      expect(created.nextCheckAt!.getTime() - created.createdAt.getTime()).toBeGreaterThanOrEqual(FOLLOW_FIRST_SECONDS * 1000 - 1000);
      await sweep();
      expect((await refundRow(res.body.id)).checkCount).toBe(0); // not due yet

      await due(res.body.id);
      await sweep();
      const [{ wait }] = await t.dataSource.query(
        `SELECT extract(epoch FROM next_check_at - now())::int AS wait FROM donation_refunds WHERE id = $1`,
        [res.body.id],
      );
      expect(await refundRow(res.body.id)).toMatchObject({ status: 'processing', checkCount: 1 });
      expect(wait).toBeGreaterThan(100); // two minutes after the first check
      expect(wait).toBeLessThanOrEqual(120);

      // Weeks of checks later the wait stays at its cap, and the refund is still followed.
      await t.dataSource.query(`UPDATE donation_refunds SET check_count = 40, next_check_at = now() - interval '1 second' WHERE id = $1`, [
        res.body.id,
      ]);
      fake.settleRefund(res.body.outRefundNo, 'SUCCESS', { notify: false });
      await sweep();
      // (The app's own minute sweep may have claimed it first: wait for whichever asked.)
      expect(
        (
          await until(
            () => refundRow(res.body.id),
            (r) => r.status === 'succeeded',
          )
        ).status,
      ).toBe('succeeded');
      expect(await t.dataSource.getRepository(DonationEntity).findOneByOrFail({ id: gift.id })).toMatchObject({ status: 'refunded' });
    });

    it('keeps following after an abnormal-refund application until WeChat Pay settles it', async () => {
      const { gift, refund } = await abnormalRefund(await signedIn(t));
      expect((await apply(gift.id, refund.id, { route: 'merchant_bank_card' })).status).toBe(201);
      expect(await refundRow(refund.id)).toMatchObject({ status: 'processing', checkCount: 0 });
      await due(refund.id);
      await sweep();
      expect(
        await until(
          () => refundRow(refund.id),
          (r) => r.checkCount === 1,
        ),
      ).toMatchObject({ status: 'processing', checkCount: 1 });
      fake.settleRefund(refund.outRefundNo, 'SUCCESS', { notify: false });
      await due(refund.id);
      await sweep();
      expect(
        (
          await until(
            () => refundRow(refund.id),
            (r) => r.status === 'succeeded',
          )
        ).status,
      ).toBe('succeeded');
    });

    it('two sweeps at once (two instances) ask about each due refund once', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) {
        const gift = await giveAndPay(t, campaignId, await signedIn(t), { units: 1 });
        const res = await t.request(`/api/v1/staff/donations/${gift.id}/refunds`, post({ amountFen: 1000, reason: '退款' }, admin.headers));
        ids.push(res.body.id);
      }
      await t.dataSource.query(`UPDATE donation_refunds SET next_check_at = now() + interval '1 day' WHERE NOT (id = ANY ($1))`, [ids]);
      await t.dataSource.query(`UPDATE donation_refunds SET next_check_at = now() - interval '1 second' WHERE id = ANY ($1)`, [ids]);
      const counts = await Promise.all([sweep(), sweep()]);
      // Each claimed once: by one of the two (or by the app's own minute sweep), never twice.
      expect(counts[0] + counts[1]).toBeLessThanOrEqual(4);
      expect(counts[0] + counts[1]).toBeGreaterThan(0);
      const rows = await t.dataSource.query(`SELECT check_count FROM donation_refunds WHERE id = ANY ($1)`, [ids]);
      expect(rows.map((r: { check_count: number }) => r.check_count)).toEqual([1, 1, 1, 1]);
    });
  });
});
