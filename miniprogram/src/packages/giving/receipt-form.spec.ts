import type { DonationReceiptDto, MyDonationDto } from '@alumni/shared';
import { receiptableGifts, receiptStatusLabel, toReceiptRequest, toVoidRequest } from './receipt-form';

const gift = (id: string, values: Partial<MyDonationDto> = {}) =>
  ({ id, status: 'paid', certificateNo: 'GIV-1', ...values }) as MyDonationDto;

describe('asking for a receipt', () => {
  it('offers paid gifts not yet on a receipt', () => {
    const receipts = [{ donationIds: ['a'] }] as DonationReceiptDto[];
    const offered = receiptableGifts(
      [gift('a'), gift('b'), gift('c', { status: 'refunded' }), gift('d', { status: 'pending', certificateNo: null })],
      receipts,
    );
    expect(offered.map((g) => g.id)).toEqual(['b']);
  });

  it('sends the ID number without spaces, upper-cased', () => {
    expect(
      toReceiptRequest({ donationIds: ['b'], payerKind: 'person', payerName: ' 李明 ', taxId: '110101 19900307 123x' }).request,
    ).toEqual({
      donationIds: ['b'],
      payerKind: 'person',
      payerName: '李明',
      taxId: '11010119900307123X',
    });
  });

  it('names what is missing or malformed, by the kind of payer', () => {
    expect(Object.keys(toReceiptRequest({ donationIds: [], payerKind: 'person', payerName: '', taxId: '123' }).problems).sort()).toEqual([
      'donationIds',
      'payerName',
      'taxId',
    ]);
    expect(
      toReceiptRequest({ donationIds: ['b'], payerKind: 'company', payerName: '江州科技', taxId: '91330100MA2B3C4DO5' }).problems.taxId,
    ).toBe('请填写 18 位统一社会信用代码');
    expect(
      toReceiptRequest({ donationIds: ['b'], payerKind: 'company', payerName: '江州科技', taxId: '91330100MA2B3C4D5E' }).problems,
    ).toEqual({});
  });
});

describe('a voided receipt (作废)', () => {
  it('releases its gifts to a new request', () => {
    const receipts = [
      { status: 'voided', donationIds: ['a'] },
      { status: 'issued', donationIds: ['b'] },
    ] as DonationReceiptDto[];
    expect(receiptableGifts([gift('a'), gift('b')], receipts).map((g) => g.id)).toEqual(['a']);
  });

  it('labels an issued receipt with a refunded gift 待作废', () => {
    expect(receiptStatusLabel({ status: 'issued', voidDueAt: '2026-12-06T10:00:00.000Z' })).toBe('待作废');
    expect(receiptStatusLabel({ status: 'issued', voidDueAt: null })).toBe('已开具');
    expect(receiptStatusLabel({ status: 'voided', voidDueAt: '2026-12-06T10:00:00.000Z' })).toBe('已作废');
  });

  it('asks for a reason and sends the red-letter number only when given', () => {
    expect(toVoidRequest({ reason: ' 捐赠已退款 ', reversalNo: ' ' })).toEqual({ request: { reason: '捐赠已退款' }, problem: null });
    expect(toVoidRequest({ reason: '捐赠已退款', reversalNo: '浙财红-01' }).request).toEqual({
      reason: '捐赠已退款',
      reversalNo: '浙财红-01',
    });
    expect(toVoidRequest({ reason: '  ', reversalNo: '' }).problem).toBe('请填写作废原因，捐赠人会看到');
    expect(toVoidRequest({ reason: '退款', reversalNo: '有 空格' }).problem).toBe('红字票据号只能是字母、数字或连字符');
  });
});
