import type { TicketDto } from '@alumni/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { storage } from '../../../test/mocks/taro';
import { clickTwice } from '../../../test/gestures';
import { eventSummaryFixture as summary } from '../../packages/events/test-fixtures';
import EventsPage from './index';

const taroRequest = Taro.request as jest.Mock;

/** Answers GET /events by the query's cursor, and my tickets. */
function serve(tickets: TicketDto[] = []) {
  taroRequest.mockImplementation(({ url }: { url: string }) => {
    const [path, query = ''] = url.split('?');
    const params = new URLSearchParams(query);
    if (path === '/api/v1/events') {
      const page = params.get('cursor')
        ? { items: [summary(3)], nextCursor: null }
        : { items: [summary(1), summary(2)], nextCursor: 'next' };
      return Promise.resolve({ statusCode: 200, data: page });
    }
    if (path === '/api/v1/me/registrations') return Promise.resolve({ statusCode: 200, data: { items: tickets, nextCursor: null } });
    return Promise.resolve({ statusCode: 404, data: null });
  });
}

const eventQueries = () =>
  taroRequest.mock.calls
    .map(([{ url }]) => String(url))
    .filter((url) => url.startsWith('/api/v1/events'))
    .map((url) => Object.fromEntries(new URLSearchParams(url.split('?')[1])));

describe('活动 tab', () => {
  beforeEach(() => {
    taroRequest.mockReset();
    storage.clear();
  });

  it('lists upcoming events and loads the next page by cursor', async () => {
    serve();
    render(<EventsPage />);
    expect(await screen.findByText('活动2')).toBeTruthy();
    fireEvent.click(screen.getByText('加载更多'));
    expect(await screen.findByText('活动3')).toBeTruthy();
    expect(screen.getByText('没有更多了')).toBeTruthy();
    expect(eventQueries()).toEqual([
      { when: 'upcoming', limit: '10' },
      { when: 'upcoming', cursor: 'next', limit: '10' },
    ]);
  });

  it('loads the next page once for two taps on 加载更多 before the page renders again', async () => {
    serve();
    render(<EventsPage />);
    const more = await screen.findByText('加载更多');
    clickTwice(more);
    expect(await screen.findByText('活动3')).toBeTruthy();
    expect(screen.getAllByText('活动3')).toHaveLength(1);
    expect(eventQueries().filter((query) => query.cursor === 'next')).toHaveLength(1);
  });

  it('filters by kind and city, and shows past events on their tab', async () => {
    serve();
    render(<EventsPage />);
    await screen.findByText('活动1');
    fireEvent.click(screen.getByText('讲座'));
    await waitFor(() => expect(eventQueries().at(-1)).toEqual({ when: 'upcoming', kind: 'lecture', limit: '10' }));
    fireEvent.change(screen.getByPlaceholderText('不限，输入城市名如 上海'), { target: { value: ' 上海 ' } });
    fireEvent.click(screen.getByText('筛选'));
    await waitFor(() => expect(eventQueries().at(-1)).toEqual({ when: 'upcoming', kind: 'lecture', city: '上海', limit: '10' }));
    fireEvent.click(screen.getByText('往期'));
    await waitFor(() => expect(eventQueries().at(-1)).toMatchObject({ when: 'past' }));
  });

  it('asks a signed-out visitor to sign in for 我的报名, without calling the server', async () => {
    serve();
    render(<EventsPage />);
    await screen.findByText('活动1');
    fireEvent.click(screen.getByText('我的报名'));
    expect(await screen.findByText('登录后查看我的报名')).toBeTruthy();
    expect(taroRequest.mock.calls.some(([{ url }]) => String(url).includes('/me/registrations'))).toBe(false);
  });

  it('shows my tickets with their status', async () => {
    storage.set('alumnilink.session', { accessToken: 'a', refreshToken: 'r', alumnus: {} });
    const ticket = (n: number, override: Partial<TicketDto>): TicketDto => ({
      id: `r${n}`,
      eventId: `e${n}`,
      status: 'confirmed',
      answers: {},
      checkedInAt: null,
      createdAt: '2030-04-01T00:00:00.000Z',
      event: summary(n),
      ...override,
    });
    serve([ticket(1, {}), ticket(2, { status: 'waitlisted' }), ticket(3, { checkedInAt: '2030-05-02T06:01:00.000Z' })]);
    render(<EventsPage />);
    fireEvent.click(screen.getByText('我的报名'));
    expect(await screen.findByText('候补中')).toBeTruthy();
    expect(screen.getByText('已确认')).toBeTruthy();
    expect(screen.getByText('已签到')).toBeTruthy();
    // Only the confirmed, not yet used ticket offers its code.
    expect(screen.getAllByText('电子票 ›')).toHaveLength(1);
  });
});
