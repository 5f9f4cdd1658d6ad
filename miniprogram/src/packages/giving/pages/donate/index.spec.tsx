import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import { storage } from '../../../../../test/mocks/taro';
import { prefetchMessageTemplates } from '../../../../api/notifications';
import { donationFixture, paidDonation, saplingCampaign } from '../../test-fixtures';
import DonatePage from './index';

const taroRequest = Taro.request as jest.Mock;

interface Sent {
  url: string;
  method: string;
  data?: unknown;
  header: Record<string, string>;
}

const ORDER = {
  donation: donationFixture(),
  payment: { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=wx1', signType: 'RSA', paySign: 's' },
};

/** The sapling drive, the message templates, and the order answered by `order`; the order is paid once simulated. */
function serve(order: (call: Sent) => Promise<unknown> = () => Promise.resolve({ statusCode: 201, data: ORDER })) {
  let paid = false;
  taroRequest.mockImplementation((call: Sent) => {
    const path = call.url.split('?')[0];
    const ok = (data: unknown) => Promise.resolve({ statusCode: 200, data });
    if (path === '/api/v1/campaigns/c1') return ok(saplingCampaign());
    if (path === '/api/v1/notifications/templates') return ok(TEMPLATES);
    if (path === '/api/v1/me/subscriptions') return ok([]);
    if (path === '/api/v1/campaigns/c1/donations') return order(call);
    if (path === '/api/v1/donations/d1/simulate-payment') {
      paid = true;
      return Promise.resolve({ statusCode: 202, data: donationFixture() });
    }
    if (path === '/api/v1/donations/d1') return ok(paid ? paidDonation() : donationFixture());
    return Promise.resolve({ statusCode: 404, data: null });
  });
}

const TEMPLATES = [
  { key: 'eventReminder', templateId: 'tpl-reminder', title: '活动开始提醒' },
  { key: 'donationThanks', templateId: 'tpl-thanks', title: '捐赠成功通知' },
  { key: 'fundUse', templateId: 'tpl-fund-use', title: '善款使用公示' },
  { key: 'refundNotice', templateId: 'tpl-refund', title: '退款通知' },
];

const calls = () => taroRequest.mock.calls.map(([call]) => call as Sent);
const orders = () => calls().filter((call) => call.url === '/api/v1/campaigns/c1/donations');
const payButton = () => screen.getByText(/^支付/).closest('button')!;

describe('捐赠', () => {
  // The templates are fetched once per app run; the page's own prefetch is then a no-op.
  beforeAll(async () => {
    serve();
    await prefetchMessageTemplates();
  });
  beforeEach(() => {
    taroRequest.mockReset();
    (Taro.showModal as jest.Mock).mockClear();
    (Taro.redirectTo as jest.Mock).mockClear();
    storage.clear();
    storage.set('alumnilink.session', { accessToken: 'a', refreshToken: 'r', alumnus: { displayName: '李明' } });
    (useRouter as jest.Mock).mockReturnValue({ params: { id: 'c1' } });
  });

  it('offers unit chips, prices the chosen one, and checks a typed amount against the limits', async () => {
    serve();
    render(<DonatePage />);
    expect(await screen.findByText('1 棵树苗 = ¥30')).toBeTruthy();
    expect(screen.getByText('支付 ¥30.00')).toBeTruthy();
    fireEvent.click(screen.getByText('3 棵树苗'));
    expect(screen.getByText('支付 ¥90.00')).toBeTruthy();

    // A typed amount buys whole trees; the rest is a plain gift.
    fireEvent.change(document.querySelector('.donate-custom__input')!, { target: { value: '100' } });
    expect(screen.getByText('可种下 3 棵树苗')).toBeTruthy();
    expect(screen.getByText('支付 ¥100.00')).toBeTruthy();

    fireEvent.change(document.querySelector('.donate-custom__input')!, { target: { value: '5000' } });
    expect(screen.getByText('单笔最多 ¥3,000')).toBeTruthy();
    expect(payButton().className).toContain('nut-button-disabled');
    fireEvent.change(document.querySelector('.donate-custom__input')!, { target: { value: '66.6' } });
    expect(screen.getByText('支付 ¥66.60')).toBeTruthy();
    expect(payButton().className).not.toContain('nut-button-disabled');
  });

  it('asks in one dialog for the thank-you, fund-use and refund messages, orders with a key, pays through the simulate step and opens the certificate', async () => {
    serve();
    render(<DonatePage />);
    await screen.findByText('支付 ¥30.00');
    fireEvent.click(screen.getByText('匿名捐赠'));
    fireEvent.change(document.querySelector('.donate-message')!, { target: { value: '母校加油' } });
    fireEvent.click(payButton());

    expect(Taro.showModal).toHaveBeenCalledTimes(1);
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '接收消息通知', content: '允许校友会向你发送：捐赠成功通知、善款使用公示、退款通知（每项一次）' }),
    );
    expect(await screen.findByText('模拟微信支付')).toBeTruthy();
    await waitFor(() =>
      expect(calls().find((c) => c.url === '/api/v1/me/subscriptions')?.data).toEqual({
        results: { 'tpl-thanks': 'accept', 'tpl-fund-use': 'accept', 'tpl-refund': 'accept' },
      }),
    );
    expect(orders()).toHaveLength(1);
    expect(orders()[0].data).toEqual({ units: 1, message: '母校加油', anonymous: true, hideAmount: false });
    expect(orders()[0].header['Idempotency-Key']).toMatch(/^[A-Za-z0-9_-]{8,64}$/);

    fireEvent.click(screen.getByText('模拟支付'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/giving/pages/donation/index?id=d1&from=donate' }));
    expect(calls().filter((c) => c.url === '/api/v1/donations/d1/simulate-payment')).toHaveLength(1);
  });

  it('shows the server’s amount refusal under the amount and keeps the key for a retry of the same gift', async () => {
    serve(() =>
      Promise.resolve({
        statusCode: 422,
        data: { error: { code: 'DONATION_AMOUNT_TOO_SMALL', message: '捐赠金额低于本项目的最低金额', details: [] } },
      }),
    );
    render(<DonatePage />);
    await screen.findByText('支付 ¥30.00');
    fireEvent.click(payButton());
    expect(await screen.findByText('单笔最少 ¥1')).toBeTruthy();
    fireEvent.click(payButton());
    await waitFor(() => expect(orders()).toHaveLength(2));
    expect(orders()[1].header['Idempotency-Key']).toBe(orders()[0].header['Idempotency-Key']);
  });
});
