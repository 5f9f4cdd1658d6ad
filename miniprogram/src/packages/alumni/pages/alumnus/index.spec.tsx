import { fireEvent, render, screen } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import { storage } from '../../../../../test/mocks/taro';
import { saveSession } from '../../../../api/session';
import { card, fail, ok } from '../../test-fixtures';
import AlumnusPage from './index';

const taroRequest = Taro.request as jest.Mock;

beforeEach(() => {
  storage.clear();
  taroRequest.mockReset();
  (useRouter as jest.Mock).mockReturnValue({ params: { id: 'a1' } });
});

describe('alumnus card page', () => {
  it('shows what the alumnus lets me see and marks the rest as not public', async () => {
    taroRequest.mockImplementation(({ url }: { url: string }) =>
      url === '/api/v1/alumni/a1'
        ? ok(card({ displayName: '小舟', city: null, phoneMasked: null, bio: '热爱母校' }))
        : fail(404, 'ROUTE_NOT_FOUND', ''),
    );
    const { container } = render(<AlumnusPage />);
    expect(await screen.findByText('江舟')).toBeTruthy();
    expect(screen.getByText('昵称：小舟')).toBeTruthy();
    expect(screen.getByText('热爱母校')).toBeTruthy();
    const rows = Object.fromEntries(
      [...container.querySelectorAll('.alumnus-field')].map((row) => [row.children[0]!.textContent, row.children[1]!.textContent]),
    );
    expect(rows).toMatchObject({ 毕业年份: '2012 届', 院系: '机电工程学院', 学历: '本科', 所在城市: '未公开', 手机号: '未公开' });
  });

  it('says so when the alumnus is gone, and when I am not verified yet', async () => {
    taroRequest.mockImplementation(() => fail(404, 'ALUMNUS_NOT_FOUND', '该校友不存在或已注销'));
    const { unmount } = render(<AlumnusPage />);
    expect(await screen.findByText('该校友不存在或已注销', { selector: '.nut-empty-title' })).toBeTruthy();
    unmount();
    taroRequest.mockImplementation(() => fail(403, 'DIRECTORY_VERIFICATION_REQUIRED', '完成校友认证后才能查找校友'));
    render(<AlumnusPage />);
    expect(await screen.findByText('完成校友认证后才能查看校友名片')).toBeTruthy();
  });

  it('leads staff, and only staff, to the alumnus’s timeline and engagement', async () => {
    taroRequest.mockImplementation(() => ok(card({})));
    const { unmount } = render(<AlumnusPage />);
    expect(await screen.findByText('江舟')).toBeTruthy();
    expect(screen.queryByText('互动记录与活跃度（工作人员）')).toBeNull();
    unmount();
    saveSession({
      accessToken: 'a',
      accessTokenExpiresAt: '2026-11-24T12:00:00.000Z',
      refreshToken: 'r',
      refreshTokenExpiresAt: '2026-12-24T12:00:00.000Z',
      alumnus: { id: 's1', displayName: '周老师', roles: ['alumnus', 'staff'], consentRequired: false, phoneMasked: null },
    });
    render(<AlumnusPage />);
    fireEvent.click(await screen.findByText('互动记录与活跃度（工作人员）'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: `/packages/staff/pages/alumnus-timeline/index?id=a1&name=${encodeURIComponent('江舟')}`,
    });
  });

  describe('联系TA', () => {
    const signedInAs = (id: string) =>
      saveSession({
        accessToken: 'a',
        accessTokenExpiresAt: '2026-11-24T12:00:00.000Z',
        refreshToken: 'r',
        refreshTokenExpiresAt: '2026-12-24T12:00:00.000Z',
        alumnus: { id, displayName: '李娜', roles: ['alumnus'], consentRequired: false, phoneMasked: null },
      });
    const standing = (overrides: Record<string, unknown> = {}) => ({
      request: null,
      mayRequest: true,
      blockedBy: null,
      phoneBound: false,
      ...overrides,
    });

    it('asks a classmate with a note and the fields I share, then says the request waits', async () => {
      signedInAs('me');
      const posted: unknown[] = [];
      let answered = standing();
      taroRequest.mockImplementation(({ url, method, data }: { url: string; method: string; data: unknown }) => {
        if (url === '/api/v1/alumni/a1') return ok(card({}));
        if (url === '/api/v1/contact-requests/with/a1') return ok(answered);
        if (url === '/api/v1/contact-requests' && method === 'POST') {
          posted.push(data);
          answered = standing({
            mayRequest: false,
            blockedBy: 'CONTACT_REQUEST_PENDING',
            request: { status: 'pending', direction: 'sent' },
          });
          return ok({});
        }
        return fail(404, 'ROUTE_NOT_FOUND', '');
      });
      const { container } = render(<AlumnusPage />);
      fireEvent.click(await screen.findByText('联系TA'));
      fireEvent.change(container.querySelector('.contact-form__note')!, { target: { value: '我是李娜，想约老同学聚聚' } });
      fireEvent.click(screen.getByText('☐ 邮箱'));
      fireEvent.change(container.querySelector('.contact-form__email')!, { target: { value: 'lina@example' } });
      fireEvent.click(screen.getByText('发送请求'));
      // One problem, next to its field; nothing is sent.
      expect(await screen.findByText('请填写有效的邮箱地址')).toBeTruthy();
      expect(posted).toEqual([]);
      fireEvent.change(container.querySelector('.contact-form__email')!, { target: { value: 'lina@example.com' } });
      fireEvent.click(screen.getByText('发送请求'));
      expect(await screen.findByText('已发送联系请求，等待对方回应')).toBeTruthy();
      expect(posted).toEqual([
        { recipientId: 'a1', note: '我是李娜，想约老同学聚聚', sharePhone: false, email: 'lina@example.com', wechatId: null },
      ]);
    });

    it('shows what the classmate shared once they accepted, and no button on my own card', async () => {
      signedInAs('me');
      taroRequest.mockImplementation(({ url }: { url: string }) =>
        url === '/api/v1/alumni/a1'
          ? ok(card({}))
          : ok(
              standing({
                mayRequest: false,
                blockedBy: 'CONTACT_ALREADY_CONNECTED',
                request: { status: 'accepted', direction: 'sent', theirContact: { phone: null, email: null, wechatId: 'zhou_wx' } },
              }),
            ),
      );
      const { unmount } = render(<AlumnusPage />);
      expect(await screen.findByText('江舟 分享给你的联系方式')).toBeTruthy();
      expect(screen.getByText('zhou_wx')).toBeTruthy();
      unmount();
      signedInAs('a1');
      taroRequest.mockImplementation(() => ok(card({})));
      render(<AlumnusPage />);
      expect(await screen.findByText('江舟')).toBeTruthy();
      expect(screen.queryByText('联系TA')).toBeNull();
    });
  });
});
