import { OutboxMessageEntity } from '../../outbox/outbox-message.entity.js';
import { signedIn } from '../../../test/auth.js';
import { campaignFactory } from '../../../test/factories.js';
import { payFake, post } from '../../../test/giving.js';
import { PRODUCTION_ENV } from '../../../test/production-env.js';
import { startTestApp, type TestApp, useTwoInstances } from '../../../test/test-app.js';
import { MonthlyRunsService } from './monthly-runs.service.js';
import { daysIn, shanghaiMonth, startOfNextMonth } from './monthly-months.js';

type Who = Awaited<ReturnType<typeof signedIn>>;

/** A moment in a Beijing month: `at('2027-01', 5, 10)` is 10:00 on 5 January 2027, Beijing. */
const at = (month: string, day: number, hour = 10) =>
  new Date(`${month}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const thisMonth = () => shanghaiMonth(new Date());
const monthAfter = (month: string) => shanghaiMonth(startOfNextMonth(month));

const patch = (body: unknown, headers: Record<string, string>): RequestInit => ({
  method: 'PATCH',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe('monthly giving (月捐)', () => {
  let t: TestApp;
  let staff: Who;
  let campaignId: string;
  const pledge = (who: Who, body: Record<string, unknown>) => t.request('/api/v1/me/monthly-pledges', post(body, who.headers));
  const pay = (who: Who, instalmentId: string) => t.request(`/api/v1/me/monthly-instalments/${instalmentId}/pay`, post({}, who.headers));
  const mine = async (who: Who) => (await t.request('/api/v1/me/monthly-pledges', { headers: who.headers })).body;
  const run = (now: Date) => t.app.get(MonthlyRunsService).run(now);
  const notices = (who: Who, kind: string) =>
    t.dataSource.getRepository(OutboxMessageEntity).find({ where: { alumnusId: who.alumnus.id, kind }, order: { createdAt: 'ASC' } });
  /** Pays an order at the fake and delivers its notification `times` times; answers each acknowledgement. */
  const payAtFake = async (outTradeNo: string, times = 1) => {
    const fake = payFake(t);
    fake.pay(outTradeNo, { notify: false });
    const answers: (number | null)[] = [];
    for (let i = 0; i < times; i++) answers.push(await fake.deliver(outTradeNo));
    return answers;
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { THROTTLE_LIMIT: '100000' } });
    staff = await signedIn(t, ['staff']);
    campaignId = (await campaignFactory(t.dataSource)({ maxAmountFen: 1_000_000 })).id;
  });
  afterAll(() => t.close());

  it('an alumnus pledges; the first month is due at once and paid in one tap like any gift', async () => {
    const donor = await signedIn(t);
    const made = await pledge(donor, { campaignId, amountFen: 3000, dayOfMonth: 5 });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ status: 'active', mode: 'invite', amountFen: 3000, dayOfMonth: 5, paidMonths: 0 });
    expect(made.body.current).toMatchObject({ month: thisMonth(), status: 'invited', amountFen: 3000, donationId: null });

    const order = await pay(donor, made.body.current.id);
    expect(order.status).toBe(201);
    expect(order.body.payment).toMatchObject({ signType: 'RSA', package: expect.stringMatching(/^prepay_id=/) });
    expect(order.body.donation).toMatchObject({ campaignId, amountFen: 3000, status: 'pending' });
    // A second tap before paying: the same order (a fresh signature), not a second one.
    const again = await pay(donor, made.body.current.id);
    expect(again.body.donation.id).toBe(order.body.donation.id);

    expect(await payAtFake(order.body.donation.outTradeNo)).toEqual([204]);
    const [after] = await mine(donor);
    expect(after).toMatchObject({ paidMonths: 1, paidFen: 3000, current: { status: 'paid', donationId: order.body.donation.id } });
    // An ordinary gift: it is in 我的捐赠 and the campaign's totals.
    const gifts = (await t.request('/api/v1/me/donations', { headers: donor.headers })).body.items;
    expect(gifts.map((g: { id: string }) => g.id)).toContain(order.body.donation.id);
    const paidAgain = await pay(donor, made.body.current.id);
    expect(paidAgain.status).toBe(409);
    expect(paidAgain.body.error.code).toBe('MONTHLY_INSTALMENT_NOT_PAYABLE');
  });

  it('without WECHATPAY_PAPAY there is no automatic deduction: invitations only', async () => {
    const donor = await signedIn(t);
    const made = await pledge(donor, { campaignId, amountFen: 1500, dayOfMonth: 7 });
    expect(made.body).toMatchObject({ mode: 'invite', deductionAvailable: false, contract: null });
    const signing = await t.request(`/api/v1/me/monthly-pledges/${made.body.id}/contract`, post({}, donor.headers));
    expect(signing.status).toBe(404);
    expect(signing.body.error.code).toBe('MONTHLY_DEDUCTION_UNAVAILABLE');
    // Its notification addresses refuse whatever arrives, in WeChat Pay's v2 form.
    const forged = await t.request('/api/v1/giving/wechat-pay/papay/contract-notify', {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: '<xml><return_code><![CDATA[SUCCESS]]></return_code></xml>',
    });
    expect(forged.status).toBe(404);
  });

  it('invites the second month on its day, once, and it is paid once though the notification repeats', async () => {
    const donor = await signedIn(t);
    const made = await pledge(donor, { campaignId, amountFen: 5000, dayOfMonth: 3 });
    const first = made.body.current.id as string;
    await payAtFake((await pay(donor, first)).body.donation.outTradeNo);
    const next = monthAfter(thisMonth());

    // Before the day: nothing. On the day: the invitation (subscription message and 消息 notice).
    const before = await run(at(next, 2));
    expect(before.invited).toBe(0);
    expect(await notices(donor, 'giving.monthly_due')).toHaveLength(0);
    await run(at(next, 3));
    await run(at(next, 3, 11));
    const invited = await notices(donor, 'giving.monthly_due');
    expect(invited).toHaveLength(1);
    expect(invited[0]!.payload).toMatchObject({ month: next, amountFen: 5000, campaignId, lastDay: `${next}-${daysIn(next)}` });
    const inbox = (await t.request('/api/v1/me/messages', { headers: donor.headers })).body;
    expect(JSON.stringify(inbox)).toContain(`packages/giving/pages/monthly-pay/index?id=${String(invited[0]!.payload.instalmentId)}`);

    const second = String(invited[0]!.payload.instalmentId);
    const shown = await t.request(`/api/v1/me/monthly-instalments/${second}`, { headers: donor.headers });
    expect(shown.body).toMatchObject({ month: next, status: 'invited', amountFen: 5000, campaignId, pledgeStatus: 'active' });
    const order = await pay(donor, second);
    expect(order.status).toBe(201);
    // WeChat Pay repeats the notification: acknowledged each time, recorded once.
    expect(await payAtFake(order.body.donation.outTradeNo, 3)).toEqual([204, 204, 204]);
    const [after] = await mine(donor);
    expect(after).toMatchObject({ paidMonths: 2, paidFen: 10000, missedMonths: 0 });
    const paidRows = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM donations d JOIN monthly_instalments i ON i.donation_id = d.id WHERE i.pledge_id = $1 AND d.status = 'paid'`,
      [made.body.id],
    );
    expect(paidRows[0].n).toBe(2);
    // Someone else's month is not theirs to see or pay.
    const stranger = await signedIn(t);
    expect((await t.request(`/api/v1/me/monthly-instalments/${second}`, { headers: stranger.headers })).status).toBe(404);
    expect((await pay(stranger, second)).status).toBe(404);
  });

  it('a month unpaid at its end is missed: the donor is told once, staff see it; the one reminder goes near the end', async () => {
    const donor = await signedIn(t, ['alumnus'], { realName: '错过月' });
    const made = await pledge(donor, { campaignId, amountFen: 1000, dayOfMonth: 1 });
    const next = monthAfter(thisMonth());
    const last = daysIn(next);
    // The first month ends unpaid.
    const closed = await run(at(next, 1));
    expect(closed.missed).toBeGreaterThanOrEqual(1);
    await run(at(next, 1, 12));
    const missed = await notices(donor, 'giving.monthly_missed');
    expect(missed).toHaveLength(1);
    expect(missed[0]!.payload).toMatchObject({ instalmentId: made.body.current.id, month: thisMonth() });
    expect((await pay(donor, made.body.current.id)).body.error.code).toBe('MONTHLY_INSTALMENT_NOT_PAYABLE');

    // The second month: invited on the 1st, one reminder near the end (never two), then missed too.
    await run(at(next, last - 1));
    await run(at(next, last, 20));
    const due = await notices(donor, 'giving.monthly_due');
    expect(due.map((n) => n.payload.reminder === true)).toEqual([false, true]);
    await run(at(monthAfter(next), 1));
    expect(await notices(donor, 'giving.monthly_missed')).toHaveLength(2);
    const [after] = await mine(donor);
    expect(after).toMatchObject({ missedMonths: 2, paidMonths: 0 });

    const report = await t.request(`/api/v1/staff/monthly-giving?month=${thisMonth()}`, { headers: staff.headers });
    expect(report.status).toBe(200);
    expect(report.body.missed).toEqual(
      expect.arrayContaining([expect.objectContaining({ instalmentId: made.body.current.id, alumnusName: '错过月', amountFen: 1000 })]),
    );
    expect(report.body.pledges.find((p: { id: string }) => p.id === made.body.id)).toMatchObject({ missedMonths: 2, paidMonths: 0 });
  });

  it('pause, change and cancel: a paused month is skipped, not missed; the new amount applies to the next month', async () => {
    const donor = await signedIn(t);
    const made = await pledge(donor, { campaignId, amountFen: 2000, dayOfMonth: 10 });
    const id = made.body.id as string;
    const url = `/api/v1/me/monthly-pledges/${id}`;
    const paused = await t.request(url, patch({ status: 'paused' }, donor.headers));
    expect(paused.status).toBe(200);
    expect(paused.body.status).toBe('paused');
    expect((await pay(donor, made.body.current.id)).body.error.code).toBe('MONTHLY_INSTALMENT_NOT_PAYABLE');
    const next = monthAfter(thisMonth());
    await run(at(next, 15));
    const afterPause = (await t.request(url, { headers: donor.headers })).body;
    expect(afterPause.instalments).toEqual([expect.objectContaining({ month: thisMonth(), status: 'skipped' })]);
    expect(await notices(donor, 'giving.monthly_missed')).toHaveLength(0);

    const changed = await t.request(url, patch({ status: 'active', amountFen: 8800, dayOfMonth: 12 }, donor.headers));
    expect(changed.body).toMatchObject({ status: 'active', amountFen: 8800, dayOfMonth: 12 });
    await run(at(next, 15));
    const invited = await notices(donor, 'giving.monthly_due');
    expect(invited.at(-1)!.payload).toMatchObject({ month: next, amountFen: 8800 });

    const cancelled = await t.request(`${url}/cancel`, post({}, donor.headers));
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
    expect((await t.request(`${url}/cancel`, post({}, donor.headers))).body.error.code).toBe('MONTHLY_PLEDGE_STATE_CONFLICT');
    expect((await t.request(url, patch({ status: 'active' }, donor.headers))).body.error.code).toBe('MONTHLY_PLEDGE_STATE_CONFLICT');
    await run(at(monthAfter(next), 15));
    expect(await notices(donor, 'giving.monthly_due')).toHaveLength(invited.length);
    // A new pledge to the same campaign is allowed once the old one is cancelled.
    expect((await pledge(donor, { campaignId, amountFen: 600, dayOfMonth: 1 })).status).toBe(201);
  });

  it('refuses bad pledges with a code that says what to fix', async () => {
    const donor = await signedIn(t);
    for (const body of [
      { campaignId, amountFen: 499, dayOfMonth: 1 },
      { campaignId, amountFen: 500_001, dayOfMonth: 1 },
      { campaignId, amountFen: 1000.5, dayOfMonth: 1 },
      { campaignId, amountFen: 1000, dayOfMonth: 29 },
      { campaignId, amountFen: 1000, dayOfMonth: 0 },
      { campaignId, amountFen: null, dayOfMonth: 1 },
      { campaignId: 'x', amountFen: 1000, dayOfMonth: 1 },
    ]) {
      const res = await pledge(donor, body);
      expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const closed = (await campaignFactory(t.dataSource)({ status: 'closed' })).id;
    expect((await pledge(donor, { campaignId: closed, amountFen: 1000, dayOfMonth: 1 })).body.error.code).toBe('CAMPAIGN_NOT_OPEN');
    const capped = (await campaignFactory(t.dataSource)({ maxAmountFen: 800 })).id;
    expect((await pledge(donor, { campaignId: capped, amountFen: 1000, dayOfMonth: 1 })).body.error.code).toBe('MONTHLY_AMOUNT_INVALID');
    expect((await pledge(donor, { campaignId, amountFen: 1000, dayOfMonth: 1 })).status).toBe(201);
    const twice = await pledge(donor, { campaignId, amountFen: 2000, dayOfMonth: 2 });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'MONTHLY_PLEDGE_EXISTS']);
    const [only] = await mine(donor);
    const nulls = await t.request(`/api/v1/me/monthly-pledges/${only.id}`, patch({ amountFen: null }, donor.headers));
    expect([nulls.status, nulls.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const stranger = await signedIn(t);
    expect((await t.request(`/api/v1/me/monthly-pledges/${only.id}`, patch({ amountFen: 900 }, stranger.headers))).status).toBe(404);
  });

  it('staff see fulfilment (paid ÷ due) and churn (cancelled ÷ active at the start) of a month; "run now" is the demo’s', async () => {
    const report = await t.request(`/api/v1/staff/monthly-giving?month=${thisMonth()}`, { headers: staff.headers });
    const [counts] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'paid')::int AS paid, count(*) FILTER (WHERE status IN ('paid', 'missed'))::int AS due
         FROM monthly_instalments WHERE month = $1`,
      [thisMonth()],
    );
    expect(report.body).toMatchObject({ month: thisMonth(), paidInstalments: counts.paid, dueInstalments: counts.due });
    expect(report.body.fulfilmentRate).toBeCloseTo(counts.paid / counts.due, 3);
    // Next month starts with the pledges made this month that were not cancelled.
    const next = await t.request(`/api/v1/staff/monthly-giving?month=${monthAfter(thisMonth())}`, { headers: staff.headers });
    expect(next.body.activeAtStart).toBeGreaterThan(0);
    expect(next.body.churnRate).toBeCloseTo(next.body.cancelledInMonth / next.body.activeAtStart, 3);
    expect((await t.request('/api/v1/staff/monthly-giving?month=2026-13', { headers: staff.headers })).status).toBe(400);
    const donor = await signedIn(t);
    expect((await t.request('/api/v1/staff/monthly-giving', { headers: donor.headers })).status).toBe(403);
    // A clock of the right shape but no real day (the fuzz suite found it answering 500).
    const impossible = await t.request('/api/v1/staff/monthly-giving/run', post({ at: '2026-02-30T10:00:00Z' }, staff.headers));
    expect([impossible.status, impossible.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const ran = await t.request('/api/v1/staff/monthly-giving/run', post({}, staff.headers));
    expect(ran.status).toBe(200);
    expect(ran.body).toEqual({
      invited: expect.any(Number),
      reminded: expect.any(Number),
      missed: expect.any(Number),
      skipped: expect.any(Number),
      deducted: 0,
      deductionFailed: 0,
    });
  });
});

describe('monthly giving on two instances', () => {
  const pair = useTwoInstances();

  it('runs the month once when both instances run it at the same moment', async () => {
    const { a, b } = pair;
    const campaignId = (await campaignFactory(a.dataSource)({})).id;
    const donors = await Promise.all([1, 2, 3].map(() => signedIn(a)));
    for (const donor of donors) {
      const res = await a.request('/api/v1/me/monthly-pledges', post({ campaignId, amountFen: 1000, dayOfMonth: 1 }, donor.headers));
      expect(res.status).toBe(201);
    }
    const now = at(monthAfter(thisMonth()), 2);
    const outcomes = await Promise.all([a, b, a, b].map((app) => app.app.get(MonthlyRunsService).run(now)));
    expect(outcomes.reduce((sum, o) => sum + o.invited, 0)).toBe(3);
    expect(outcomes.reduce((sum, o) => sum + o.missed, 0)).toBe(3);
    const rows = await a.dataSource.query(`SELECT kind, count(*)::int AS n FROM outbox_messages GROUP BY kind ORDER BY kind`);
    expect(rows).toEqual([
      { kind: 'giving.monthly_due', n: 3 },
      { kind: 'giving.monthly_missed', n: 3 },
    ]);
  });
});

describe('monthly giving outside the demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { ...PRODUCTION_ENV, DEMO: 'false', SEED_DEMO: '' } });
  });
  afterAll(() => t.close());

  it('has no "run now"', async () => {
    const staff = await signedIn(t, ['staff']);
    const res = await t.request('/api/v1/staff/monthly-giving/run', post({}, staff.headers));
    expect([res.status, res.body.error.code]).toEqual([404, 'MONTHLY_RUN_UNAVAILABLE']);
  });
});
