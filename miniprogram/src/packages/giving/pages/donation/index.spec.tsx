import type { DonationCertificateDto } from '@alumni/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import { storage } from '../../../../../test/mocks/taro';
import { certificateFixture, donationFixture, paidDonation, saplingCampaign } from '../../test-fixtures';
import DonationPage from './index';

// The shared Taro mock has no useShareAppMessage; the page registers its share card with it.
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro');
  return { __esModule: true, ...actual, default: actual.default, useShareAppMessage: jest.fn() };
});

const taroRequest = Taro.request as jest.Mock;

/** The drive, the certificate, and the donation as `answers` says on each read (the last answer repeats). */
function serve(answers: unknown[], shown: DonationCertificateDto = certificateFixture()) {
  taroRequest.mockImplementation(({ url }: { url: string }) => {
    const path = url.split('?')[0];
    if (path === '/api/v1/campaigns/c1') return Promise.resolve({ statusCode: 200, data: saplingCampaign() });
    if (path === '/api/v1/donations/d1/certificate') return Promise.resolve({ statusCode: 200, data: shown });
    if (path === '/api/v1/donations/d1')
      return Promise.resolve({ statusCode: 200, data: answers.length > 1 ? answers.shift() : answers[0] });
    return Promise.resolve({ statusCode: 404, data: null });
  });
}

/** jsdom has no canvas: a 2d context that records the text drawn, or none at all. */
function fakeCanvas(drawable: boolean) {
  const drawn: string[] = [];
  const noop = () => undefined;
  const ctx = {
    createLinearGradient: () => ({ addColorStop: noop }),
    measureText: (text: string) => ({ width: text.length * 32 }),
    fillText: (text: string) => void drawn.push(text),
    fillRect: noop,
    strokeRect: noop,
    beginPath: noop,
    moveTo: noop,
    arcTo: noop,
    closePath: noop,
    fill: noop,
  };
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation((() => (drawable ? ctx : null)) as never);
  jest.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue('data:image/png;base64,Q0VSVA==');
  return drawn;
}

describe('捐赠证书', () => {
  beforeEach(() => {
    taroRequest.mockReset();
    storage.clear();
    storage.set('alumnilink.session', { accessToken: 'a', refreshToken: 'r', alumnus: { displayName: '李明' } });
    (useRouter as jest.Mock).mockReturnValue({ params: { id: 'd1' } });
  });
  afterEach(() => jest.restoreAllMocks());

  it('draws the certificate as an image with the school, donor, amount, tree number and certificate number', async () => {
    const drawn = fakeCanvas(true);
    serve([paidDonation()]);
    const { container } = render(<DonationPage />);
    await screen.findByText('下载证书');
    expect(container.querySelector('.certificate__image')?.getAttribute('src')).toBe('data:image/png;base64,Q0VSVA==');
    expect(drawn).toEqual(
      expect.arrayContaining(['江州学院', '李明', '你种下了第 1,024 棵树', '江州学院校友会', '证书编号 GIV-1A2B3C4D-000358']),
    );
    expect(drawn.join('')).toContain('¥30.00');
    // The same words for screen readers, kept out of sight.
    expect(screen.getByText('你种下了第 1,024 棵树').parentElement?.className).toBe('certificate__text');
    expect(screen.getByText('证书编号 GIV-1A2B3C4D-000358')).toBeTruthy();
  });

  it('downloads the image in the browser, named after the certificate number', async () => {
    fakeCanvas(true);
    serve([paidDonation()]);
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('捐赠证书-GIV-1A2B3C4D-000358.png');
      expect(this.href).toBe('data:image/png;base64,Q0VSVA==');
    });
    render(<DonationPage />);
    fireEvent.click(await screen.findByText('下载证书'));
    expect(click).toHaveBeenCalledTimes(1);
  });

  it('shows what the server allows: 匿名校友 and no amount when the donor chose so', async () => {
    const drawn = fakeCanvas(true);
    serve([paidDonation({ anonymous: true, hideAmount: true })], certificateFixture({ donorName: '匿名校友', amountFen: null }));
    render(<DonationPage />);
    await screen.findByText('下载证书');
    expect(drawn).toContain('匿名校友');
    expect(drawn).not.toContain('李明');
    expect(drawn.join('')).not.toContain('¥');
  });

  it('shows the certificate’s words when the image cannot be drawn', async () => {
    fakeCanvas(false);
    serve([paidDonation()]);
    render(<DonationPage />);
    const trees = await screen.findByText('你种下了第 1,024 棵树');
    await waitFor(() => expect(trees.parentElement?.className).toBe('certificate__text certificate__text--shown'));
    expect(screen.queryByText('下载证书')).toBeNull();
  });

  it('watches a pending gift until it is paid (opened from the thank-you flow before the notification)', async () => {
    fakeCanvas(true);
    serve([donationFixture(), donationFixture(), paidDonation()]);
    render(<DonationPage />);
    expect(await screen.findByText('正在确认支付结果…')).toBeTruthy();
    expect(await screen.findByText('下载证书', {}, { timeout: 3000 })).toBeTruthy();
  });

  it('says plainly that a closed order took no money', async () => {
    serve([donationFixture({ status: 'closed' })]);
    render(<DonationPage />);
    expect(await screen.findByText('这笔订单未付款，已关闭，没有扣款。')).toBeTruthy();
  });

  it('has no certificate for a gift refunded in full', async () => {
    serve([paidDonation({ status: 'refunded', refundedFen: 3000 })]);
    render(<DonationPage />);
    expect(await screen.findByText('这笔捐赠已全额退款，证书随之作废。')).toBeTruthy();
    expect(taroRequest.mock.calls.some(([{ url }]) => url.includes('/certificate'))).toBe(false);
  });
});
