import { randomUUID } from 'node:crypto';
import type { ClassLeaderboardDto, ClassLeaderboardEntryDto, DonationStatus } from '@alumni/shared';
import type { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { DepartmentEntity } from '../school/department.entity.js';
import { createAlumnus } from '../../test/auth.js';
import { campaignFactory } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import type { CampaignEntity } from './campaign.entity.js';
import { DonationEntity } from './donation.entity.js';
import { outTradeNo } from './donation-numbers.js';

interface Gift {
  campaign: CampaignEntity;
  status?: DonationStatus;
  refundedFen?: number;
  anonymous?: boolean;
  hideAmount?: boolean;
  paidAt?: Date;
}

describe('class leaderboard', () => {
  let t: TestApp;
  let x: CampaignEntity;
  let y: CampaignEntity;
  let draft: CampaignEntity;
  let computer: DepartmentEntity;
  let languages: DepartmentEntity;
  const everyone: AlumnusEntity[] = [];
  const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
  const lastYear = new Date(`${year - 1}-06-01T12:00:00+08:00`);

  const board = (query = '') => t.request(`/api/v1/giving/class-leaderboard${query}`);
  /** The answer as `<year>/<department>/<class> donors/alumni share`, rank order. */
  const lines = (body: ClassLeaderboardDto) =>
    body.entries.map(
      (e: ClassLeaderboardEntryDto) =>
        `${e.rank}. ${e.graduationYear}/${e.departmentName}/${e.className} ${e.donors}/${e.alumni} ${e.sharePercent}`,
    );

  /** A class of `size` alumni; `gifts[i]` are what its i-th member gave. */
  async function klass(graduationYear: number, department: DepartmentEntity, className: string, size: number, gifts: Gift[][] = []) {
    for (let i = 0; i < size; i += 1) {
      const alumnus = await createAlumnus(t, { graduationYear, departmentId: department.id, className, displayName: `${className}-${i}` });
      everyone.push(alumnus);
      for (const gift of gifts[i] ?? []) await give(alumnus, gift);
    }
  }

  async function give(
    alumnus: AlumnusEntity,
    { campaign, status = 'paid', refundedFen = 0, anonymous = false, hideAmount = false, paidAt }: Gift,
  ) {
    const at = paidAt ?? new Date();
    const settled = status === 'paid' || status === 'refunded';
    await t.dataSource.getRepository(DonationEntity).insert({
      campaignId: campaign.id,
      alumnusId: alumnus.id,
      outTradeNo: outTradeNo(at),
      amountFen: 10_000,
      refundedFen: status === 'refunded' ? 10_000 : refundedFen,
      status,
      anonymous,
      hideAmount,
      payerOpenid: alumnus.openid!,
      expiresAt: new Date(at.getTime() + 30 * 60_000),
      paidAt: settled ? at : null,
      transactionId: settled ? `4200${randomUUID().replace(/-/g, '')}` : null,
      // Posted, as a settled gift is (docs/giving.md, Posting).
      certificateNo: settled ? `GIV-TEST-${randomUUID()}` : null,
    });
  }

  beforeAll(async () => {
    t = await startTestApp();
    const campaign = campaignFactory(t.dataSource);
    [x, y, draft] = [await campaign(), await campaign(), await campaign({ status: 'draft' })];
    [computer, languages] = await t.dataSource.getRepository(DepartmentEntity).save([
      { name: '计算机科学与技术学院', sortOrder: 1 },
      { name: '外国语学院', sortOrder: 2 },
    ]);

    // A: 6 alumni. Gave this year: #0 (x), #1 (x, anonymous, amount hidden), #2 (x and y: counted once),
    // #4 (y, partly refunded: still a donor). #3's gift was refunded in full, #5 only ordered and never paid.
    await klass(2010, computer, '计科2006级1班', 6, [
      [{ campaign: x }],
      [{ campaign: x, anonymous: true, hideAmount: true }],
      [{ campaign: x }, { campaign: y }],
      [{ campaign: x, status: 'refunded' }],
      [{ campaign: y, refundedFen: 5_000 }],
      [
        { campaign: x, status: 'pending' },
        { campaign: y, status: 'closed' },
      ],
    ]);
    // An erased account of class A that gave: in neither count.
    const erased = await createAlumnus(t, {
      graduationYear: 2010,
      departmentId: computer.id,
      className: '计科2006级1班',
      deletedAt: new Date(),
    });
    await give(erased, { campaign: x });
    // E: the same year and class name in another department is another class. 2 of 5 gave this year (y).
    await klass(2010, languages, '计科2006级1班', 5, [[{ campaign: y }], [{ campaign: y, anonymous: true }]]);
    // B: 5 alumni; 3 gave this year (x), #3 gave to x last year.
    await klass(2012, languages, '英语2008级2班', 5, [
      [{ campaign: x }],
      [{ campaign: x }],
      [{ campaign: x }],
      [{ campaign: x, paidAt: lastYear }],
    ]);
    // C: everyone of a class of 4 gave: too small to show.
    await klass(2012, languages, '英语2008级1班', 4, [[{ campaign: x }], [{ campaign: x }], [{ campaign: x }], [{ campaign: x }]]);
    // D: 5 alumni, nobody gave.
    await klass(2015, computer, '软工2011级1班', 5);
    // An alumnus without a class who gave counts nowhere.
    await give(await createAlumnus(t, { graduationYear: 2010, departmentId: computer.id }), { campaign: x });
  });
  afterAll(() => t.close());

  it('ranks classes by the share that gave this year, counting each donor once, anonymous ones included', async () => {
    const res = await board();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year, campaignId: null, minClassSize: 5 });
    expect(lines(res.body)).toEqual([
      `1. 2010/计算机科学与技术学院/计科2006级1班 4/6 66.7`,
      `2. 2012/外国语学院/英语2008级2班 3/5 60`,
      `3. 2010/外国语学院/计科2006级1班 2/5 40`,
    ]);
    expect((await board(`?year=${year}`)).body).toEqual(res.body);
    expect(lines((await board('?limit=2')).body)).toEqual(lines(res.body).slice(0, 2));
  });

  it('answers a campaign as a whole, or a campaign within a year', async () => {
    const whole = await board(`?campaignId=${x.id}`);
    expect(whole.status).toBe(200);
    expect(whole.body).toMatchObject({ year: null, campaignId: x.id });
    expect(lines(whole.body)).toEqual([`1. 2012/外国语学院/英语2008级2班 4/5 80`, `2. 2010/计算机科学与技术学院/计科2006级1班 3/6 50`]);
    expect(lines((await board(`?campaignId=${x.id}&year=${year}`)).body)).toEqual([
      `1. 2012/外国语学院/英语2008级2班 3/5 60`,
      `2. 2010/计算机科学与技术学院/计科2006级1班 3/6 50`,
    ]);
    expect(lines((await board(`?campaignId=${y.id}`)).body)).toEqual([
      `1. 2010/外国语学院/计科2006级1班 2/5 40`,
      `2. 2010/计算机科学与技术学院/计科2006级1班 2/6 33.3`,
    ]);
    expect(lines((await board(`?year=${year - 1}`)).body)).toEqual([`1. 2012/外国语学院/英语2008级2班 1/5 20`]);
    expect((await board(`?year=${year - 2}`)).body.entries).toEqual([]);
  });

  it('never names anyone nor shows an amount', async () => {
    const text = JSON.stringify((await board()).body);
    for (const a of everyone) {
      expect(text).not.toContain(a.id);
      expect(text).not.toContain(a.displayName);
    }
    expect(text).not.toMatch(/fen|amount/i);
  });

  it('refuses bad input with a named code', async () => {
    for (const query of [
      '?year=abc',
      '?year=1999',
      '?year=2101',
      '?campaignId=nope',
      '?limit=0',
      '?limit=101',
      '?limit=2.5',
      '?sort=share',
    ]) {
      const res = await board(query);
      expect({ query, status: res.status, code: res.body.error?.code }).toEqual({ query, status: 400, code: 'VALIDATION_FAILED' });
    }
    for (const id of [draft.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await board(`?campaignId=${id}`);
      expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 404, code: 'CAMPAIGN_NOT_FOUND' });
    }
  });
});
