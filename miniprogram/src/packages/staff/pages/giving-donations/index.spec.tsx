import type { StaffDonationDto } from '@alumni/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { storage } from '../../../../../test/mocks/taro';
import GivingDonationsPage from './index';

const taroRequest = Taro.request as jest.Mock;
const ok = (data: unknown) => Promise.resolve({ statusCode: 200, data, header: {} });
const gift: StaffDonationDto = {
  id: 'd1',
  campaignId: 'c1',
  campaignTitle: '东坡植树',
  outTradeNo: 'AL2611290A1B2C3D4E5F60718293A4',
  amountFen: 6000,
  refundedFen: 0,
  matchedFen: 0,
  refundableFen: 6000,
  abnormalRefundFen: 0,
  units: 2,
  message: '',
  anonymous: true,
  hideAmount: false,
  status: 'paid',
  certificateNo: 'GIV-1A2B3C4D-000042',
  treeNumbers: { first: 41, last: 42 },
  paidAt: '2026-11-28T02:00:00.000Z',
  expiresAt: '2026-11-28T02:30:00.000Z',
  createdAt: '2026-11-28T01:59:00.000Z',
  donorName: '芳芳',
  realName: '王芳',
};
const signIn = (roles: string[]) =>
  storage.set('alumnilink.session', { accessToken: 'a', refreshToken: 'r', alumnus: { id: 'me', displayName: '老师', roles } });

beforeEach(() => {
  storage.clear();
  taroRequest.mockReset();
});

describe('the staff donations page', () => {
  it('shows staff who gave, even anonymously, without a refund action for non-admins', async () => {
    signIn(['alumnus', 'staff']);
    taroRequest.mockImplementation(() => ok({ items: [gift], nextCursor: null }));
    const { container } = render(<GivingDonationsPage />);
    expect(await screen.findByText(/芳芳（王芳）/, undefined, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('匿名')).toBeTruthy();
    expect(container.querySelector('.giving-donation__state')!.textContent).toBe('已支付');
    expect(screen.queryByText('退款')).toBeNull();
  });

  it('finds the gifts whose refund WeChat Pay reports abnormal, and says staff must choose where it goes', async () => {
    signIn(['alumnus', 'staff']);
    const stuck = { ...gift, refundableFen: 3000, abnormalRefundFen: 3000 };
    taroRequest.mockImplementation(({ url }: { url: string }) =>
      url.endsWith('/refunds') ? ok([]) : ok({ items: url.includes('refund=abnormal') ? [stuck] : [gift], nextCursor: null }),
    );
    const { container } = render(<GivingDonationsPage />);
    await screen.findByText(/芳芳（王芳）/, undefined, { timeout: 5000 });
    fireEvent.click(screen.getByText('退款异常'));
    fireEvent.click(container.querySelector('.giving-donations-search')!);
    await waitFor(() =>
      expect(container.querySelector('.giving-donation__state')!.textContent).toBe('退款异常 ¥30.00：未能原路退回，请选择退回方式'),
    );
    const last = taroRequest.mock.calls
      .map(([options]) => options.url as string)
      .filter((url) => url.startsWith('/api/v1/staff/donations?'))
      .at(-1)!;
    expect(last).toContain('refund=abnormal');
    expect(last).not.toContain('status=');
  });

  it('lets an admin refund part of a gift, refusing more than is left before asking the server', async () => {
    signIn(['alumnus', 'staff', 'admin']);
    taroRequest.mockImplementation(({ url, method }: { url: string; method: string }) => {
      if (method === 'POST' && url === '/api/v1/staff/donations/d1/refunds')
        return ok({ id: 'r1', donationId: 'd1', outRefundNo: 'x', amountFen: 2000, reason: '重复捐赠', status: 'processing' });
      if (url.startsWith('/api/v1/staff/donations?')) return ok({ items: [gift], nextCursor: null });
      throw new Error(`unexpected ${method} ${url}`);
    });
    const { container } = render(<GivingDonationsPage />);
    fireEvent.click(await screen.findByText('退款'));
    const amount = container.querySelector('.refund-sheet-amount')!;
    expect((amount as HTMLInputElement).value).toBe('60');

    fireEvent.input(amount, { target: { value: '60.01' } });
    fireEvent.click(screen.getByText('确认退款'));
    expect(await screen.findByText('最多可退 ¥60.00')).toBeTruthy();
    expect(screen.getByText('请填写退款原因，捐赠人会在微信中看到')).toBeTruthy();

    fireEvent.input(amount, { target: { value: '20' } });
    fireEvent.input(container.querySelector('.refund-sheet-reason')!, { target: { value: '重复捐赠' } });
    fireEvent.click(screen.getByText('确认退款'));
    await waitFor(() => expect(screen.getByText('退款处理中')).toBeTruthy());
    const post = taroRequest.mock.calls.find(([options]) => options.method === 'POST')![0];
    expect(post.data).toEqual({ amountFen: 2000, reason: '重复捐赠' });
  });

  it('shows the server’s refusal by its code, in Chinese', async () => {
    signIn(['alumnus', 'staff', 'admin']);
    taroRequest.mockImplementation(({ method }: { method: string }) =>
      method === 'POST'
        ? Promise.resolve({
            statusCode: 422,
            data: { error: { code: 'REFUND_EXCEEDS_PAID', message: 'x', details: [] } },
            header: {},
          })
        : ok({ items: [gift], nextCursor: null }),
    );
    const { container } = render(<GivingDonationsPage />);
    fireEvent.click(await screen.findByText('退款'));
    fireEvent.input(container.querySelector('.refund-sheet-reason')!, { target: { value: '重复捐赠' } });
    fireEvent.click(screen.getByText('确认退款'));
    expect(await screen.findByText('退款金额超过尚可退还的金额（可能已有退款在处理中），请刷新后重试')).toBeTruthy();
  });
});
