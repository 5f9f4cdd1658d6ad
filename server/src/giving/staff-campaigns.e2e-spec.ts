import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { signedIn } from '../../test/auth.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { CampaignEntity } from './campaign.entity.js';

type Who = Awaited<ReturnType<typeof signedIn>>;

const SAPLING = {
  title: '百年校庆·种下一棵树',
  kind: 'sapling',
  summary: '每 30 元在东坡种下一棵树苗',
  story: '<p>东坡绿化</p>',
  goalFen: 3_000_000,
  unitName: '棵树苗',
  unitPriceFen: 3000,
  suggestedAmountsFen: [3000, 9000, 30000],
  maxAmountFen: 1_000_000,
  startsAt: '2026-01-01T00:00:00.000Z',
  beneficiary: '学校后勤处绿化科',
};

describe('staff manage campaigns', () => {
  let t: TestApp;
  let staff: Who;
  let alumnus: Who;
  const send = (method: string, path: string, who: Who, body?: unknown) =>
    t.request(`/api/v1${path}`, {
      method,
      headers: { ...who.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const campaignCount = () => t.dataSource.getRepository(CampaignEntity).count();
  const audit = (id: string) => t.dataSource.getRepository(AuditEntryEntity).find({ where: { subjectId: id }, order: { id: 'ASC' } });

  beforeAll(async () => {
    t = await startTestApp();
    staff = await signedIn(t, ['staff']);
    alumnus = await signedIn(t);
  });
  afterAll(() => t.close());

  it('creates a draft, hidden from alumni until opened, every step audited', async () => {
    const created = await send('POST', '/staff/campaigns', staff, SAPLING);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      minAmountFen: 100,
      maxAmountFen: 1_000_000,
      suggestedAmountsFen: [3000, 9000, 30000],
      unit: { name: '棵树苗', priceFen: 3000 },
      raisedFen: 0,
      unitsRaised: 0,
      beneficiary: '学校后勤处绿化科',
    });
    const { id } = created.body;
    expect((await t.request(`/api/v1/campaigns/${id}`)).status).toBe(404);

    const opened = await send('PATCH', `/staff/campaigns/${id}`, staff, { status: 'open', minAmountFen: 1000 });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ status: 'open', minAmountFen: 1000 });
    const page = await t.request(`/api/v1/campaigns/${id}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ title: SAPLING.title, story: SAPLING.story, minAmountFen: 1000, startsAt: SAPLING.startsAt });

    const entries = await audit(id);
    expect(entries.map((e) => [e.action, e.actorId])).toEqual([
      ['campaign.created', staff.alumnus.id],
      ['campaign.updated', staff.alumnus.id],
    ]);
    expect(entries[1]!.before).toMatchObject({ status: 'draft', minAmountFen: 100 });
    expect(entries[1]!.after).toMatchObject({ status: 'open', minAmountFen: 1000 });
  });

  it('stores the story sanitised, whatever the client sends, on creation and on edit', async () => {
    const story = '<p onclick="steal()">东坡<img src="x" onerror="steal()"></p><script>steal()</script>';
    const created = await send('POST', '/staff/campaigns', staff, { ...SAPLING, story });
    expect(created.status).toBe(201);
    const clean = '<p>东坡<img src="x" style="max-width:100%;height:auto" /></p>';
    expect(created.body.story).toBe(clean);
    const edited = await send('PATCH', `/staff/campaigns/${created.body.id}`, staff, { story: '<a href="javascript:steal()">看</a>' });
    expect(edited.body.story).toBe('<a>看</a>');
    expect((await t.dataSource.getRepository(CampaignEntity).findOneByOrFail({ id: created.body.id })).story).toBe('<a>看</a>');
  });

  it('lists every campaign for staff, drafts included', async () => {
    const draft = (await send('POST', '/staff/campaigns', staff, { ...SAPLING, title: '草稿项目' })).body;
    const res = await send('GET', '/staff/campaigns?limit=100', staff);
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ id: draft.id, status: 'draft' });
  });

  it.each([
    ['an end before the start', { endsAt: '2025-01-01T00:00:00.000Z' }, 422, 'CAMPAIGN_WINDOW_INVALID'],
    ['a maximum below the minimum', { minAmountFen: 5000, maxAmountFen: 4000 }, 422, 'CAMPAIGN_AMOUNTS_INVALID'],
    ['a suggested amount above the maximum', { suggestedAmountsFen: [2_000_000] }, 422, 'CAMPAIGN_AMOUNTS_INVALID'],
    ['a unit name without a price', { unitPriceFen: null }, 422, 'CAMPAIGN_UNIT_INVALID'],
    ['a sapling drive without a unit', { unitName: null, unitPriceFen: null }, 422, 'CAMPAIGN_UNIT_INVALID'],
    ['a goal of 0', { goalFen: 0 }, 400, 'VALIDATION_FAILED'],
    ['a fractional minimum', { minAmountFen: 1.5 }, 400, 'VALIDATION_FAILED'],
    ['an unknown kind', { kind: 'lottery' }, 400, 'VALIDATION_FAILED'],
    ['no title', { title: '  ' }, 400, 'VALIDATION_FAILED'],
    ['a status on create', { status: 'open' }, 400, 'VALIDATION_FAILED'],
  ])('refuses %s with %i %s and writes nothing', async (_case, change, status, code) => {
    const before = await campaignCount();
    const res = await send('POST', '/staff/campaigns', staff, { ...SAPLING, ...change });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(await campaignCount()).toBe(before);
  });

  it('refuses an edit that breaks the rules, and leaves the campaign as it was', async () => {
    const { id } = (await send('POST', '/staff/campaigns', staff, SAPLING)).body;
    const res = await send('PATCH', `/staff/campaigns/${id}`, staff, { maxAmountFen: 50 });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('CAMPAIGN_AMOUNTS_INVALID');
    expect((await t.dataSource.getRepository(CampaignEntity).findOneByOrFail({ id })).maxAmountFen).toBe(1_000_000);
    expect((await audit(id)).map((e) => e.action)).toEqual(['campaign.created']);
  });

  it('does not send a campaign that has received gifts back to draft', async () => {
    const { id } = (await send('POST', '/staff/campaigns', staff, SAPLING)).body;
    await send('PATCH', `/staff/campaigns/${id}`, staff, { status: 'open' });
    await t.dataSource.getRepository(CampaignEntity).update({ id }, { paidCount: 1, raisedFen: 3000, donorCount: 1, unitsRaised: 1 });
    const res = await send('PATCH', `/staff/campaigns/${id}`, staff, { status: 'draft' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CAMPAIGN_STATE_CONFLICT');
    const closed = await send('PATCH', `/staff/campaigns/${id}`, staff, { status: 'closed' });
    expect(closed.body).toMatchObject({ status: 'closed', raisedFen: 3000 });
  });

  it('answers 404 CAMPAIGN_NOT_FOUND for an unknown campaign', async () => {
    const res = await send('PATCH', '/staff/campaigns/00000000-0000-4000-8000-000000000000', staff, { title: 'x' });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('CAMPAIGN_NOT_FOUND');
  });

  it('is for staff only', async () => {
    const before = await campaignCount();
    expect((await send('POST', '/staff/campaigns', alumnus, SAPLING)).status).toBe(403);
    expect((await send('GET', '/staff/campaigns', alumnus)).status).toBe(403);
    expect(await campaignCount()).toBe(before);
  });
});
