import type { NotificationDto } from '@alumni/shared';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { clickTwice } from '../../../../../test/gestures';
import NotificationsDesk from './notifications-desk';

const taroRequest = Taro.request as jest.Mock;
const showModal = Taro.showModal as jest.Mock;

const message = (n: number, name: string): NotificationDto => ({
  id: `m${n}`,
  alumnusId: `a${n}`,
  alumnusName: name,
  kind: 'events.promoted',
  templateKey: 'eventRegistration',
  status: 'failed',
  attempts: 1,
  lastError: '40037 invalid template_id',
  createdAt: '2026-12-01T02:00:00Z',
  sentAt: null,
});

const FAILED = [message(1, '宋远舟'), message(2, '韩知夏'), message(3, '邵明川')];

/** The server: the failed list, counts, and a retry that refuses 韩知夏's (sent again meanwhile by a colleague). */
function serve() {
  taroRequest.mockImplementation(({ url, method }: { url: string; method: string }) => {
    if (url.includes('/counts'))
      return Promise.resolve({ statusCode: 200, data: { pending: 0, sent: 5, failed: 3, skipped: 1 }, header: {} });
    if (method === 'POST' && url.endsWith('/m2/retry'))
      return Promise.resolve({
        statusCode: 409,
        data: { error: { code: 'NOTIFICATION_NOT_RETRYABLE', message: '只有发送失败的通知可以重新发送', details: [] } },
        header: {},
      });
    if (method === 'POST') return Promise.resolve({ statusCode: 204, data: '', header: {} });
    return Promise.resolve({ statusCode: 200, data: { items: url.includes('status=failed') ? FAILED : [], nextCursor: null }, header: {} });
  });
}

const retries = () =>
  taroRequest.mock.calls.filter(([options]) => options.method === 'POST').map(([options]) => (options.url as string).split('/').at(-2));

describe('消息发送 at a desk', () => {
  beforeEach(() => {
    taroRequest.mockReset();
    showModal.mockClear();
    serve();
  });

  it('sends several failed messages again after a confirmation that says how many, and lists the one refused', async () => {
    render(<NotificationsDesk />);
    expect(await screen.findByText('宋远舟')).toBeTruthy();
    expect(screen.getByText('发送失败 3')).toBeTruthy();
    const rows = [...document.querySelectorAll('.notifications-desk-row')] as HTMLElement[];
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('候补转正宋远舟'),
      expect.stringContaining('韩知夏'),
      expect.stringContaining('邵明川'),
    ]);
    for (const row of rows) fireEvent.click(within(row).getByLabelText('选择'));
    fireEvent.click(screen.getByText('重新发送（3）'));

    expect(await screen.findByText(/已重新发送 2 条/)).toBeTruthy();
    expect(showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '重新发送 3 条消息', content: expect.stringContaining('将重新发送 3 条发送失败的消息') }),
    );
    expect(retries()).toEqual(['m1', 'm2', 'm3']);
    expect(screen.getByText('候补转正 · 韩知夏：只有发送失败的通知可以重新发送')).toBeTruthy();
    // The two sent leave the list; the refused one stays, still chosen.
    await waitFor(() => expect(document.querySelectorAll('.notifications-desk-row')).toHaveLength(1));
    expect(screen.getByText('重新发送（1）')).toBeTruthy();
  });

  it('sends nothing when staff cancel', async () => {
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    render(<NotificationsDesk />);
    await screen.findByText('宋远舟');
    fireEvent.click(screen.getByLabelText('选择本页全部'));
    fireEvent.click(screen.getByText('重新发送（3）'));
    await waitFor(() => expect(showModal).toHaveBeenCalled());
    expect(retries()).toEqual([]);
    expect(document.querySelectorAll('.notifications-desk-row')).toHaveLength(3);
  });

  it('offers no selection where there is nothing to send again', async () => {
    render(<NotificationsDesk />);
    await screen.findByText('宋远舟');
    fireEvent.click(screen.getByText('已送达 5'));
    expect(await screen.findByText('这里没有消息')).toBeTruthy();
    expect(screen.queryByLabelText('选择本页全部')).toBeNull();
    expect(screen.queryByText(/^重新发送/)).toBeNull();
  });

  it('loads the next page once for two clicks before the table renders again', async () => {
    const LATER = message(4, '顾清和');
    const pages = () => taroRequest.mock.calls.filter(([options]) => (options.url as string).includes('cursor=')).length;
    taroRequest.mockImplementation(({ url }: { url: string }) => {
      if (url.includes('/counts'))
        return Promise.resolve({ statusCode: 200, data: { pending: 0, sent: 5, failed: 4, skipped: 1 }, header: {} });
      const more = url.includes('cursor=c2');
      return Promise.resolve({ statusCode: 200, data: { items: more ? [LATER] : FAILED, nextCursor: more ? null : 'c2' }, header: {} });
    });
    render(<NotificationsDesk />);
    await screen.findByText('宋远舟');
    clickTwice(screen.getByText('加载更多'));
    expect(await screen.findByText('顾清和')).toBeTruthy();
    expect(pages()).toBe(1);
    expect(document.querySelectorAll('.notifications-desk-row')).toHaveLength(4);
  });
});
