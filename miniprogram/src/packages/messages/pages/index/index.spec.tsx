import type { InboxMessageDto } from '@alumni/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { storage } from '../../../../../test/mocks/taro';
import MessagesPage from './index';

const taroRequest = Taro.request as jest.Mock;

const message = (id: string, values: Partial<InboxMessageDto> = {}): InboxMessageDto => ({
  id,
  kind: 'giving.funds_used',
  title: '善款使用公示',
  body: '你支持的「校园植树」公示了一笔支出：购买树苗，¥360.00。',
  page: 'packages/giving/pages/campaign/index?id=c1',
  createdAt: '2026-11-20T02:00:00.000Z',
  readAt: null,
  ...values,
});

/** Answers each API path the page calls; records what was sent. */
function serve(routes: Record<string, unknown>) {
  taroRequest.mockImplementation(({ url }: { url: string }) => {
    const path = url.split('?')[0]!;
    const body = routes[path];
    return Promise.resolve(body === undefined ? { statusCode: 404, data: {} } : { statusCode: body === null ? 204 : 200, data: body });
  });
}
const called = (path: string) => taroRequest.mock.calls.some(([{ url }]: [{ url: string }]) => url.startsWith(path));

describe('消息', () => {
  beforeEach(() => {
    taroRequest.mockReset();
    storage.clear();
    storage.set('alumnilink.session', { accessToken: 'a', refreshToken: 'r', alumnus: {} });
  });

  it('lists my notices; a tap marks one read, updates the badge and opens what it is about', async () => {
    serve({
      '/api/v1/me/messages': {
        items: [message('m1'), message('m2', { title: '活动明天开始', page: null, readAt: '2026-11-20T03:00:00.000Z' })],
        nextCursor: null,
      },
      '/api/v1/me/messages/m1/read': null,
      '/api/v1/me/messages/unread-count': { unread: 0 },
    });
    render(<MessagesPage />);
    await waitFor(() => expect(screen.getByText('善款使用公示')).toBeTruthy());
    expect(screen.getByText('活动明天开始')).toBeTruthy();
    expect(document.querySelectorAll('.messages-item--unread')).toHaveLength(1);

    fireEvent.click(screen.getByText('善款使用公示'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/giving/pages/campaign/index?id=c1' });
    await waitFor(() => expect(Taro.removeTabBarBadge).toHaveBeenCalledWith({ index: 4 }));
    expect(called('/api/v1/me/messages/m1/read')).toBe(true);
    expect(document.querySelectorAll('.messages-item--unread')).toHaveLength(0);
    expect(screen.queryByText('全部已读')).toBeNull();
  });

  it('marks everything read at once', async () => {
    serve({
      '/api/v1/me/messages': { items: [message('m1'), message('m2')], nextCursor: null },
      '/api/v1/me/messages/read-all': { unread: 0 },
      '/api/v1/me/messages/unread-count': { unread: 0 },
    });
    render(<MessagesPage />);
    await waitFor(() => expect(screen.getByText('全部已读')).toBeTruthy());
    fireEvent.click(screen.getByText('全部已读'));
    await waitFor(() => expect(document.querySelectorAll('.messages-item--unread')).toHaveLength(0));
    expect(called('/api/v1/me/messages/read-all')).toBe(true);
  });

  it('says what will arrive here when there is nothing yet', async () => {
    serve({ '/api/v1/me/messages': { items: [], nextCursor: null } });
    render(<MessagesPage />);
    await waitFor(() => expect(screen.getByText('还没有消息')).toBeTruthy());
  });
});
