import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import { givingDayLive } from '../../giving-day-fixtures';
import GivingDayPage from './index';

// The shared Taro mock has no share hooks; the page registers its share cards with them.
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro');
  return { __esModule: true, ...actual, default: actual.default, useShareAppMessage: jest.fn(), useShareTimeline: jest.fn() };
});

const taroRequest = Taro.request as jest.Mock;

describe('捐赠日', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: Date.parse('2026-12-06T12:00:00.000Z') });
    taroRequest.mockReset();
    (useRouter as jest.Mock).mockReturnValue({ params: { id: 'g1' } });
  });
  afterEach(() => jest.useRealTimers());

  it('shows the countdown, the day’s total with matches and bonuses, challenges, both boards and the latest donors', async () => {
    taroRequest.mockResolvedValue({ statusCode: 200, data: givingDayLive() });
    const { container } = render(<GivingDayPage />);
    expect(await screen.findByText('百年校庆捐赠日')).toBeTruthy();
    expect(container.querySelector('.giving-day__clock')!.textContent).toBe('距结束12:00:00');
    expect(container.querySelector('.giving-day-totals__amount')!.textContent).toBe('¥1,920.00');
    expect(container.querySelector('.giving-day-totals__facts')!.textContent).toContain('4 / 100 人');
    expect(screen.getByText('已解锁 江州科技 ¥500.00')).toBeTruthy();
    expect(screen.getByText('领先：2015 届 计科1班 · 3 人')).toBeTruthy();
    const classes = [...container.querySelectorAll('.giving-day-classes .giving-day-board__row')].map((row) => row.textContent);
    expect(classes).toEqual(['12015 届 计科1班3 人', '22016 届 英语2班1 人']);
    expect(container.querySelector('.giving-day-departments')!.textContent).toContain('计算机学院¥380');
    expect(container.querySelector('.giving-day-donor')!.textContent).toBe('李明¥100 · 春晖助学基金');

    // The clock ticks by the server's time.
    await act(async () => {
      await jest.advanceTimersByTimeAsync(1000);
    });
    expect(container.querySelector('.giving-day__clock')!.textContent).toBe('距结束11:59:59');
  });

  it('reads the figures again every few seconds and shows them without reloading the page', async () => {
    taroRequest.mockResolvedValueOnce({ statusCode: 200, data: givingDayLive() });
    taroRequest.mockResolvedValue({
      statusCode: 200,
      data: givingDayLive({
        now: '2026-12-06T12:00:05.000Z',
        totals: { raisedFen: 148_000, matchedFen: 4000, bonusFen: 50_000, donors: 5, gifts: 6 },
      }),
    });
    const { container } = render(<GivingDayPage />);
    await screen.findByText('百年校庆捐赠日');
    await act(async () => {
      await jest.advanceTimersByTimeAsync(5000);
    });
    expect(container.querySelector('.giving-day-totals__amount')!.textContent).toBe('¥2,020.00');
    expect(taroRequest.mock.calls.map(([call]) => call.url.split('?')[0])).toEqual(['/api/v1/giving-days/g1', '/api/v1/giving-days/g1']);
  });

  it('分享海报 shows the poster’s words and its code as they are where the browser cannot draw, and folds away', async () => {
    taroRequest.mockImplementation(({ url }: { url: string }) =>
      Promise.resolve({
        statusCode: 200,
        data: url.startsWith('/api/v1/school') ? { name: '江州学院', departments: [] } : givingDayLive(),
      }),
    );
    const { container } = render(<GivingDayPage />);
    await screen.findByText('百年校庆捐赠日');
    await act(async () => {
      fireEvent.click(screen.getByText('分享海报'));
      await jest.advanceTimersByTimeAsync(0);
    });
    // jsdom has no 2D canvas: drawing fails, so the same words and the code show instead.
    const fallback = await waitFor(() => container.querySelector('.giving-day-poster__fallback')!);
    expect(fallback.textContent).toContain('已筹 ¥1,920.00 · 4 位校友参与');
    expect(fallback.querySelector('img')!.getAttribute('src')).toBe('/api/v1/giving-days/g1/poster-code');
    expect(container.querySelector('.giving-day-poster__save')).toBeNull();
    fireEvent.click(screen.getByText('收起海报'));
    expect(container.querySelector('.giving-day-poster__fallback')).toBeNull();
  });
});
