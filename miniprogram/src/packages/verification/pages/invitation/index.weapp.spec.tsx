import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { calls, network, page, signIn } from '../../../../../test/weapp/wx';
import ClassInvitationPage from './index';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUv';

function serve(claimed = false) {
  network.on('GET', `/api/v1/class-invitations/${TOKEN}`, () => ({
    json: {
      token: TOKEN,
      classGroupName: '2016届机械1201班',
      name: '赵四',
      graduationYear: 2016,
      department: { id: 'd1', name: '机械工程学院' },
      className: '机械1201班',
      invitedBy: '张一',
      claimed,
    },
  }));
}

const navigations = () => calls.filter((c) => c.api === 'navigateTo').map((c) => (c.options as { url: string }).url);

describe('班级邀请 in WeChat', () => {
  beforeEach(() => {
    page.params = {};
  });

  it('opened from a mini-program code (scene), asks a signed-out classmate to sign in and keeps the invitation for after', async () => {
    serve();
    page.params = { scene: encodeURIComponent(`ci=${TOKEN}`) };
    render(<ClassInvitationPage />);
    await waitFor(() => expect(screen.getByText('赵四')).toBeTruthy());
    expect(screen.getByText('2016 届 · 机械工程学院 · 机械1201班')).toBeTruthy();
    fireEvent.click(screen.getByText('是我，去认证'));
    expect(navigations()).toEqual(['/packages/account/pages/sign-in/index']);
    expect(Taro.getStorageSync('alumnilink.pendingClassInvitation')).toBe(TOKEN);
  });

  it('opened from a share card by a signed-in classmate, goes straight to the prefilled claim', async () => {
    serve();
    signIn({ displayName: '赵四' });
    page.params = { token: TOKEN };
    render(<ClassInvitationPage />);
    await waitFor(() => expect(screen.getByText('是我，去认证')).toBeTruthy());
    fireEvent.click(screen.getByText('是我，去认证'));
    expect(navigations()).toEqual([`/packages/verification/pages/claim/index?invite=${TOKEN}`]);
  });

  it('says so when the record is verified already, and offers no claim', async () => {
    serve(true);
    page.params = { token: TOKEN };
    render(<ClassInvitationPage />);
    await waitFor(() => expect(screen.getByText(/已完成认证/)).toBeTruthy());
    expect(screen.queryByText('是我，去认证')).toBeNull();
  });
});
