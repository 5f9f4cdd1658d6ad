import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { issuedReceipt, myPaidGift } from '../../test-fixtures';
import ReceiptsPage from './index';

const taroRequest = Taro.request as jest.Mock;

function serve(receipts = [issuedReceipt()]) {
  taroRequest.mockImplementation(({ url, method }: { url: string; method: string }) => {
    const path = url.split('?')[0];
    if (path === '/api/v1/me/donations')
      return Promise.resolve({
        statusCode: 200,
        data: {
          items: [myPaidGift({ id: 'd0' }), myPaidGift({ id: 'd1' }), myPaidGift({ id: 'd2', status: 'refunded' })],
          nextCursor: null,
        },
      });
    if (path === '/api/v1/me/receipts' && method === 'GET') return Promise.resolve({ statusCode: 200, data: receipts });
    if (path === '/api/v1/me/receipts' && method === 'POST') return Promise.resolve({ statusCode: 201, data: issuedReceipt({ id: 'r2' }) });
    return Promise.resolve({ statusCode: 404, data: null });
  });
}

describe('捐赠票据', () => {
  beforeEach(() => {
    taroRequest.mockReset();
    (Taro.showModal as jest.Mock).mockClear();
  });

  it('lists my receipts, offers only paid gifts without one, and sends a request after a confirmation', async () => {
    serve();
    const { container } = render(<ReceiptsPage />);
    expect(await screen.findByText('票据号 浙财0000001 · 12月2日 10:00 开具')).toBeTruthy();
    expect(screen.getByText('下载票据 ›')).toBeTruthy();
    // d0 is on the receipt, d2 was refunded: d1 alone is offered.
    expect(container.querySelectorAll('.receipt-gift')).toHaveLength(1);

    fireEvent.click(screen.getByText('提交申请'));
    expect(await screen.findByText('请选择要开票的捐赠')).toBeTruthy();
    expect(screen.getByText('请填写 18 位身份证号')).toBeTruthy();
    expect(taroRequest.mock.calls.some(([call]) => call.method === 'POST')).toBe(false);

    fireEvent.click(container.querySelector('.receipt-gift')!);
    fireEvent.input(container.querySelector('.receipts-name input') ?? container.querySelector('.receipts-name')!, {
      target: { value: '李明' },
    });
    fireEvent.input(container.querySelector('.receipts-tax-id input') ?? container.querySelector('.receipts-tax-id')!, {
      target: { value: '11010119900307123x' },
    });
    fireEvent.click(screen.getByText('提交申请'));
    await waitFor(() => expect(taroRequest.mock.calls.some(([call]) => call.method === 'POST')).toBe(true));
    expect((Taro.showModal as jest.Mock).mock.calls[0][0].content).toContain('为 1 笔捐赠（共 ¥50.00）开具抬头为“李明”的票据');
    const sent = taroRequest.mock.calls.find(([call]) => call.method === 'POST')![0];
    expect(sent.data).toEqual({ donationIds: ['d1'], payerKind: 'person', payerName: '李明', taxId: '11010119900307123X' });
  });

  it('shows a voided receipt with its reason and red-letter number, no download, and offers its gift again', async () => {
    serve([
      issuedReceipt({
        status: 'voided',
        voidedAt: '2026-12-03T02:00:00.000Z',
        voidReason: '捐赠已退款',
        reversalNo: '浙财红0000001',
      }),
    ]);
    const { container } = render(<ReceiptsPage />);
    expect(await screen.findByText('已作废')).toBeTruthy();
    expect(container.querySelector('.receipt__void')!.textContent).toBe(
      '12月3日 10:00 作废：捐赠已退款（红字票据号 浙财红0000001）。未退款的捐赠可重新申请。',
    );
    expect(screen.queryByText('下载票据 ›')).toBeNull();
    // d0 and d1 are offered (d2 was refunded).
    expect(container.querySelectorAll('.receipt-gift')).toHaveLength(2);
  });

  it('tells the donor an issued receipt with a refunded gift is to be voided', async () => {
    serve([issuedReceipt({ voidDueAt: '2026-12-03T02:00:00.000Z' })]);
    render(<ReceiptsPage />);
    expect(await screen.findByText('待作废')).toBeTruthy();
    expect(screen.getByText('所含捐赠已退款，这张票据将由校友会作废，作废后会通知你。')).toBeTruthy();
  });
});
