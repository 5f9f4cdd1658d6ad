import {
  ABNORMAL_REFUND_BANKS,
  type AbnormalRefundRoute,
  type ApplyAbnormalRefundRequest,
  abnormalRefundBankName,
  BANK_CARD_NAME_MAX,
  BANK_CARD_PATTERN,
  ERRORS,
  type ErrorCode,
  formatFen,
  type StaffDonationRefundDto,
} from '@alumni/shared';

/** The two ways out of an abnormal refund, as staff read them. */
export const ROUTE_LABELS: Record<AbnormalRefundRoute, string> = {
  user_bank_card: '退回到捐赠人银行卡',
  merchant_bank_card: '退回到学校（商户）账户，线下处理',
};

/**
 * What an admin types to send an abnormal refund on. Card number and name live only in this
 * draft (component state) until the request is sent; nothing is saved on the device.
 */
export interface AbnormalRefundDraft {
  route: AbnormalRefundRoute | null;
  /** Index into ABNORMAL_REFUND_BANKS, or -1 before a bank is picked. */
  bank: number;
  bankAccount: string;
  realName: string;
}

export type AbnormalRefundProblems = Partial<Record<'route' | 'bank' | 'bankAccount' | 'realName', string>>;

export const emptyAbnormalDraft = (): AbnormalRefundDraft => ({ route: null, bank: -1, bankAccount: '', realName: '' });

/** The request, or what to fix first (the server checks the same). */
export function toAbnormalRequest(draft: AbnormalRefundDraft): {
  request: ApplyAbnormalRefundRequest | null;
  problems: AbnormalRefundProblems;
} {
  if (draft.route === null) return { request: null, problems: { route: '请选择退回方式' } };
  if (draft.route === 'merchant_bank_card') return { request: { route: 'merchant_bank_card' }, problems: {} };
  const problems: AbnormalRefundProblems = {};
  const bank = ABNORMAL_REFUND_BANKS[draft.bank];
  if (!bank) problems.bank = '请选择开户银行（仅支持这 15 家银行的借记卡）';
  const bankAccount = draft.bankAccount.replace(/[\s-]/g, '');
  if (!BANK_CARD_PATTERN.test(bankAccount)) problems.bankAccount = '请填写捐赠人的借记卡卡号（12–30 位数字）';
  const realName = draft.realName.trim();
  if (realName === '') problems.realName = '请填写持卡人姓名';
  else if ([...realName].length > BANK_CARD_NAME_MAX) problems.realName = `持卡人姓名最多 ${BANK_CARD_NAME_MAX} 个字`;
  if (Object.keys(problems).length > 0) return { request: null, problems };
  return { request: { route: 'user_bank_card', bankType: bank!.code, bankAccount, realName }, problems };
}

/** The confirmation before sending: where the money goes, and that it cannot be undone. */
export function abnormalConfirmation(refund: Pick<StaffDonationRefundDto, 'amountFen'>, request: ApplyAbnormalRefundRequest): string {
  const amount = formatFen(refund.amountFen);
  if (request.route === 'merchant_bank_card')
    return `将把 ${amount} 退回到学校（商户）结算账户，之后需由校友会线下退还给捐赠人。捐赠人会收到说明。提交后不能撤销。`;
  const last4 = request.bankAccount!.slice(-4);
  return `将把 ${amount} 退到 ${request.realName} 的${abnormalRefundBankName(request.bankType)}借记卡（尾号 ${last4}）。请核对卡号与姓名，提交后不能撤销。`;
}

/** Where a refund stands, for its line in the panel. */
export function refundLine(refund: StaffDonationRefundDto): string {
  const state =
    refund.status === 'abnormal'
      ? '退款异常：未能原路退回'
      : refund.status === 'processing'
        ? '微信支付处理中'
        : refund.status === 'succeeded'
          ? '已退回'
          : '已关闭（未退款）';
  const where = refund.abnormal
    ? refund.abnormal.route === 'user_bank_card'
      ? ` · 改退至${abnormalRefundBankName(refund.abnormal.bankType)}借记卡（尾号 ${refund.abnormal.cardLast4 ?? '—'}）`
      : ' · 改退至学校账户，线下退还'
    : '';
  return `${formatFen(refund.amountFen)} · ${state}${where}`;
}

const REFUSALS: Partial<Record<ErrorCode, string>> = {
  REFUND_NOT_ABNORMAL: '这笔退款已不是「退款异常」（可能已在商户平台处理或已到账），请刷新后查看',
  FORBIDDEN: '只有管理员可以处理退款异常',
  PAYMENT_UNAVAILABLE: '微信支付暂时不可用，未提交；请稍后再试',
  PAYMENT_REJECTED: '微信支付未受理（多为商户号或证书配置有误），请联系技术人员查看服务器日志',
};

export function abnormalRefusal(code: string, message: string): string {
  if (code === 'REFUND_REFUSED') return message;
  return REFUSALS[code as ErrorCode] ?? (code in ERRORS ? ERRORS[code as ErrorCode].message : message);
}
