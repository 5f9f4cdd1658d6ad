import type { CampaignSummaryDto, EventSummaryDto, Page, SchoolDto } from '@alumni/shared';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import HomePage from './index';

const taroRequest = Taro.request as jest.Mock;

const school: SchoolDto = {
  name: '江南示范学院',
  shortName: '江南示院',
  motto: '明德 笃学',
  intro: '一所扎根地方的应用型本科院校。',
  logoUrl: null,
  foundedYear: 1958,
  city: '无锡',
  departments: [],
  stats: { alumni: 12345, groups: 67 },
};

function event(overrides: Partial<EventSummaryDto>): EventSummaryDto {
  return {
    id: 'e1',
    title: '2026 校友返校日',
    kind: 'homecoming',
    status: 'published',
    startsAt: '2026-05-01T02:00:00Z',
    endsAt: '2026-05-01T08:00:00Z',
    city: '无锡',
    venue: '主校区大礼堂',
    online: false,
    capacity: 100,
    confirmedCount: 32,
    coverUrl: null,
    ...overrides,
  };
}

function campaign(overrides: Partial<CampaignSummaryDto>): CampaignSummaryDto {
  return {
    id: 'c1',
    title: '校友林植树计划',
    kind: 'sapling',
    status: 'open',
    summary: '一棵树苗，一份牵挂',
    coverUrl: null,
    goalFen: 500000,
    raisedFen: 102400,
    donorCount: 18,
    unitsRaised: 34,
    unit: { name: '棵树苗', priceFen: 3000 },
    endsAt: null,
    ...overrides,
  };
}

const page = <T,>(items: T[]): Page<T> => ({ items, nextCursor: null });
const ok = (data: unknown) => Promise.resolve({ statusCode: 200, data, header: {} });

/** Answers Taro.request like the API would, from a table of path → response. */
function serve(routes: Record<string, () => Promise<unknown>>) {
  taroRequest.mockImplementation(({ url }: { url: string }) => {
    const route = routes[url.split('?')[0]];
    if (!route) throw new Error(`unexpected request ${url}`);
    return route();
  });
}

beforeEach(() => {
  taroRequest.mockReset();
  (Taro.showToast as jest.Mock).mockClear();
  (Taro.stopPullDownRefresh as jest.Mock).mockClear();
});

describe('home page', () => {
  it('shows a skeleton, then the school, upcoming events and open campaigns from the API', async () => {
    serve({
      '/api/v1/school': () => ok(school),
      '/api/v1/events': () =>
        ok(
          page([
            event({}),
            event({ id: 'e2', title: '云端职业分享会', kind: 'online', online: true, venue: null, startsAt: '2026-06-12T11:30:00Z' }),
          ]),
        ),
      '/api/v1/campaigns': () => ok(page([campaign({})])),
    });

    const { container } = render(<HomePage />);

    expect(container.querySelector('.nut-skeleton')).not.toBeNull();
    expect(container.querySelector('.home-school-name')).toBeNull();

    expect(await screen.findByText('江南示范学院')).toHaveProperty('className', 'home-school-name');
    expect(screen.getByText('明德 笃学')).toBeTruthy();
    expect(container.querySelector('.home-stats')?.textContent).toBe('校友 12345·群组 67');

    const events = container.querySelectorAll('.event-card');
    expect(events).toHaveLength(2);
    expect(events[0].textContent).toContain('2026 校友返校日');
    expect(events[0].textContent).toContain('返校日');
    expect(events[0].textContent).toContain('5月1日 10:00');
    expect(events[0].textContent).toContain('主校区大礼堂');
    expect(events[0].textContent).toContain('32/100');
    expect(events[1].textContent).toContain('线上活动');
    expect(events[1].textContent).toContain('6月12日 19:30');
    expect(events[1].textContent).toContain('线上');

    const campaigns = container.querySelectorAll('.campaign-card');
    expect(campaigns).toHaveLength(1);
    expect(campaigns[0].textContent).toContain('校友林植树计划');
    expect(campaigns[0].textContent).toContain('植树');
    expect(campaigns[0].textContent).toContain('¥1,024.00 / ¥5,000.00');
    expect(campaigns[0].textContent).toContain('18 人已捐');
    expect((campaigns[0].querySelector('.nut-progress-inner') as HTMLElement).style.width).toBe('20%');

    expect(container.querySelector('.empty-state')).toBeNull();
    const urls = taroRequest.mock.calls.map(([options]: [{ url: string }]) => options.url).sort();
    expect(urls).toEqual(['/api/v1/campaigns?status=open&limit=5', '/api/v1/events?when=upcoming&limit=5', '/api/v1/school']);
  });

  it('shows an empty state for each list that has nothing in it', async () => {
    serve({
      '/api/v1/school': () => ok(school),
      '/api/v1/events': () => ok(page([])),
      '/api/v1/campaigns': () => ok(page([])),
    });

    const { container } = render(<HomePage />);

    await screen.findByText('江南示范学院');
    const empty = [...container.querySelectorAll('.empty-state')].map((node) => node.textContent);
    expect(empty).toHaveLength(2);
    expect(empty[0]).toContain('暂无近期活动');
    expect(empty[1]).toContain('暂无进行中的捐赠');
    expect(container.querySelector('.event-card')).toBeNull();
    expect(container.querySelector('.campaign-card')).toBeNull();
  });

  it('shows an error with a retry button when the school cannot be loaded, and recovers on retry', async () => {
    let schoolAnswer: () => Promise<unknown> = () =>
      Promise.resolve({
        statusCode: 404,
        data: { error: { code: 'SCHOOL_NOT_CONFIGURED', message: '学校信息尚未设置', details: [] } },
        header: {},
      });
    serve({
      '/api/v1/school': () => schoolAnswer(),
      '/api/v1/events': () => ok(page([event({})])),
      '/api/v1/campaigns': () => ok(page([])),
    });

    const { container } = render(<HomePage />);

    const errorState = await waitFor(() => {
      const node = container.querySelector('.error-state');
      expect(node).not.toBeNull();
      return node as HTMLElement;
    });
    expect(errorState.textContent).toContain('加载失败');
    expect(errorState.textContent).toContain('学校信息尚未设置');
    expect(container.querySelector('.home-school-name')).toBeNull();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '学校信息尚未设置' }));

    schoolAnswer = () => ok(school);
    fireEvent.click(screen.getByText('重试'));

    expect(await screen.findByText('江南示范学院')).toBeTruthy();
    expect(container.querySelector('.error-state')).toBeNull();
    expect(container.querySelectorAll('.event-card')).toHaveLength(1);
  });

  it('reloads on pull-down and then stops the refresh spinner', async () => {
    let events = [event({})];
    serve({
      '/api/v1/school': () => ok(school),
      '/api/v1/events': () => ok(page(events)),
      '/api/v1/campaigns': () => ok(page([])),
    });
    const { container } = render(<HomePage />);
    await screen.findByText('2026 校友返校日');

    events = [event({ id: 'e3', title: '城市校友沙龙', kind: 'meetup' })];
    const onPullDown = (usePullDownRefresh as jest.Mock).mock.calls.at(-1)[0] as () => void;
    act(() => onPullDown());

    expect(await screen.findByText('城市校友沙龙')).toBeTruthy();
    expect(container.querySelectorAll('.event-card')).toHaveLength(1);
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalledTimes(1));
  });
});
