import { campaignFactory } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

describe('GET /api/v1/campaigns', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    const campaign = campaignFactory(t.dataSource);
    await campaign({
      title: '最早',
      raisedFen: 1_071_000,
      donorCount: 297,
      unitsRaised: 357,
      unitName: '棵树苗',
      unitPriceFen: 3000,
      kind: 'sapling',
    });
    await campaign({ title: '其次' });
    await campaign({ title: '草稿', status: 'draft' });
    await campaign({ title: '已结束', status: 'closed' });
    await campaign({ title: '最新' });
  });
  afterAll(() => t.close());

  it('lists open campaigns newest first, never drafts', async () => {
    const res = await t.request('/api/v1/campaigns');
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { title: string }) => c.title)).toEqual(['最新', '其次', '最早']);
  });

  it('gives amounts as integer fen, the unit and the units given so far', async () => {
    const res = await t.request('/api/v1/campaigns');
    expect(res.body.items[2]).toMatchObject({
      kind: 'sapling',
      goalFen: 100_000,
      raisedFen: 1_071_000,
      donorCount: 297,
      unitsRaised: 357,
      unit: { name: '棵树苗', priceFen: 3000 },
    });
    expect(res.body.items[0]).toMatchObject({ unit: null, unitsRaised: 0 });
  });

  it('lists closed campaigns on request, and refuses drafts as a status', async () => {
    const closed = await t.request('/api/v1/campaigns?status=closed');
    expect(closed.body.items.map((c: { title: string }) => c.title)).toEqual(['已结束']);
    const drafts = await t.request('/api/v1/campaigns?status=draft');
    expect(drafts.status).toBe(400);
    expect(drafts.body.error.details[0].field).toBe('status');
  });

  it('pages by cursor', async () => {
    const first = await t.request('/api/v1/campaigns?limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await t.request(`/api/v1/campaigns?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((c: { title: string }) => c.title)).toEqual(['最早']);
    expect(second.body.nextCursor).toBeNull();
  });
});
