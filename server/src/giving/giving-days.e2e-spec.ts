import { GIVING_DAY_PAGE_PATH, type GivingDayLiveDto, givingDayIdOfScene } from '@alumni/shared';
import { DepartmentEntity } from '../school/department.entity.js';
import { signedIn } from '../../test/auth.js';
import { campaignFactory } from '../../test/factories.js';
import { giveAndPay, payFake, post, until } from '../../test/giving.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { wechatFake } from '../../test/wechat.js';
import { WxacodeFake } from '../wechat/fake/wxacode.fake.js';
import type { CampaignEntity } from './campaign.entity.js';

type Who = Awaited<ReturnType<typeof signedIn>>;
const HOUR = 3600_000;

describe('giving days', () => {
  let t: TestApp;
  let staff: Who;
  let admin: Who;
  let aid: CampaignEntity;
  let trees: CampaignEntity;
  let other: CampaignEntity;
  let computer: DepartmentEntity;
  let languages: DepartmentEntity;
  const classA: Who[] = [];
  const classB: Who[] = [];

  const create = (body: unknown, who: Who = staff) => t.request('/api/v1/staff/giving-days', post(body, who.headers));
  const patch = (id: string, body: unknown) =>
    t.request(`/api/v1/staff/giving-days/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...staff.headers },
      body: JSON.stringify(body),
    });
  const live = async (id: string) => (await t.request(`/api/v1/giving-days/${id}`)).body as GivingDayLiveDto;
  const dayBody = (values: Record<string, unknown> = {}) => ({
    title: '百年校庆捐赠日',
    summary: '一起为母校庆生',
    startsAt: new Date(Date.now() - HOUR).toISOString(),
    endsAt: new Date(Date.now() + 23 * HOUR).toISOString(),
    goalFen: 1_000_000,
    goalDonors: 100,
    campaignIds: [aid.id, trees.id],
    challenges: [
      { kind: 'donor_unlock', title: '3 位校友参与，解锁 ¥500 配捐', donorTarget: 3, bonusFen: 50_000, sponsorName: '江州科技' },
      { kind: 'class_competition', title: '班级参与人数挑战', metric: 'donors' },
      { kind: 'department_competition', title: '院系筹款挑战', metric: 'amount' },
    ],
    ...values,
  });

  beforeAll(async () => {
    t = await startTestApp({ env: { THROTTLE_LIMIT: '100000' } });
    staff = await signedIn(t, ['staff']);
    admin = await signedIn(t, ['admin']);
    const factory = campaignFactory(t.dataSource);
    aid = await factory({ title: '春晖助学', maxAmountFen: 1_000_000 });
    trees = await factory({ title: '校友林', maxAmountFen: 1_000_000 });
    other = await factory({ title: '不在捐赠日', maxAmountFen: 1_000_000 });
    [computer, languages] = await t.dataSource
      .getRepository(DepartmentEntity)
      .save([{ name: '捐赠日计算机学院' }, { name: '捐赠日外语学院' }]);
    for (let i = 0; i < 5; i++) {
      classA.push(await signedIn(t, ['alumnus'], { graduationYear: 2015, departmentId: computer!.id, className: '计科1班' }));
      classB.push(await signedIn(t, ['alumnus'], { graduationYear: 2016, departmentId: languages!.id, className: '英语2班' }));
    }
  });
  afterAll(() => t.close());

  it('runs a giving day with live totals, boards and challenges, refreshed when a payment is posted', async () => {
    const created = await create(dayBody());
    expect(created.status).toBe(201);
    const { id } = created.body;
    expect(created.body).toMatchObject({ status: 'draft', campaignIds: [aid.id, trees.id] });
    expect(created.body.challenges.map((c: { id: string }) => c.id)).toEqual([expect.any(String), expect.any(String), expect.any(String)]);
    // A draft is not public.
    expect((await t.request(`/api/v1/giving-days/${id}`)).status).toBe(404);
    expect((await patch(id, { status: 'published' })).body.status).toBe('published');
    expect((await t.request('/api/v1/giving-days')).body.map((d: { id: string }) => d.id)).toContain(id);

    const empty = await live(id);
    expect(empty).toMatchObject({ phase: 'live', totals: { raisedFen: 0, matchedFen: 0, bonusFen: 0, donors: 0, gifts: 0 } });
    expect(empty.campaigns.map((c) => c.title)).toEqual(['春晖助学', '校友林']);
    expect(Math.abs(Date.parse(empty.now) - Date.now())).toBeLessThan(5000);

    // Class A: three donors (one gives twice); class B: one; a gift to another campaign does not count.
    await giveAndPay(t, aid.id, classA[0]!, { amountFen: 10_000 });
    await giveAndPay(t, trees.id, classA[0]!, { amountFen: 5000 });
    await giveAndPay(t, aid.id, classA[1]!, { amountFen: 20_000, anonymous: true });
    await giveAndPay(t, trees.id, classA[2]!, { amountFen: 3000 });
    await giveAndPay(t, aid.id, classB[0]!, { amountFen: 100_000 });
    await giveAndPay(t, other.id, classB[1]!, { amountFen: 7000 });

    const day = await until(
      () => live(id),
      (v) => v.totals.gifts === 5,
    );
    expect(day.totals).toEqual({ raisedFen: 138_000, matchedFen: 0, bonusFen: 50_000, donors: 4, gifts: 5 });
    expect(day.classBoard).toEqual({
      metric: 'donors',
      entries: [
        { rank: 1, name: '2015 届 计科1班', donors: 3, amountFen: null },
        { rank: 2, name: '2016 届 英语2班', donors: 1, amountFen: null },
      ],
    });
    // By amount, a department shows once three of its alumni gave: languages' one large gift stays off.
    expect(day.departmentBoard).toEqual({
      metric: 'amount',
      entries: [{ rank: 1, name: '捐赠日计算机学院', donors: 3, amountFen: 38_000 }],
    });
    const [unlock, classes, departments] = day.challenges;
    expect(unlock).toMatchObject({ kind: 'donor_unlock', progress: 4, unlocked: true, bonusFen: 50_000, sponsorName: '江州科技' });
    expect(classes).toMatchObject({ kind: 'class_competition', progress: 3, board: day.classBoard });
    expect(departments).toMatchObject({ kind: 'department_competition', progress: 38_000, board: day.departmentBoard });
    expect(day.recentDonors.map((d) => [d.name, d.amountFen, d.campaignTitle])).toEqual([
      [classB[0]!.alumnus.displayName, 100_000, '春晖助学'],
      [classA[2]!.alumnus.displayName, 3000, '校友林'],
      ['匿名校友', 20_000, '春晖助学'],
      [classA[0]!.alumnus.displayName, 5000, '校友林'],
      [classA[0]!.alumnus.displayName, 10_000, '春晖助学'],
    ]);

    // The boards' sums are the paid rows'.
    const [rows] = await t.dataSource.query(
      `SELECT sum(amount_fen - refunded_fen)::int AS fen, count(DISTINCT alumnus_id)::int AS donors FROM donations
        WHERE status = 'paid' AND campaign_id = ANY($1::uuid[]) AND paid_at >= $2`,
      [[aid.id, trees.id], new Date(Date.now() - HOUR)],
    );
    expect(rows).toEqual({ fen: day.totals.raisedFen, donors: day.totals.donors });

    // A sponsor's match shows in the totals; a refund takes its gift (and its match) back out.
    await t.request(
      `/api/v1/staff/campaigns/${trees.id}/matches`,
      post(
        {
          sponsorKind: 'foundation',
          sponsorName: '校友基金会',
          ratioPercent: 100,
          capFen: 100_000,
          startsAt: new Date(Date.now() - HOUR).toISOString(),
          endsAt: new Date(Date.now() + HOUR).toISOString(),
        },
        staff.headers,
      ),
    );
    const matched = await giveAndPay(t, trees.id, classA[3]!, { amountFen: 4000 });
    expect(
      (
        await until(
          () => live(id),
          (v) => v.totals.gifts === 6,
        )
      ).totals,
    ).toMatchObject({ raisedFen: 142_000, matchedFen: 4000, donors: 5 });
    const refund = await t.request(
      `/api/v1/staff/donations/${matched.id}/refunds`,
      post({ amountFen: 4000, reason: '退回' }, admin.headers),
    );
    payFake(t).settleRefund(refund.body.outRefundNo);
    expect(
      (
        await until(
          () => live(id),
          (v) => v.totals.gifts === 5,
        )
      ).totals,
    ).toMatchObject({ raisedFen: 138_000, matchedFen: 0, donors: 4 });
  });

  it('keeps the clock fresh on a cached answer, and a change of the day drops the cache', async () => {
    const { id } = (await create(dayBody({ status: 'published', challenges: [] }))).body;
    const first = await live(id);
    const second = await live(id);
    expect(second.totals).toEqual(first.totals);
    expect(second.now >= first.now).toBe(true);
    await patch(id, { title: '改名后的捐赠日' });
    expect(
      (
        await until(
          () => live(id),
          (v) => v.day.title === '改名后的捐赠日',
        )
      ).day.title,
    ).toBe('改名后的捐赠日');
  });

  it('draws a published day’s poster code once, from WeChat, opening the day’s page by its scene', async () => {
    const fake = wechatFake(t);
    const calls = () => fake.calls.get('/wxa/getwxacodeunlimit') ?? 0;
    const before = calls();
    const draft = (await create(dayBody())).body.id as string;
    // A draft has no public page, so no poster; nor has a day that does not exist.
    for (const id of [draft, '00000000-0000-4000-8000-000000000000']) {
      const refused = await t.request(`/api/v1/giving-days/${id}/poster-code`);
      expect([refused.status, refused.body.error.code]).toEqual([404, 'GIVING_DAY_NOT_FOUND']);
    }
    expect((await t.request('/api/v1/giving-days/not-an-id/poster-code')).status).toBe(400);
    expect(calls()).toBe(before);

    await patch(draft, { status: 'published' });
    const { posterCodeUrl } = await live(draft);
    expect(posterCodeUrl).toBe(`/api/v1/giving-days/${draft}/poster-code`);
    const first = await fetch(new URL(posterCodeUrl, t.baseUrl));
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/png');
    const image = Buffer.from(await first.arrayBuffer());
    expect(image.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const issued = fake.feature(WxacodeFake).issued.at(-1)!;
    expect(issued).toMatchObject({ page: GIVING_DAY_PAGE_PATH, envVersion: 'release' });
    expect(issued.scene.length).toBeLessThanOrEqual(32);
    // Scanning it opens the day's page with the scene, which names this day.
    expect(givingDayIdOfScene(encodeURIComponent(issued.scene))).toBe(draft);
    // Kept: the second poster is served from storage without asking WeChat again.
    const second = await fetch(new URL(posterCodeUrl, t.baseUrl));
    expect(Buffer.from(await second.arrayBuffer())).toEqual(image);
    expect(calls()).toBe(before + 1);
  });

  it('edits a day: anything before it starts; once running, it may grow but not rewrite what alumni saw', async () => {
    const factory = campaignFactory(t.dataSource);
    const [first, second, third] = [
      await factory({ title: '编辑一', maxAmountFen: 1_000_000 }),
      await factory({ title: '编辑二', maxAmountFen: 1_000_000 }),
      await factory({ title: '编辑三', maxAmountFen: 1_000_000 }),
    ];
    const unlock = { kind: 'donor_unlock', title: '1 位校友参与，解锁 ¥100', donorTarget: 1, bonusFen: 10_000, sponsorName: '江州科技' };
    const locked = {
      kind: 'donor_unlock',
      title: '50 位校友参与，解锁 ¥5000',
      donorTarget: 50,
      bonusFen: 500_000,
      sponsorName: '校友基金会',
    };

    // Before the start everything moves, back to draft included.
    const upcoming = (
      await create(
        dayBody({
          status: 'published',
          startsAt: new Date(Date.now() + HOUR).toISOString(),
          endsAt: new Date(Date.now() + 5 * HOUR).toISOString(),
          campaignIds: [first.id, second.id],
          challenges: [unlock],
        }),
      )
    ).body;
    const moved = await patch(upcoming.id, {
      startsAt: new Date(Date.now() + 2 * HOUR).toISOString(),
      campaignIds: [first.id],
      challenges: [],
      status: 'draft',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'draft', campaignIds: [first.id], challenges: [] });

    // A running day with a gift to the first campaign, its unlock reached.
    const created = await create(dayBody({ status: 'published', campaignIds: [first.id, second.id], challenges: [unlock, locked] }));
    const { id } = created.body;
    const [unlocked, notYet] = created.body.challenges as { id: string }[];
    await giveAndPay(t, first.id, await signedIn(t), { amountFen: 2000 });
    await until(
      () => live(id),
      (v) => v.totals.gifts === 1,
    );
    const before = (await t.request(`/api/v1/staff/giving-days/${id}`, { headers: staff.headers })).body;
    const audits = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_entries WHERE subject_id = $1`, [id]))[0].n;
    const auditsBefore = await audits();
    const refusals: [string, Record<string, unknown>, string][] = [
      ['the start into the future', { startsAt: new Date(Date.now() + HOUR).toISOString() }, 'startsAt'],
      ['the end into the past', { endsAt: new Date(Date.now() - 60_000).toISOString() }, 'endsAt'],
      ['back to draft', { status: 'draft' }, 'status'],
      ['a campaign with gifts in the day removed', { campaignIds: [second.id] }, 'campaignIds'],
      ['an unlocked challenge removed', { challenges: [{ ...locked, id: notYet.id }] }, 'challenges'],
      [
        'an unlocked challenge changed',
        {
          challenges: [
            { ...unlock, id: unlocked.id, bonusFen: 5000 },
            { ...locked, id: notYet.id },
          ],
        },
        'challenges',
      ],
      ['an unlocked challenge sent without its id', { challenges: [unlock, { ...locked, id: notYet.id }] }, 'challenges'],
    ];
    for (const [name, body, field] of refusals) {
      const res = await patch(id, body);
      expect([name, res.status, res.body.error?.code]).toEqual([name, 409, 'GIVING_DAY_EDIT_CONFLICT']);
      expect(JSON.stringify(res.body.error.details)).toContain(field);
    }
    expect((await t.request(`/api/v1/staff/giving-days/${id}`, { headers: staff.headers })).body).toEqual(before);
    expect(await audits()).toBe(auditsBefore);

    // What it may do: end later, start earlier, a higher goal, a campaign added, a campaign without gifts removed,
    // the unlocked challenge kept (with its id) and the other changed.
    const endsAt = new Date(Date.now() + 48 * HOUR).toISOString();
    const grown = await patch(id, {
      startsAt: new Date(Date.now() - 2 * HOUR).toISOString(),
      endsAt,
      goalFen: 2_000_000,
      campaignIds: [first.id, third.id],
      challenges: [
        { ...unlock, id: unlocked.id },
        { ...locked, id: notYet.id, donorTarget: 20 },
      ],
    });
    expect(grown.status).toBe(200);
    expect(grown.body).toMatchObject({ endsAt, goalFen: 2_000_000, campaignIds: [first.id, third.id] });
    expect(grown.body.challenges.map((c: { id: string; donorTarget: number }) => [c.id, c.donorTarget])).toEqual([
      [unlocked.id, 1],
      [notYet.id, 20],
    ]);
    const after = await until(
      () => live(id),
      (v) => v.day.goalFen === 2_000_000,
    );
    expect(after.campaigns.map((c) => c.title)).toEqual(['编辑一', '编辑三']);
    expect(after.totals).toMatchObject({ gifts: 1, bonusFen: 10_000 });
    const [audit] = await t.dataSource.query(
      `SELECT before, after FROM audit_entries WHERE subject_id = $1 AND action = 'giving_day.updated' ORDER BY id DESC LIMIT 1`,
      [id],
    );
    expect(audit.before.goalFen).toBe(1_000_000);
    expect(audit.after.goalFen).toBe(2_000_000);
  });

  describe('refuses bad giving days with a named code and writes nothing', () => {
    const count = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM giving_days`))[0].n as number;
    it.each([
      ['an end before the start', () => ({ endsAt: new Date(Date.now() - 2 * HOUR).toISOString() }), 422, 'GIVING_DAY_INVALID', 'endsAt'],
      ['an unknown campaign', () => ({ campaignIds: ['00000000-0000-4000-8000-000000000000'] }), 422, 'GIVING_DAY_INVALID', 'campaignIds'],
      ['a campaign twice', () => ({ campaignIds: [aid.id, aid.id] }), 422, 'GIVING_DAY_INVALID', 'campaignIds'],
      ['published without campaigns', () => ({ campaignIds: [], status: 'published' }), 422, 'GIVING_DAY_INVALID', 'campaignIds'],
      [
        'an unlock without its target',
        () => ({ challenges: [{ kind: 'donor_unlock', title: '解锁' }] }),
        422,
        'GIVING_DAY_INVALID',
        'challenges.0',
      ],
      ['an unknown challenge kind', () => ({ challenges: [{ kind: 'raffle', title: '抽奖' }] }), 400, 'VALIDATION_FAILED', 'kind'],
      ['a goal of 0', () => ({ goalFen: 0 }), 400, 'VALIDATION_FAILED', 'goalFen'],
      ['campaign ids that are not ids', () => ({ campaignIds: ['x'] }), 400, 'VALIDATION_FAILED', 'campaignIds'],
    ])('%s', async (_name, values, status, code, field) => {
      const before = await count();
      const res = await create(dayBody(values()));
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(JSON.stringify(res.body.error.details)).toContain(field);
      expect(await count()).toBe(before);
    });

    it('an alumnus may not create one; an unknown day is 404', async () => {
      expect((await create(dayBody(), await signedIn(t))).status).toBe(403);
      expect((await t.request('/api/v1/giving-days/00000000-0000-4000-8000-000000000000')).body.error.code).toBe('GIVING_DAY_NOT_FOUND');
    });
  });
});
