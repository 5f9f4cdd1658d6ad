import { fireEvent, render, screen } from '@testing-library/react';
import { calls, dialogs, network, page, person, settled, signIn } from '../../../../../test/weapp/wx';
import { prefetchMessageTemplates } from '../../../../api/notifications';
import { donationFixture, paidDonation, saplingCampaign } from '../../test-fixtures';
import DonatePage from './index';

const TEMPLATES = [
  { key: 'donationThanks', templateId: 'tpl-thanks', title: '捐赠成功通知' },
  { key: 'fundUse', templateId: 'tpl-fund-use', title: '善款使用通知' },
  { key: 'refundNotice', templateId: 'tpl-refund', title: '退款通知' },
];
const PAYMENT = { timeStamp: '1764417600', nonceStr: 'n0nce', package: 'prepay_id=wx2026', signType: 'RSA', paySign: 'c2lnbg==' };

/** The drive, the templates, the order, and WeChat Pay's outcome as the server learns it (paid once the sheet was paid). */
function serve() {
  const state = { orders: 0 };
  const paid = () => dialogs.some((d) => d.kind === 'payment' && d.answered === 'pay');
  network
    .on('GET', '/api/v1/campaigns/c1', () => ({ json: saplingCampaign() }))
    .on('GET', '/api/v1/notifications/templates', () => ({ json: TEMPLATES }))
    .on('PUT', '/api/v1/me/subscriptions', () => ({ json: [] }))
    .on('POST', '/api/v1/campaigns/c1/donations', () => {
      state.orders++;
      return { status: 201, json: { donation: donationFixture(), payment: PAYMENT } };
    })
    .on('GET', '/api/v1/donations/d1', () => ({ json: paid() ? paidDonation() : donationFixture() }));
  return state;
}

const payButton = () => screen.getByText(/^支付/).closest('button')!;

describe('捐赠 in WeChat', () => {
  beforeAll(async () => {
    serve();
    await prefetchMessageTemplates();
  });
  beforeEach(() => {
    signIn({ displayName: '李明' });
    page.params = { id: 'c1' };
  });

  it('asks for the messages in the tap, waits for the answer, and only then opens WeChat Pay', async () => {
    const state = serve();
    render(<DonatePage />);
    await screen.findByText('支付 ¥30.00');

    fireEvent.click(payButton());
    await settled();

    expect(dialogs.map((d) => d.kind)).toEqual(['subscribe', 'payment']);
    expect(dialogs[0]!.options.tmplIds).toEqual(['tpl-thanks', 'tpl-fund-use', 'tpl-refund']);
    expect(dialogs[1]!.options).toMatchObject(PAYMENT);
    expect(state.orders).toBe(1);
    expect(calls.filter((c) => c.api === 'redirectTo').map((c) => c.options.url)).toEqual([
      '/packages/giving/pages/donation/index?id=d1&from=donate',
    ]);
  });

  it('pays all the same when the person declines the messages', async () => {
    const state = serve();
    person.willAnswer('subscribe', 'reject');
    render(<DonatePage />);
    await screen.findByText('支付 ¥30.00');

    fireEvent.click(payButton());
    await settled();

    expect(dialogs.map((d) => [d.kind, d.answered])).toEqual([
      ['subscribe', 'reject'],
      ['payment', 'pay'],
    ]);
    expect(state.orders).toBe(1);
  });

  it('keeps the order when the payment sheet is closed, and pays it with the next tap', async () => {
    const state = serve();
    person.willAnswer('payment', 'cancel', 'pay');
    render(<DonatePage />);
    await screen.findByText('支付 ¥30.00');

    fireEvent.click(payButton());
    await settled();
    expect(await screen.findByText('支付 ¥30.00')).toBeTruthy();

    fireEvent.click(payButton());
    await settled();

    expect(dialogs.map((d) => d.kind)).toEqual(['subscribe', 'payment', 'subscribe', 'payment']);
    expect(state.orders).toBe(2);
    expect(network.log.filter((r) => r.method === 'POST' && r.url.endsWith('/donations')).map((r) => r.headers['Idempotency-Key'])).toEqual(
      [expect.any(String), network.log.find((r) => r.url.endsWith('/donations'))!.headers['Idempotency-Key']],
    );
  });
});
