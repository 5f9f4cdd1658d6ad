import type { StaffDonationDto, StaffDonationRefundDto } from '@alumni/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { storage } from '../../../../../test/mocks/taro';
import GivingDonationsPage from './index';

const taroRequest = Taro.request as jest.Mock;
const showModal = Taro.showModal as jest.Mock;
const ok = (data: unknown, statusCode = 200) => Promise.resolve({ statusCode, data, header: {} });
const stuck: StaffDonationDto = {
  id: 'd1',
  campaignId: 'c1',
  campaignTitle: '东坡植树',
  outTradeNo: 'AL2611290A1B2C3D4E5F60718293A4',
  amountFen: 3000,
  refundedFen: 0,
  matchedFen: 0,
  refundableFen: 0,
  abnormalRefundFen: 3000,
  units: 1,
  message: '',
  anonymous: false,
  hideAmount: false,
  status: 'paid',
  certificateNo: 'GIV-1A2B3C4D-000042',
  treeNumbers: { first: 41, last: 41 },
  paidAt: '2026-11-28T02:00:00.000Z',
  expiresAt: '2026-11-28T02:30:00.000Z',
  createdAt: '2026-11-28T01:59:00.000Z',
  donorName: '芳芳',
  realName: '王芳',
};
const abnormal: StaffDonationRefundDto = {
  id: 'r1',
  donationId: 'd1',
  outRefundNo: `${stuck.outTradeNo}R1`,
  amountFen: 3000,
  reason: '重复捐赠',
  status: 'abnormal',
  createdAt: '2026-12-01T02:00:00.000Z',
  settledAt: null,
  abnormal: null,
};
const signIn = (roles: string[]) =>
  storage.set('alumnilink.session', { accessToken: 'a', refreshToken: 'r', alumnus: { id: 'me', displayName: '老师', roles } });

/** The server: the gift, its refunds, and what the abnormal action answers. */
function serve(
  answer: () => Promise<unknown> = () =>
    ok(
      {
        ...abnormal,
        status: 'processing',
        abnormal: { route: 'merchant_bank_card', bankType: null, cardLast4: null, appliedAt: '2026-12-02T02:00:00.000Z' },
      },
      201,
    ),
) {
  taroRequest.mockImplementation(({ url, method }: { url: string; method: string }) => {
    if (method === 'POST' && url === '/api/v1/staff/donations/d1/refunds/r1/abnormal') return answer();
    if (url === '/api/v1/staff/donations/d1/refunds') return ok([abnormal]);
    if (url.startsWith('/api/v1/staff/donations?')) return ok({ items: [stuck], nextCursor: null });
    throw new Error(`unexpected ${method} ${url}`);
  });
}

beforeEach(() => {
  storage.clear();
  taroRequest.mockReset();
  showModal.mockClear();
});

describe('abnormal refunds on the staff donations page', () => {
  it('lets an admin send an abnormal refund to the school account after a confirmation that says so', async () => {
    signIn(['alumnus', 'staff', 'admin']);
    serve();
    const { container } = render(<GivingDonationsPage />);
    expect(await screen.findByText('¥30.00 · 退款异常：未能原路退回', undefined, { timeout: 5000 })).toBeTruthy();
    fireEvent.click(screen.getByText('提交退回方式'));
    expect(await screen.findByText('请选择退回方式')).toBeTruthy();
    expect(showModal).not.toHaveBeenCalled();

    fireEvent.click(container.querySelector('.abnormal-refund-route--merchant_bank_card')!);
    // No card data is asked for the school account.
    expect(container.querySelector('.abnormal-refund-account')).toBeNull();
    fireEvent.click(screen.getByText('提交退回方式'));
    await waitFor(() => expect(screen.getByText('¥30.00 · 微信支付处理中 · 改退至学校账户，线下退还')).toBeTruthy());
    expect(showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '确认退回到学校账户', content: expect.stringContaining('之后需由校友会线下退还给捐赠人') }),
    );
    const post = taroRequest.mock.calls.find(([options]) => options.method === 'POST')![0];
    expect(post.data).toEqual({ route: 'merchant_bank_card' });
  });

  it('sends nothing when the admin cancels the confirmation', async () => {
    signIn(['alumnus', 'staff', 'admin']);
    serve();
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    const { container } = render(<GivingDonationsPage />);
    fireEvent.click(await screen.findByText('○ 退回到学校（商户）账户，线下处理', undefined, { timeout: 5000 }));
    fireEvent.click(screen.getByText('提交退回方式'));
    await waitFor(() => expect(showModal).toHaveBeenCalled());
    expect(taroRequest.mock.calls.some(([options]) => options.method === 'POST')).toBe(false);
    expect(container.querySelector('.abnormal-refund-submit')).toBeTruthy();
  });

  it('asks for the donor card before sending it there, never sending a half-filled card', async () => {
    signIn(['alumnus', 'staff', 'admin']);
    serve();
    const { container } = render(<GivingDonationsPage />);
    fireEvent.click(await screen.findByText('○ 退回到捐赠人银行卡', undefined, { timeout: 5000 }));
    fireEvent.input(container.querySelector('.abnormal-refund-account')!, { target: { value: '6214 8300 9876 5432' } });
    fireEvent.click(screen.getByText('提交退回方式'));
    expect(await screen.findByText('请选择开户银行（仅支持这 15 家银行的借记卡）')).toBeTruthy();
    expect(screen.getByText('请填写持卡人姓名')).toBeTruthy();
    expect(showModal).not.toHaveBeenCalled();
    expect(screen.getByText('卡号与姓名加密后直接发给微信支付，系统只保留银行和卡号后四位。')).toBeTruthy();
  });

  it('shows the server’s refusal by its code, in Chinese', async () => {
    signIn(['alumnus', 'staff', 'admin']);
    serve(() => ok({ error: { code: 'REFUND_NOT_ABNORMAL', message: 'x', details: [] } }, 409));
    render(<GivingDonationsPage />);
    fireEvent.click(await screen.findByText('○ 退回到学校（商户）账户，线下处理', undefined, { timeout: 5000 }));
    fireEvent.click(screen.getByText('提交退回方式'));
    expect(await screen.findByText('这笔退款已不是「退款异常」（可能已在商户平台处理或已到账），请刷新后查看')).toBeTruthy();
  });

  it('shows staff who are not admins the refund, without the action', async () => {
    signIn(['alumnus', 'staff']);
    serve();
    render(<GivingDonationsPage />);
    expect(await screen.findByText('请管理员选择退回方式', undefined, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByText('提交退回方式')).toBeNull();
  });
});
