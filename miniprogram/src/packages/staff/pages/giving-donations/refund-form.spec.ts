import { ERRORS } from '@alumni/shared';
import {
  defaultPeriod,
  emptyRefundDraft,
  isDay,
  periodProblem,
  refundRefusal,
  refundStateLabel,
  toRefundRequest,
  utf8Bytes,
} from './refund-form';

describe('the refund form', () => {
  it('offers everything that is left, as yuan', () => {
    expect(emptyRefundDraft({ refundableFen: 3000 })).toEqual({ amountYuan: '30', reason: '' });
    expect(emptyRefundDraft({ refundableFen: 1050 })).toEqual({ amountYuan: '10.50', reason: '' });
  });

  it('turns a partial refund into fen with the reason trimmed', () => {
    expect(toRefundRequest({ amountYuan: '12.5', reason: ' 重复捐赠 ' }, 3000)).toEqual({
      request: { amountFen: 1250, reason: '重复捐赠' },
      problems: {},
    });
    expect(toRefundRequest({ amountYuan: '30', reason: '全额退回' }, 3000).request).toEqual({ amountFen: 3000, reason: '全额退回' });
  });

  it('never asks for more than is left, nor for nothing', () => {
    expect(toRefundRequest({ amountYuan: '30.01', reason: '退' }, 3000).problems).toEqual({ amountYuan: '最多可退 ¥30.00' });
    for (const amountYuan of ['', '0', '-1', '1.234', 'abc']) {
      expect(toRefundRequest({ amountYuan, reason: '退' }, 3000).problems.amountYuan).toBe('请填写退款金额（元），最多两位小数');
    }
  });

  it('wants a reason of at most 80 bytes, as WeChat Pay counts them', () => {
    expect(toRefundRequest({ amountYuan: '1', reason: '  ' }, 3000).problems).toEqual({ reason: '请填写退款原因，捐赠人会在微信中看到' });
    expect(toRefundRequest({ amountYuan: '1', reason: '退'.repeat(26) }, 3000).request).not.toBeNull();
    expect(toRefundRequest({ amountYuan: '1', reason: '退'.repeat(27) }, 3000).problems.reason).toBe(
      '退款原因最多 26 个汉字（80 字节），请删减',
    );
    expect(utf8Bytes('a¥退😀')).toBe(1 + 2 + 3 + 4);
  });

  it('says why the server refused, by code, in Chinese', () => {
    expect(refundRefusal('REFUND_EXCEEDS_PAID', 'x')).toContain('超过尚可退还的金额');
    expect(refundRefusal('FORBIDDEN', 'x')).toBe('只有管理员可以退款');
    expect(refundRefusal('PAYMENT_UNAVAILABLE', 'x')).toBe(ERRORS.PAYMENT_UNAVAILABLE.message);
    expect(refundRefusal('NETWORK_ERROR', '网络异常，请稍后重试')).toBe('网络异常，请稍后重试');
    // WeChat Pay's business refusals: the catalogue's words, or WeChat Pay's own reason where the server sends it.
    expect(refundRefusal('REFUND_ORDER_UNKNOWN', 'x')).toBe(ERRORS.REFUND_ORDER_UNKNOWN.message);
    expect(refundRefusal('REFUND_FUNDS_INSUFFICIENT', 'x')).toContain('余额不足');
    expect(refundRefusal('REFUND_REFUSED', '微信支付拒绝了这笔退款：退款金额超过可退金额')).toBe(
      '微信支付拒绝了这笔退款：退款金额超过可退金额',
    );
  });
});

describe('a gift’s refund state', () => {
  const gift = { status: 'paid' as const, amountFen: 5000, refundedFen: 0, refundableFen: 5000, abnormalRefundFen: 0 };
  it('reads as paid, partly refunded, in progress, or refunded in full', () => {
    expect(refundStateLabel(gift)).toBe('已支付');
    expect(refundStateLabel({ ...gift, refundedFen: 2000, refundableFen: 3000 })).toBe('已退 ¥20.00');
    expect(refundStateLabel({ ...gift, refundableFen: 3000 })).toBe('退款处理中');
    expect(refundStateLabel({ ...gift, refundableFen: 3000, abnormalRefundFen: 2000 })).toBe(
      '退款异常 ¥20.00：未能原路退回，请选择退回方式',
    );
    expect(refundStateLabel({ ...gift, status: 'refunded', refundedFen: 5000, refundableFen: 0 })).toBe('已全额退款');
  });
});

describe('the export period', () => {
  it('defaults to this month so far, in Beijing', () => {
    // 2026-11-30 17:00 UTC is already 1 December in Beijing.
    expect(defaultPeriod(new Date('2026-11-30T17:00:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-01' });
    expect(defaultPeriod(new Date('2026-11-29T03:00:00Z'))).toEqual({ from: '2026-11-01', to: '2026-11-29' });
  });

  it('must be real days, in order, at most 366 of them', () => {
    expect(periodProblem('2026-11-01', '2026-11-30')).toBeNull();
    expect(periodProblem('2026-11-30', '2026-11-30')).toBeNull();
    expect(periodProblem('2026-11-30', '2026-11-01')).toBe('结束日期不能早于开始日期');
    expect(periodProblem('2026-01-01', '2027-01-01')).toBeNull();
    expect(periodProblem('2026-01-01', '2027-01-02')).toBe('一次最多导出 366 天');
    expect(periodProblem('2026/11/01', '2026-11-30')).toBe('日期格式为 2026-11-01');
    expect(isDay('2026-13-01')).toBe(false);
  });
});
