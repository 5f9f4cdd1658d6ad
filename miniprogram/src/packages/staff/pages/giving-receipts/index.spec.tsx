import type { StaffDonationReceiptDto } from '@alumni/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import StaffReceiptsPage from './index';
import { staffReceipt } from './test-fixtures';

const taroRequest = Taro.request as jest.Mock;

function serve(queue: StaffDonationReceiptDto[]) {
  taroRequest.mockImplementation(({ url, method, data }: { url: string; method: string; data: unknown }) => {
    const path = url.split('?')[0];
    if (path === '/api/v1/staff/receipts' && method === 'GET') return Promise.resolve({ statusCode: 200, data: queue });
    if (path === '/api/v1/staff/receipts/r1/void' && method === 'POST')
      return Promise.resolve({
        statusCode: 201,
        data: staffReceipt({ status: 'voided', voidedAt: '2026-12-04T02:00:00.000Z', ...(data as object) }),
      });
    if (path === '/api/v1/staff/receipts/r1/issue' && method === 'POST')
      return Promise.resolve({ statusCode: 201, data: staffReceipt({ receiptNo: (data as { receiptNo: string }).receiptNo }) });
    return Promise.resolve({ statusCode: 404, data: null });
  });
}

const posts = () => taroRequest.mock.calls.map(([call]) => call).filter((call) => call.method === 'POST');
const field = (container: HTMLElement, className: string) =>
  container.querySelector(`.${className} input`) ?? container.querySelector(`.${className}`)!;

describe('捐赠票据 (staff): voiding a receipt', () => {
  beforeEach(() => {
    taroRequest.mockReset();
    (Taro.showModal as jest.Mock).mockClear();
  });

  it('opens the void form on a receipt due to be voided, checks it, confirms, and records the void', async () => {
    serve([staffReceipt({ voidDueAt: '2026-12-03T02:00:00.000Z' })]);
    const { container } = render(<StaffReceiptsPage />);
    fireEvent.click(await screen.findByText('已开具'));
    expect(await screen.findByText('待作废：所含捐赠已退款（12月3日 10:00）')).toBeTruthy();
    const reversal =
      container.querySelector('.staff-receipt__void-reversal input') ?? container.querySelector('.staff-receipt__void-reversal')!;
    fireEvent.input(reversal, { target: { value: '有 空格' } });
    fireEvent.click(screen.getByText('登记作废并通知'));
    expect(await screen.findByText('红字票据号只能是字母、数字或连字符')).toBeTruthy();
    expect(taroRequest.mock.calls.some(([call]) => call.method === 'POST')).toBe(false);

    fireEvent.input(reversal, { target: { value: '浙财红0000001' } });
    fireEvent.click(screen.getByText('登记作废并通知'));
    await waitFor(() => expect(taroRequest.mock.calls.some(([call]) => call.method === 'POST')).toBe(true));
    expect((Taro.showModal as jest.Mock).mock.calls[0][0].content).toContain('请先在财政票据系统中作废或红冲票据 浙财0000001');
    const sent = taroRequest.mock.calls.find(([call]) => call.method === 'POST')![0];
    expect(sent.data).toEqual({ reason: '捐赠已退款', reversalNo: '浙财红0000001' });
  });

  it('keeps the form closed on an issued receipt with nothing refunded, and lists voided receipts with their reason', async () => {
    serve([staffReceipt()]);
    const { unmount } = render(<StaffReceiptsPage />);
    fireEvent.click(await screen.findByText('已开具'));
    expect(await screen.findByText('作废此票据 ›')).toBeTruthy();
    expect(screen.queryByText('登记作废并通知')).toBeNull();
    unmount();

    serve([staffReceipt({ status: 'voided', voidedAt: '2026-12-04T02:00:00.000Z', voidReason: '抬头有误', reversalNo: null })]);
    const { container } = render(<StaffReceiptsPage />);
    fireEvent.click(await screen.findByText('已作废'));
    await waitFor(() => expect(container.querySelector('.staff-receipt__voided')).toBeTruthy());
    expect(container.querySelector('.staff-receipt__voided')!.textContent).toBe('票据号 浙财0000001 · 12月4日 10:00 作废：抬头有误');
  });

  it('records the receipt number with Enter in its field, as 登记票据号并通知 does, once while it is on its way', async () => {
    serve([staffReceipt({ status: 'requested', receiptNo: null, issuedAt: null })]);
    const { container } = render(<StaffReceiptsPage />);
    await screen.findByText('登记票据号并通知');
    const number = field(container, 'staff-receipt__no');
    fireEvent.input(number, { target: { value: ' 浙财0000002 ' } });
    fireEvent.keyDown(number, { key: 'Enter' });
    fireEvent.keyDown(number, { key: 'Enter' });
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]).toMatchObject({
      url: expect.stringContaining('/api/v1/staff/receipts/r1/issue'),
      data: { receiptNo: '浙财0000002' },
    });
  });

  it('records a void with Enter in the reason, after the same confirmation as the button', async () => {
    serve([staffReceipt({ voidDueAt: '2026-12-03T02:00:00.000Z' })]);
    const { container } = render(<StaffReceiptsPage />);
    fireEvent.click(await screen.findByText('已开具'));
    await screen.findByText('登记作废并通知');
    fireEvent.keyDown(field(container, 'staff-receipt__void-reason'), { key: 'Enter' });
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect((Taro.showModal as jest.Mock).mock.calls[0][0].confirmText).toBe('登记作废');
    expect(posts()[0]).toMatchObject({ url: expect.stringContaining('/api/v1/staff/receipts/r1/void'), data: { reason: '捐赠已退款' } });
  });
});
