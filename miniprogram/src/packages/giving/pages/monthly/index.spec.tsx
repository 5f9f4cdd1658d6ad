import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { pledgeFixture } from '../../test-fixtures';
import MyMonthlyPage from './index';

const taroRequest = Taro.request as jest.Mock;
const showModal = Taro.showModal as jest.Mock;

function serve() {
  const sent: { method: string; path: string; data: unknown; override?: string }[] = [];
  taroRequest.mockImplementation(
    ({ url, method, data, header }: { url: string; method: string; data: unknown; header: Record<string, string> }) => {
      const path = url.split('?')[0]!;
      sent.push({ method, path, data, override: header['X-HTTP-Method-Override'] });
      if (path === '/api/v1/me/monthly-pledges') return Promise.resolve({ statusCode: 200, data: [pledgeFixture()] });
      if (path === '/api/v1/me/monthly-pledges/p1' && method === 'POST') {
        const body = data as { status?: 'active' | 'paused'; amountFen?: number };
        return Promise.resolve({ statusCode: 200, data: pledgeFixture({ ...body }) });
      }
      if (path === '/api/v1/me/monthly-pledges/p1/cancel')
        return Promise.resolve({ statusCode: 200, data: pledgeFixture({ status: 'cancelled', cancelledAt: '2026-12-06T02:00:00.000Z' }) });
      return Promise.resolve({ statusCode: 404, data: null });
    },
  );
  return sent;
}

const writes = (sent: ReturnType<typeof serve>) => sent.filter((s) => s.method === 'POST');

describe('我的月捐', () => {
  beforeEach(() => {
    taroRequest.mockReset();
    showModal.mockClear();
    showModal.mockImplementation(() => Promise.resolve({ confirm: true, cancel: false }));
  });

  it('shows the pledge, its months and this month’s gift to pay', async () => {
    serve();
    render(<MyMonthlyPage />);
    expect(await screen.findByText('每月 ¥30.00 · 每月 5 日提醒')).toBeTruthy();
    expect(screen.getByText('本月 ¥30.00 待支付')).toBeTruthy();
    expect(screen.getByText('2026年11月')).toBeTruthy();
    fireEvent.click(screen.getByText('去支付 ›'));
    expect((Taro.navigateTo as jest.Mock).mock.calls.at(-1)[0].url).toBe('/packages/giving/pages/monthly-pay/index?id=i1');
  });

  it('pauses only after a confirmation, and not when it is declined', async () => {
    const sent = serve();
    render(<MyMonthlyPage />);
    await screen.findByText('暂停');
    showModal.mockImplementationOnce(() => Promise.resolve({ confirm: false, cancel: true }));
    fireEvent.click(screen.getByText('暂停'));
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1));
    // The declined confirmation has ended its run (the button takes taps again) before the next tap.
    await waitFor(() => expect(screen.getByText('暂停').closest('button')!.disabled).toBe(false));
    expect(writes(sent)).toEqual([]);

    fireEvent.click(screen.getByText('暂停'));
    expect(await screen.findByText('恢复')).toBeTruthy();
    expect(showModal.mock.calls[1][0]).toMatchObject({ title: '暂停月捐' });
    expect(writes(sent)).toEqual([
      { method: 'POST', path: '/api/v1/me/monthly-pledges/p1', data: { status: 'paused' }, override: 'PATCH' },
    ]);
  });

  it('changes the amount after checking it and asking, and cancels after a confirmation', async () => {
    const sent = serve();
    const { container } = render(<MyMonthlyPage />);
    fireEvent.click(await screen.findByText('修改金额'));
    const input = container.querySelector('.monthly-edit__input input') ?? container.querySelector('.monthly-edit__input')!;
    fireEvent.input(input, { target: { value: '3' } });
    expect(screen.getByText('每月金额须在 ¥5 到 ¥5,000 之间')).toBeTruthy();
    fireEvent.input(input, { target: { value: '88' } });
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('每月 ¥88.00 · 每月 5 日提醒')).toBeTruthy();
    expect(showModal.mock.calls[0][0].content).toContain('每月金额改为 ¥88.00，从下一笔起生效');

    fireEvent.click(screen.getByText('取消月捐'));
    expect(await screen.findByText('已取消')).toBeTruthy();
    expect(showModal.mock.calls[1][0]).toMatchObject({ title: '取消月捐' });
    expect(writes(sent).map((s) => [s.path, s.data])).toEqual([
      ['/api/v1/me/monthly-pledges/p1', { amountFen: 8800 }],
      ['/api/v1/me/monthly-pledges/p1/cancel', undefined],
    ]);
    expect(screen.queryByText('暂停')).toBeNull();
  });
});
