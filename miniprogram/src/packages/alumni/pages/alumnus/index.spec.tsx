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
});
