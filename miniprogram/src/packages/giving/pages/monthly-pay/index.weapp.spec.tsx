import { fireEvent, render, screen } from '@testing-library/react';
import { dialogs, network, page, settled, signIn } from '../../../../../test/weapp/wx';
import { donationFixture, instalmentFixture, paidDonation } from '../../test-fixtures';
import MonthlyPayPage from './index';

const PAYMENT = { timeStamp: '1764417600', nonceStr: 'n0nce', package: 'prepay_id=wx2026', signType: 'RSA', paySign: 'c2lnbg==' };
const detail = (override = {}) => ({ ...instalmentFixture(override), campaignId: 'c1', campaignTitle: '助学基金', pledgeStatus: 'active' });

describe('本月月捐 in WeChat', () => {
  beforeEach(() => {
    signIn({ displayName: '李明' });
    page.params = { id: 'i1' };
  });

  it('pays the month in one tap through WeChat Pay and shows it paid once the server has the payment', async () => {
    const paid = () => dialogs.some((d) => d.kind === 'payment' && d.answered === 'pay');
    let orders = 0;
    network
      .on('GET', '/api/v1/me/monthly-instalments/i1', () => ({
        json: paid() ? detail({ status: 'paid', donationId: 'd1', paidAt: '2026-12-05T03:00:00.000Z' }) : detail(),
      }))
      .on('POST', '/api/v1/me/monthly-instalments/i1/pay', () => {
        orders++;
        return { status: 201, json: { donation: donationFixture({ amountFen: 3000 }), payment: PAYMENT, instalment: instalmentFixture() } };
      })
      .on('GET', '/api/v1/donations/d1', () => ({ json: paid() ? paidDonation() : donationFixture() }));
    render(<MonthlyPayPage />);
    expect(await screen.findByText('2026年12月 月捐')).toBeTruthy();

    fireEvent.click(screen.getByText('一键支付 ¥30.00').closest('button')!);
    await settled();

    expect(dialogs.map((d) => d.kind)).toEqual(['payment']);
    expect(dialogs[0]!.options).toMatchObject(PAYMENT);
    expect(orders).toBe(1);
    expect(await screen.findByText('本月月捐已完成，感谢你的持续支持！')).toBeTruthy();
    expect(screen.queryByText('一键支付 ¥30.00')).toBeNull();
  });
});
