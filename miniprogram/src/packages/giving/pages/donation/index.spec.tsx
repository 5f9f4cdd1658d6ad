import { render, screen } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import { storage } from '../../../../../test/mocks/taro';
import { donationFixture, paidDonation, saplingCampaign } from '../../test-fixtures';
import DonationPage from './index';

// The shared Taro mock has no useShareAppMessage; the page registers its share card with it.
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro');
  return { __esModule: true, ...actual, default: actual.default, useShareAppMessage: jest.fn() };
});

const taroRequest = Taro.request as jest.Mock;

/** The drive, and the donation as `answers` says on each read (the last answer repeats). */
function serve(answers: unknown[]) {
  taroRequest.mockImplementation(({ url }: { url: string }) => {
    const path = url.split('?')[0];
    if (path === '/api/v1/campaigns/c1') return Promise.resolve({ statusCode: 200, data: saplingCampaign() });
    if (path === '/api/v1/donations/d1')
      return Promise.resolve({ statusCode: 200, data: answers.length > 1 ? answers.shift() : answers[0] });
    return Promise.resolve({ statusCode: 404, data: null });
  });
}

describe('捐赠证书', () => {
  beforeEach(() => {
    taroRequest.mockReset();
    storage.clear();
    storage.set('alumnilink.session', { accessToken: 'a', refreshToken: 'r', alumnus: { displayName: '李明' } });
    (useRouter as jest.Mock).mockReturnValue({ params: { id: 'd1' } });
  });

  it('shows the certificate with the donor, the amount, the tree number and the certificate number', async () => {
    serve([paidDonation({ message: '母校加油' })]);
    render(<DonationPage />);
    expect(await screen.findByText('你种下了第 1,024 棵树')).toBeTruthy();
    expect(screen.getByText('李明')).toBeTruthy();
    expect(screen.getByText(/向“校友林植树”捐赠 ¥30.00/)).toBeTruthy();
    expect(screen.getByText('证书编号 GIV-1A2B3C4D-000358')).toBeTruthy();
    expect(screen.getByText('“母校加油”')).toBeTruthy();
  });

  it('names an anonymous donor 匿名校友 on the certificate too', async () => {
    serve([paidDonation({ anonymous: true })]);
    render(<DonationPage />);
    expect(await screen.findByText('匿名校友')).toBeTruthy();
    expect(screen.queryByText('李明')).toBeNull();
  });

  it('watches a pending gift until it is paid (opened from the thank-you flow before the notification)', async () => {
    serve([donationFixture(), donationFixture(), paidDonation()]);
    render(<DonationPage />);
    expect(await screen.findByText('正在确认支付结果…')).toBeTruthy();
    expect(await screen.findByText('你种下了第 1,024 棵树', {}, { timeout: 3000 })).toBeTruthy();
  });

  it('says plainly that a closed order took no money', async () => {
    serve([donationFixture({ status: 'closed' })]);
    render(<DonationPage />);
    expect(await screen.findByText('这笔订单未付款，已关闭，没有扣款。')).toBeTruthy();
  });
});
