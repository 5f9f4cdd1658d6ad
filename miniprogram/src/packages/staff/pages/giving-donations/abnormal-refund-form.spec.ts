import { abnormalConfirmation, abnormalRefusal, refundLine, toAbnormalRequest } from './abnormal-refund-form';

const refund = {
  id: 'r1',
  donationId: 'd1',
  outRefundNo: 'ALR1',
  amountFen: 3000,
  reason: '重复捐赠',
  status: 'abnormal' as const,
  createdAt: '2026-12-01T02:00:00.000Z',
  settledAt: null,
  abnormal: null,
};

describe('the abnormal refund form', () => {
  it('asks for a route first', () => {
    expect(toAbnormalRequest({ route: null, bank: -1, bankAccount: '', realName: '' })).toEqual({
      request: null,
      problems: { route: '请选择退回方式' },
    });
  });

  it('sends nothing but the route for the school account, whatever was typed for a card', () => {
    expect(toAbnormalRequest({ route: 'merchant_bank_card', bank: 6, bankAccount: '6214830098765432', realName: '张三' }).request).toEqual({
      route: 'merchant_bank_card',
    });
  });

  it('wants a bank, a card number of 12–30 digits (spaces ignored) and a name for the donor card', () => {
    expect(toAbnormalRequest({ route: 'user_bank_card', bank: -1, bankAccount: '6214 ABCD', realName: ' ' }).problems).toEqual({
      bank: '请选择开户银行（仅支持这 15 家银行的借记卡）',
      bankAccount: '请填写捐赠人的借记卡卡号（12–30 位数字）',
      realName: '请填写持卡人姓名',
    });
    expect(toAbnormalRequest({ route: 'user_bank_card', bank: 6, bankAccount: '6214 8300 9876 5432', realName: ' 张三 ' }).request).toEqual(
      {
        route: 'user_bank_card',
        bankType: 'CMB_DEBIT',
        bankAccount: '6214830098765432',
        realName: '张三',
      },
    );
  });

  it('confirms where the money goes, with the card last four digits only', () => {
    expect(abnormalConfirmation(refund, { route: 'merchant_bank_card' })).toBe(
      '将把 ¥30.00 退回到学校（商户）结算账户，之后需由校友会线下退还给捐赠人。捐赠人会收到说明。提交后不能撤销。',
    );
    const card = abnormalConfirmation(refund, {
      route: 'user_bank_card',
      bankType: 'CMB_DEBIT',
      bankAccount: '6214830098765432',
      realName: '张三',
    });
    expect(card).toBe('将把 ¥30.00 退到 张三 的招商银行借记卡（尾号 5432）。请核对卡号与姓名，提交后不能撤销。');
  });

  it('says where each refund stands', () => {
    expect(refundLine(refund)).toBe('¥30.00 · 退款异常：未能原路退回');
    expect(
      refundLine({
        ...refund,
        status: 'processing',
        abnormal: { route: 'user_bank_card', bankType: 'CMB_DEBIT', cardLast4: '5432', appliedAt: '2026-12-02T02:00:00.000Z' },
      }),
    ).toBe('¥30.00 · 微信支付处理中 · 改退至招商银行借记卡（尾号 5432）');
    expect(
      refundLine({
        ...refund,
        status: 'succeeded',
        abnormal: { route: 'merchant_bank_card', bankType: null, cardLast4: null, appliedAt: 'x' },
      }),
    ).toBe('¥30.00 · 已退回 · 改退至学校账户，线下退还');
  });

  it('words refusals by code, and WeChat Pay’s own words where it gave them', () => {
    expect(abnormalRefusal('REFUND_NOT_ABNORMAL', 'x')).toBe('这笔退款已不是「退款异常」（可能已在商户平台处理或已到账），请刷新后查看');
    expect(abnormalRefusal('REFUND_REFUSED', '微信支付拒绝了这笔退款：卡号有误')).toBe('微信支付拒绝了这笔退款：卡号有误');
  });
});
