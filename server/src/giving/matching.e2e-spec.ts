import type { DataSource } from 'typeorm';
import { DepartmentEntity } from '../school/department.entity.js';
import type { FakeWechatPayServer } from '../wechat-pay/fake/fake-wechat-pay.server.js';
import { signedIn } from '../../test/auth.js';
import { campaignFactory } from '../../test/factories.js';
import { giveAndPay, payFake, post, until } from '../../test/giving.js';
import { startTestApp, type TestApp, useTwoInstances } from '../../test/test-app.js';
import { DonationEntity } from './donation.entity.js';

type Who = Awaited<ReturnType<typeof signedIn>>;

const HOUR = 3600_000;
const within = (fromMs = -HOUR, toMs = 24 * HOUR) => ({
  startsAt: new Date(Date.now() + fromMs).toISOString(),
  endsAt: new Date(Date.now() + toMs).toISOString(),
});
const pledge = (values: Record<string, unknown> = {}) => ({
  sponsorKind: 'company',
  sponsorName: '江州科技有限公司',
  ratioPercent: 100,
  capFen: 10_000,
  ...within(),
  ...values,
});

/** The matched totals agree with the rows: each pledge with its gifts' shares, each gift and the campaign with their sums. */
async function matchesAgree(dataSource: DataSource, campaignId: string) {
  const [sums] = await dataSource.query(
    `SELECT (SELECT matched_fen FROM campaigns WHERE id = $1)::int AS campaign,
            (SELECT coalesce(sum(matched_fen), 0) FROM campaign_matches WHERE campaign_id = $1)::int AS pledges,
            (SELECT coalesce(sum(dm.matched_fen), 0) FROM donation_matches dm JOIN donations d ON d.id = dm.donation_id WHERE d.campaign_id = $1)::int AS shares,
            (SELECT coalesce(sum(matched_fen), 0) FROM donations WHERE campaign_id = $1)::int AS gifts,
            (SELECT count(*) FROM campaign_matches m WHERE campaign_id = $1 AND matched_fen <> (
               SELECT coalesce(sum(matched_fen), 0) FROM donation_matches WHERE match_id = m.id))::int AS pledges_off,
            (SELECT count(*) FROM campaign_matches WHERE campaign_id = $1 AND matched_fen > cap_fen)::int AS over_cap`,
    [campaignId],
  );
  expect(sums).toMatchObject({ pledges: sums.campaign, shares: sums.campaign, gifts: sums.campaign, pledges_off: 0, over_cap: 0 });
  return sums.campaign as number;
}

describe('matching gifts (配捐)', () => {
  let t: TestApp;
  let fake: FakeWechatPayServer;
  let staff: Who;
  let admin: Who;
  const newCampaign = () => campaignFactory(t.dataSource)({ maxAmountFen: 1_000_000 });
  const createPledge = (campaignId: string, body: unknown, who: Who = staff) =>
    t.request(`/api/v1/staff/campaigns/${campaignId}/matches`, post(body, who.headers));
  const give = async (campaignId: string, amountFen: number, donor?: Who) => {
    const who = donor ?? (await signedIn(t));
    const gift = await giveAndPay(t, campaignId, who, { amountFen });
    const res = await t.request(`/api/v1/donations/${gift.id}`, { headers: who.headers });
    return { ...gift, row: await t.dataSource.getRepository(DonationEntity).findOneByOrFail({ id: gift.id }), res };
  };
  const matchedOf = async (id: string) => (await t.dataSource.getRepository(DonationEntity).findOneByOrFail({ id })).matchedFen;
  const page = async (campaignId: string) => (await t.request(`/api/v1/campaigns/${campaignId}`)).body;

  beforeAll(async () => {
    t = await startTestApp({ env: { THROTTLE_LIMIT: '100000', READ_CACHE_SECONDS: '0' } });
    fake = payFake(t);
    staff = await signedIn(t, ['staff']);
    admin = await signedIn(t, ['admin']);
  });
  afterAll(() => t.close());

  it('matches 1:1 until the cap: the gift reaching it gets what is left, later ones nothing; the page shows raised, matched and remaining', async () => {
    const campaign = await newCampaign();
    const created = await createPledge(campaign.id, pledge({ capFen: 10_000 }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      sponsorName: '江州科技有限公司',
      ratioPercent: 100,
      capFen: 10_000,
      matchedFen: 0,
      remainingFen: 10_000,
    });

    const donor = await signedIn(t);
    const first = await give(campaign.id, 3000, donor);
    expect(first.res.body).toMatchObject({ status: 'paid', amountFen: 3000, matchedFen: 3000 });
    expect((await give(campaign.id, 5000)).row.matchedFen).toBe(5000);
    expect((await give(campaign.id, 4000)).row.matchedFen).toBe(2000);
    expect((await give(campaign.id, 1000)).row.matchedFen).toBe(0);

    const shown = await page(campaign.id);
    expect(shown).toMatchObject({ raisedFen: 13_000, matchedFen: 10_000 });
    expect(shown.matches).toEqual([
      expect.objectContaining({
        id: created.body.id,
        sponsorKind: 'company',
        capFen: 10_000,
        matchedFen: 10_000,
        remainingFen: 0,
        forClass: null,
      }),
    ]);
    expect(shown.matches[0].sponsorAlumnusId).toBeUndefined();
    expect(await matchesAgree(t.dataSource, campaign.id)).toBe(10_000);
    // The donor's own list shows the match too.
    const mine = await t.request('/api/v1/me/donations', { headers: donor.headers });
    expect(mine.body.items.find((d: { id: string }) => d.id === first.id)).toMatchObject({ matchedFen: 3000 });
  });

  it('applies the ratio rounded down to the fen, and two pledges on one campaign each match', async () => {
    const campaign = await newCampaign();
    await createPledge(campaign.id, pledge({ ratioPercent: 50, capFen: 100_000 }));
    await createPledge(campaign.id, pledge({ sponsorKind: 'foundation', sponsorName: '校友基金会', ratioPercent: 200, capFen: 100_000 }));
    const gift = await give(campaign.id, 3001);
    expect(gift.row.matchedFen).toBe(1500 + 6002);
    expect(await matchesAgree(t.dataSource, campaign.id)).toBe(7502);
  });

  it('matches only inside its window', async () => {
    const campaign = await newCampaign();
    await createPledge(campaign.id, pledge(within(HOUR, 2 * HOUR)));
    await createPledge(campaign.id, pledge(within(-2 * HOUR, -HOUR)));
    expect((await give(campaign.id, 3000)).row.matchedFen).toBe(0);
    expect(await matchesAgree(t.dataSource, campaign.id)).toBe(0);
  });

  it('first-time donors only: a donor who gave before (to any campaign) is not matched, a new one is, once', async () => {
    const earlier = await newCampaign();
    const campaign = await newCampaign();
    await createPledge(campaign.id, pledge({ firstTimeOnly: true }));
    const giver = await signedIn(t);
    await give(earlier.id, 1000, giver);
    expect((await give(campaign.id, 2000, giver)).row.matchedFen).toBe(0);
    const newcomer = await signedIn(t);
    expect((await give(campaign.id, 2000, newcomer)).row.matchedFen).toBe(2000);
    expect((await give(campaign.id, 2000, newcomer)).row.matchedFen).toBe(0);
  });

  it('one class only: its alumni are matched, others (and the same class name in another department) are not', async () => {
    const [computer, languages] = await t.dataSource
      .getRepository(DepartmentEntity)
      .save([{ name: '配捐计算机学院' }, { name: '配捐外语学院' }]);
    const campaign = await newCampaign();
    const forClass = { graduationYear: 2015, departmentId: computer!.id, className: '计科1班' };
    const created = await createPledge(campaign.id, pledge({ forClass }));
    expect(created.body.forClass).toEqual(forClass);
    const member = await signedIn(t, ['alumnus'], { graduationYear: 2015, departmentId: computer!.id, className: '计科1班' });
    const namesake = await signedIn(t, ['alumnus'], { graduationYear: 2015, departmentId: languages!.id, className: '计科1班' });
    expect((await give(campaign.id, 2000, member)).row.matchedFen).toBe(2000);
    expect((await give(campaign.id, 2000, namesake)).row.matchedFen).toBe(0);
    expect((await give(campaign.id, 2000)).row.matchedFen).toBe(0);
  });

  it('a refund gives back the match of the refunded part, which later gifts then get', async () => {
    const campaign = await newCampaign();
    await createPledge(campaign.id, pledge({ capFen: 6000 }));
    const gift = await give(campaign.id, 5000);
    expect((await give(campaign.id, 3000)).row.matchedFen).toBe(1000);
    const partial = await t.request(
      `/api/v1/staff/donations/${gift.id}/refunds`,
      post({ amountFen: 2000, reason: '部分退款' }, admin.headers),
    );
    expect(partial.status).toBe(201);
    fake.settleRefund(partial.body.outRefundNo);
    expect(
      await until(
        () => matchedOf(gift.id),
        (fen) => fen === 3000,
      ),
    ).toBe(3000);
    expect((await page(campaign.id)).matches[0]).toMatchObject({ matchedFen: 4000, remainingFen: 2000 });
    expect((await give(campaign.id, 2500)).row.matchedFen).toBe(2000);
    const rest = await t.request(
      `/api/v1/staff/donations/${gift.id}/refunds`,
      post({ amountFen: 3000, reason: '全额退回' }, admin.headers),
    );
    fake.settleRefund(rest.body.outRefundNo);
    expect(
      await until(
        () => matchedOf(gift.id),
        (fen) => fen === 0,
      ),
    ).toBe(0);
    expect(await matchesAgree(t.dataSource, campaign.id)).toBe(3000);
  });

  it('tracks the sponsor’s own payments of its pledge: owed = matched − paid, never more than the cap in all', async () => {
    const campaign = await newCampaign();
    const { id } = (await createPledge(campaign.id, pledge({ capFen: 10_000 }))).body;
    await give(campaign.id, 4000);
    const pay = (body: unknown, who: Who = staff) =>
      t.request(`/api/v1/staff/campaigns/${campaign.id}/matches/${id}/payments`, post(body, who.headers));
    const paid = await pay({ amountFen: 3000, receivedOn: '2026-01-05', reference: '银行回单 0042' });
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ matchId: id, amountFen: 3000, receivedOn: '2026-01-05', reference: '银行回单 0042' });
    const listed = await t.request(`/api/v1/staff/campaigns/${campaign.id}/matches`, { headers: staff.headers });
    expect(listed.body).toEqual([expect.objectContaining({ id, matchedFen: 4000, paidFen: 3000, owedFen: 1000 })]);
    const over = await pay({ amountFen: 7001, receivedOn: '2026-01-06', reference: '超额' });
    expect(over.status).toBe(422);
    expect(over.body.error.code).toBe('MATCH_PAYMENT_EXCEEDS_CAP');
    const future = await pay({ amountFen: 1, receivedOn: '2999-01-01', reference: '未来' });
    expect(future.body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    const elsewhere = await t.request(
      `/api/v1/staff/campaigns/${(await newCampaign()).id}/matches/${id}/payments`,
      post({ amountFen: 1, receivedOn: '2026-01-05', reference: 'x' }, staff.headers),
    );
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.error.code).toBe('CAMPAIGN_MATCH_NOT_FOUND');
    const audit = await t.dataSource.query(`SELECT action FROM audit_entries WHERE subject_id = $1 ORDER BY id`, [campaign.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['campaign.match_created', 'campaign.match_paid']);
    expect((await pay({ amountFen: 1, receivedOn: '2026-01-05', reference: 'x' }, await signedIn(t))).status).toBe(403);
  });

  describe('refuses bad pledges with a named code and writes nothing', () => {
    const count = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM campaign_matches`))[0].n as number;
    it.each([
      ['ratio 0', { ratioPercent: 0 }, 400, 'VALIDATION_FAILED', 'ratioPercent'],
      ['a ratio over 10:1', { ratioPercent: 1001 }, 400, 'VALIDATION_FAILED', 'ratioPercent'],
      ['a fractional cap', { capFen: 100.5 }, 400, 'VALIDATION_FAILED', 'capFen'],
      ['a cap as text', { capFen: '10000' }, 400, 'VALIDATION_FAILED', 'capFen'],
      ['an unknown sponsor kind', { sponsorKind: 'bank' }, 400, 'VALIDATION_FAILED', 'sponsorKind'],
      ['no sponsor name', { sponsorName: '  ' }, 400, 'VALIDATION_FAILED', 'sponsorName'],
      ['a window ending before it starts', within(HOUR, -HOUR), 422, 'CAMPAIGN_MATCH_INVALID', 'endsAt'],
      [
        'a class without its name',
        { forClass: { graduationYear: 2015, departmentId: '00000000-0000-4000-8000-000000000000' } },
        400,
        'VALIDATION_FAILED',
        undefined,
      ],
      [
        'a class of an unknown department',
        { forClass: { graduationYear: 2015, departmentId: '00000000-0000-4000-8000-000000000000', className: '一班' } },
        422,
        'CAMPAIGN_MATCH_INVALID',
        'forClass.departmentId',
      ],
      [
        'an account for a company',
        { sponsorAlumnusId: '00000000-0000-4000-8000-000000000000' },
        422,
        'CAMPAIGN_MATCH_INVALID',
        'sponsorAlumnusId',
      ],
      [
        'an unknown alumnus',
        { sponsorKind: 'alumnus', sponsorAlumnusId: '00000000-0000-4000-8000-000000000000' },
        422,
        'CAMPAIGN_MATCH_INVALID',
        'sponsorAlumnusId',
      ],
    ])('%s', async (_name, values, status, code, field) => {
      const campaign = await newCampaign();
      const before = await count();
      const res = await createPledge(campaign.id, pledge(values));
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
      if (field) expect(JSON.stringify(res.body.error.details)).toContain(field);
      expect(await count()).toBe(before);
    });

    it('an unknown campaign is 404, a closed one 409, an alumnus 403', async () => {
      expect((await createPledge('00000000-0000-4000-8000-000000000000', pledge())).body.error.code).toBe('CAMPAIGN_NOT_FOUND');
      const closed = await campaignFactory(t.dataSource)({ status: 'closed' });
      expect((await createPledge(closed.id, pledge())).body.error.code).toBe('CAMPAIGN_STATE_CONFLICT');
      expect((await createPledge(closed.id, pledge(), await signedIn(t))).status).toBe(403);
    });
  });
});

/**
 * Payments to one campaign arriving at two instances at once: the pledge's cap is met exactly,
 * by the gifts paid first.
 */
describe('matching under concurrent payments on two instances', () => {
  const instances = useTwoInstances();

  it('30 gifts of ¥15 against a ¥100 1:1 cap: ¥100 matched in all, the first six posted in full, the seventh ¥10, the rest nothing', async () => {
    const { a, b } = instances;
    const fake = payFake(a);
    const campaign = await campaignFactory(a.dataSource)({});
    const staff = await signedIn(a, ['staff']);
    const created = await a.request(`/api/v1/staff/campaigns/${campaign.id}/matches`, post(pledge({ capFen: 10_000 }), staff.headers));
    expect(created.status).toBe(201);
    const orders: string[] = [];
    for (let i = 0; i < 30; i++) {
      const who = await signedIn(a);
      const res = await a.request(`/api/v1/campaigns/${campaign.id}/donations`, post({ amountFen: 1500 }, who.headers));
      expect(res.status).toBe(201);
      orders.push(res.body.donation.outTradeNo as string);
    }
    for (const no of orders) fake.pay(no, { notify: false });
    const answers = await Promise.all(
      orders.flatMap((no) =>
        [a, b, b, a].map((app) => {
          const { headers, body } = fake.notification(no);
          return app.request('/api/v1/giving/wechat-pay/notify', { method: 'POST', headers, body });
        }),
      ),
    );
    expect(answers.map((r) => r.status).filter((s) => s !== 204)).toEqual([]);

    expect(await matchesAgree(a.dataSource, campaign.id)).toBe(10_000);
    // In the order the posting passes took them (their certificate numbers), whichever instance posted each batch.
    const inOrder = (await a.dataSource.query(
      `SELECT matched_fen::int AS fen FROM donations WHERE campaign_id = $1 AND status = 'paid' ORDER BY certificate_no`,
      [campaign.id],
    )) as { fen: number }[];
    expect(inOrder.map((r) => r.fen)).toEqual([1500, 1500, 1500, 1500, 1500, 1500, 1000, ...Array(23).fill(0)]);
    const shown = (await b.request(`/api/v1/campaigns/${campaign.id}`)).body;
    expect(shown).toMatchObject({ raisedFen: 45_000, matchedFen: 10_000, matches: [expect.objectContaining({ remainingFen: 0 })] });
  }, 120_000);
});
