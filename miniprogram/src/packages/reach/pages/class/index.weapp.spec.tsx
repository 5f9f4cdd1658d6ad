import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { network, page, signIn } from '../../../../../test/weapp/wx';
import LiaisonClassPage from './index';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUv';
const PNG = Buffer.from('89504e470d0a1a0a', 'hex');
const klass = {
  classGroupId: 'c1',
  name: '2016届机械1201班',
  graduationYear: 2016,
  department: { id: 'd1', name: '机械工程学院' },
  className: '机械1201班',
  graduates: 5,
  reached: 2,
  percent: 40,
  rank: 2,
};
const mate = (id: string, name: string, state: string) => ({ rosterEntryId: id, name, className: '机械1201班', state, invitedAt: null });

function serve() {
  network
    .on('GET', '/api/v1/me/liaison-classes', () => ({ json: [klass] }))
    .on('GET', '/api/v1/liaison-classes/c1/classmates', () => ({
      json: { class: klass, classmates: [mate('e4', '赵四', 'unreached'), mate('e3', '王三', 'pending'), mate('e1', '张一', 'verified')] },
    }))
    .on('POST', '/api/v1/liaison-classes/c1/invitations', () => ({
      status: 201,
      json: {
        token: TOKEN,
        path: `/packages/verification/pages/invitation/index?token=${TOKEN}`,
        scene: `ci=${TOKEN}`,
        rosterEntryId: 'e4',
        classmateName: '赵四',
        createdAt: '2026-12-06T08:00:00.000Z',
      },
    }))
    .on('GET', `/api/v1/liaison-classes/c1/invitations/${TOKEN}/code`, () => ({ bytes: PNG, type: 'image/png' }));
}

describe('班级联络 in WeChat', () => {
  beforeEach(() => {
    signIn({ displayName: '张一' });
    page.params = {};
  });

  it('lists classmates with their contact state and shares an invitation card that opens the invitation page', async () => {
    serve();
    render(<LiaisonClassPage />);
    await waitFor(() => expect(screen.getByText('赵四')).toBeTruthy());
    expect(screen.getByText('40%')).toBeTruthy();
    expect(screen.getByText('未联系上 1')).toBeTruthy();
    // Nothing open: the menu's share card is the leaderboard.
    expect(page.shareCard()).toMatchObject({ path: '/packages/reach/pages/leaderboard/index' });

    // Only the two not yet verified have an invitation button.
    expect(screen.getAllByText('邀请')).toHaveLength(2);
    fireEvent.click(screen.getAllByText('邀请')[0]!);
    await waitFor(() => expect(screen.getByText('邀请 赵四 认证')).toBeTruthy());
    expect(screen.getByText('发给微信好友')).toBeTruthy();
    expect(page.shareCard()).toEqual({
      title: '赵四，机械1201班的同学邀请你认证校友身份',
      path: `/packages/verification/pages/invitation/index?token=${TOKEN}`,
    });
  });

  it('downloads the invitation’s mini-program code over https and shows it', async () => {
    serve();
    const { container } = render(<LiaisonClassPage />);
    await waitFor(() => expect(screen.getByText('赵四')).toBeTruthy());
    fireEvent.click(screen.getAllByText('邀请')[0]!);
    await waitFor(() => expect(screen.getByText('生成邀请小程序码')).toBeTruthy());
    fireEvent.click(screen.getByText('生成邀请小程序码'));
    await waitFor(() =>
      expect(container.querySelector('.lc-invitation__code img, img.lc-invitation__code')?.getAttribute('data-state')).toBe('loaded'),
    );
  });
});
