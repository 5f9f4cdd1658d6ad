import type { SessionDto } from '@alumni/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro, { useDidShow } from '@tarojs/taro';
import { act } from 'react';
import { storage } from '../../../test/mocks/taro';
import { loadSession, saveSession } from '../../api/session';
import MePage from './index';

const taroRequest = Taro.request as jest.Mock;

const session: SessionDto = {
  accessToken: 'access',
  accessTokenExpiresAt: '2026-11-24T12:00:00.000Z',
  refreshToken: 'refresh',
  refreshTokenExpiresAt: '2026-12-24T12:00:00.000Z',
  alumnus: { id: 'a1', displayName: '李明', roles: ['alumnus'], consentRequired: false, phoneMasked: '138****1234' },
};

beforeEach(() => {
  storage.clear();
  taroRequest.mockReset();
});

describe('the 我的 tab', () => {
  it('offers 登录 when signed out', () => {
    render(<MePage />);
    fireEvent.click(screen.getByText('登录'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/sign-in/index' });
  });

  it('shows the signed-in alumnus with the masked phone, and no staff entry for an alumnus', () => {
    saveSession(session);
    render(<MePage />);
    expect(screen.getByText('李明')).toBeTruthy();
    expect(screen.getByText('138****1234')).toBeTruthy();
    expect(screen.queryByText('工作台')).toBeNull();
    expect(screen.queryByText('绑定手机号')).toBeNull();
  });

  it('offers 绑定手机号 when no phone is bound, and 工作台 to staff', () => {
    saveSession({ ...session, alumnus: { ...session.alumnus, roles: ['alumnus', 'staff'], phoneMasked: null } });
    render(<MePage />);
    expect(screen.getByText('绑定手机号')).toBeTruthy();
    expect(screen.getByText('工作台')).toBeTruthy();
  });

  it('shows how many messages are unread, on the 消息 entry and the 我的 tab', async () => {
    saveSession(session);
    taroRequest.mockImplementation(({ url }: { url: string }) =>
      Promise.resolve(
        url.endsWith('/api/v1/me/messages/unread-count')
          ? { statusCode: 200, data: { unread: 3 }, header: {} }
          : { statusCode: 200, data: session.alumnus, header: {} },
      ),
    );
    render(<MePage />);
    const shown = (useDidShow as jest.Mock).mock.calls.at(-1)![0] as () => void;
    act(() => shown());
    await waitFor(() => expect(screen.getByText('3 条未读')).toBeTruthy());
    expect(Taro.setTabBarBadge).toHaveBeenCalledWith({ index: 4, text: '3' });
    fireEvent.click(screen.getByText('消息'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/messages/pages/index/index' });
  });

  it('offers 班级联络 to a class liaison only', async () => {
    saveSession(session);
    const liaisonClass = { classGroupId: 'c1', name: '2016届机械1201班' };
    taroRequest.mockImplementation(({ url }: { url: string }) =>
      Promise.resolve(
        url.endsWith('/api/v1/me/liaison-classes')
          ? { statusCode: 200, data: [liaisonClass], header: {} }
          : { statusCode: 200, data: session.alumnus, header: {} },
      ),
    );
    render(<MePage />);
    expect(screen.queryByText('班级联络')).toBeNull();
    const shown = (useDidShow as jest.Mock).mock.calls.at(-1)![0] as () => void;
    act(() => shown());
    await waitFor(() => expect(screen.getByText('班级联络')).toBeTruthy());
    fireEvent.click(screen.getByText('班级联络'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/reach/pages/class/index' });
  });

  it('signs out with 退出登录', async () => {
    saveSession(session);
    taroRequest.mockResolvedValue({ statusCode: 204, data: '', header: {} });
    render(<MePage />);
    fireEvent.click(screen.getByText('退出登录'));
    await waitFor(() => expect(screen.getByText('登录')).toBeTruthy());
    expect(loadSession()).toBeNull();
  });
});
