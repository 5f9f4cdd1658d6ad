import type { CheckInTokenDto, RegistrationDto } from '@alumni/shared';
import { act, render, screen } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import { storage } from '../../../../../test/mocks/taro';
import { eventFixture, registrationFixture } from '../../test-fixtures';
import TicketPage from './index';

// The shared Taro mock has no useDidHide; the ticket pauses its rotation with it.
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro');
  return { __esModule: true, ...actual, default: actual.default, useDidHide: jest.fn() };
});

const taroRequest = Taro.request as jest.Mock;

/** Answers the event, my registration (`mine()`) and a new token per call, each valid until the next minute. */
function serve(mine: () => RegistrationDto) {
  let issued = 0;
  taroRequest.mockImplementation(({ url }: { url: string }) => {
    const path = url.split('?')[0];
    if (path === '/api/v1/events/e1') return Promise.resolve({ statusCode: 200, data: eventFixture() });
    if (path === '/api/v1/events/e1/registrations/mine') return Promise.resolve({ statusCode: 200, data: { registration: mine() } });
    if (path === '/api/v1/me/registrations/r1/check-in-token') {
      issued += 1;
      const token: CheckInTokenDto = {
        token: `token-${issued}.step.mac`,
        shortCode: `CODE000${issued}`,
        refreshAt: new Date((Math.floor(Date.now() / 60_000) + 1) * 60_000).toISOString(),
      };
      return Promise.resolve({ statusCode: 200, data: token });
    }
    return Promise.resolve({ statusCode: 404, data: null });
  });
}

const tokenCalls = () => taroRequest.mock.calls.filter(([{ url }]) => String(url).includes('check-in-token')).length;

describe('电子票', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: Date.parse('2026-11-29T12:00:10.000Z') });
    taroRequest.mockReset();
    storage.clear();
    storage.set('alumnilink.session', { accessToken: 'a', refreshToken: 'r', alumnus: {} });
    (useRouter as jest.Mock).mockReturnValue({ params: { id: 'r1', eventId: 'e1' } });
  });
  afterEach(() => jest.useRealTimers());

  it('shows the QR code and the short code, and a new pair when the server’s minute turns', async () => {
    serve(() => registrationFixture());
    render(<TicketPage />);
    expect(await screen.findByText('CODE 0001')).toBeTruthy();
    const qr = () => document.querySelector('img.ticket-qr')!.getAttribute('src')!;
    const first = qr();
    expect(first).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(screen.getByText('51 秒后自动更新 · 截图无效')).toBeTruthy();

    await act(async () => {
      jest.advanceTimersByTime(49_000);
    });
    expect(tokenCalls()).toBe(1);
    await act(async () => {
      jest.advanceTimersByTime(2_000);
    });
    expect(await screen.findByText('CODE 0002')).toBeTruthy();
    expect(qr()).not.toBe(first);
    expect(tokenCalls()).toBe(2);

    // From then on, once a minute.
    await act(async () => {
      jest.advanceTimersByTime(60_000);
    });
    expect(await screen.findByText('CODE 0003')).toBeTruthy();
  });

  it('turns into 已签到 at the next rotation once staff checked the ticket in', async () => {
    let checkedInAt: string | null = null;
    serve(() => registrationFixture({ checkedInAt }));
    render(<TicketPage />);
    expect(await screen.findByText('CODE 0001')).toBeTruthy();
    checkedInAt = new Date().toISOString();
    await act(async () => {
      jest.advanceTimersByTime(51_000);
    });
    expect(await screen.findByText('已签到')).toBeTruthy();
    expect(document.querySelector('img.ticket-qr')).toBeNull();
  });

  it('stops asking when the ticket is no longer confirmed, and says why', async () => {
    serve(() => registrationFixture());
    const base = taroRequest.getMockImplementation()!;
    taroRequest.mockImplementation((call: { url: string }) =>
      call.url.includes('check-in-token')
        ? Promise.resolve({
            statusCode: 409,
            data: { error: { code: 'REGISTRATION_NOT_CONFIRMED', message: '报名尚未确认（候补或已取消），暂不能签到', details: [] } },
          })
        : base(call),
    );
    render(<TicketPage />);
    expect(await screen.findByText('报名尚未确认（候补或已取消），暂不能签到')).toBeTruthy();
    await act(async () => {
      jest.advanceTimersByTime(180_000);
    });
    expect(tokenCalls()).toBe(1);
  });
});
