import type { RegistrationDto } from '@alumni/shared';
import { fireEvent, render, screen } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import { storage } from '../../../../../test/mocks/taro';
import { eventFixture, registrationFixture } from '../../test-fixtures';
import EventDetailPage from './index';

// The shared component mock has no RichText; the description is not what these tests look at.
jest.mock('@tarojs/components', () => ({ ...jest.requireActual('@tarojs/components'), RichText: () => null }));

const taroRequest = Taro.request as jest.Mock;

function serve(event = eventFixture(), mine: { current: RegistrationDto | null } = { current: null }) {
  taroRequest.mockImplementation(({ url, method }: { url: string; method: string }) => {
    const path = url.split('?')[0];
    if (path === '/api/v1/events/e1') return Promise.resolve({ statusCode: 200, data: event });
    if (path === '/api/v1/events/e1/registrations/mine' && method === 'GET')
      return Promise.resolve({ statusCode: 200, data: { registration: mine.current } });
    if (path === '/api/v1/events/e1/registrations/mine' && method === 'DELETE') {
      mine.current = { ...mine.current!, status: 'cancelled' };
      return Promise.resolve({ statusCode: 200, data: mine.current });
    }
    return Promise.resolve({ statusCode: 404, data: null });
  });
}

describe('活动详情', () => {
  beforeEach(() => {
    taroRequest.mockReset();
    storage.clear();
    storage.set('alumnilink.session', { accessToken: 'a', refreshToken: 'r', alumnus: {} });
    (useRouter as jest.Mock).mockReturnValue({ params: { id: 'e1' } });
  });

  it('shows place, seats and contact, and opens the sign-up form', async () => {
    serve();
    render(<EventDetailPage />);
    expect(await screen.findByText('剩余 60 个名额（共 100）')).toBeTruthy();
    expect(screen.getByText('江州市学府路 1 号')).toBeTruthy();
    expect(screen.getByText('王老师 0710-1234567')).toBeTruthy();
    // jsdom is the browser build: the calendar entry is offered as a file.
    expect(screen.getByText('下载日历文件')).toBeTruthy();
    fireEvent.click(screen.getByText('立即报名'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/events/pages/sign-up/index?id=e1' });
  });

  it('offers the waitlist when full, and says so when there is none', async () => {
    serve(eventFixture({ confirmedCount: 100 }));
    const { unmount } = render(<EventDetailPage />);
    expect(await screen.findByText('报名候补')).toBeTruthy();
    unmount();
    serve(eventFixture({ confirmedCount: 100, waitlistEnabled: false }));
    render(<EventDetailPage />);
    expect(await screen.findByText('名额已满')).toBeTruthy();
  });

  it('lets a confirmed alumnus open the ticket or cancel, after confirming', async () => {
    const mine = { current: registrationFixture() as RegistrationDto | null };
    serve(eventFixture(), mine);
    render(<EventDetailPage />);
    expect(await screen.findByText('报名成功，活动当天请出示电子票签到')).toBeTruthy();
    fireEvent.click(screen.getByText('查看电子票'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/events/pages/ticket/index?id=r1&eventId=e1' });
    fireEvent.click(screen.getByText('取消报名'));
    expect(await screen.findByText('立即报名')).toBeTruthy();
    expect(Taro.showModal).toHaveBeenCalled();
    expect(taroRequest.mock.calls.some(([call]) => call.method === 'DELETE')).toBe(true);
  });

  it('shows a sign-in button to a signed-out visitor', async () => {
    storage.clear();
    serve();
    render(<EventDetailPage />);
    fireEvent.click(await screen.findByText('登录后报名'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/sign-in/index' });
  });
});
