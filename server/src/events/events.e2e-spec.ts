import { eventFactory } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

describe('GET /api/v1/events', () => {
  let t: TestApp;
  let titles: (path: string) => Promise<string[]>;
  beforeAll(async () => {
    t = await startTestApp();
    const event = eventFactory(t.dataSource);
    await event(48, { title: '后天' });
    await event(2, { title: '两小时后' });
    await event(-1, { title: '进行中' });
    await event(240, { title: '十天后' });
    await event(24, { title: '草稿', status: 'draft' });
    await event(24, { title: '已取消', status: 'cancelled' });
    await event(-72, { title: '三天前', status: 'finished' });
    await event(-240, { title: '十天前' });
    await event(96, { title: '上海讲座', kind: 'lecture', city: '上海' });
    await event(-96, { title: '上海往期讲座', kind: 'lecture', city: '上海' });
    titles = async (path) => {
      const res = await t.request(path);
      expect(res.status).toBe(200);
      return res.body.items.map((e: { title: string }) => e.title);
    };
  });
  afterAll(() => t.close());

  it('lists published events that have not ended, soonest first, without drafts or cancelled ones', async () => {
    expect(await titles('/api/v1/events')).toEqual(['进行中', '两小时后', '后天', '上海讲座', '十天后']);
  });

  it('lists past events latest first', async () => {
    expect(await titles('/api/v1/events?when=past')).toEqual(['三天前', '上海往期讲座', '十天前']);
  });

  it('filters by kind and by city, upcoming and past', async () => {
    expect(await titles('/api/v1/events?kind=lecture')).toEqual(['上海讲座']);
    expect(await titles(`/api/v1/events?city=${encodeURIComponent('上海')}`)).toEqual(['上海讲座']);
    expect(await titles(`/api/v1/events?when=past&kind=lecture&city=${encodeURIComponent(' 上海 ')}`)).toEqual(['上海往期讲座']);
    expect(await titles(`/api/v1/events?kind=meetup&city=${encodeURIComponent('上海')}`)).toEqual([]);
  });

  it('walks every page by cursor without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { title: string }[]; nextCursor: string | null } } = await t.request(
        `/api/v1/events?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...res.body.items.map((e) => e.title));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['进行中', '两小时后', '后天', '上海讲座', '十天后']);
  });

  it('gives the fields the home page shows', async () => {
    const res = await t.request('/api/v1/events?limit=1');
    expect(res.body.items[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      title: '进行中',
      kind: 'meetup',
      status: 'published',
      startsAt: expect.stringMatching(/Z$/),
      endsAt: expect.stringMatching(/Z$/),
      city: '江州',
      venue: '大礼堂',
      online: false,
      capacity: 50,
      confirmedCount: 0,
      coverUrl: null,
    });
    expect(res.body.nextCursor).toEqual(expect.any(String));
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=abc', 'limit'],
    ['when=tomorrow', 'when'],
    ['sort=title', 'sort'],
    ['kind=party', 'kind'],
    ['city=', 'city'],
  ])('refuses ?%s naming the field %s', async (query, field) => {
    const res = await t.request(`/api/v1/events?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it.each([
    'garbage',
    Buffer.from('["not a date","x"]').toString('base64url'),
    Buffer.from('["2026-01-01T00:00:00Z","not-a-uuid"]').toString('base64url'),
  ])('refuses a forged cursor %s with 400 INVALID_CURSOR', async (cursor) => {
    const res = await t.request(`/api/v1/events?cursor=${cursor}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_CURSOR');
  });
});
