import type { DonationReceiptDto, MyDonationDto } from '@alumni/shared';
import { receiptableGifts, toReceiptRequest } from './receipt-form';

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
