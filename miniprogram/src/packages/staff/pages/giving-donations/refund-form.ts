import {
  ERRORS,
  type ErrorCode,
  formatFen,
  formatShanghaiDateTime,
  parseYuanToFen,
  REFUND_REASON_MAX_BYTES,
  type CreateRefundRequest,
  type StaffDonationDto,
} from '@alumni/shared';
import { yuan } from '../campaigns-editor/campaign-form';

/** A refund as an admin types it: the amount in yuan (all that is left, unless changed) and the reason the donor sees. */
export interface RefundDraft {
  amountYuan: string;
  reason: string;
}

export type RefundProblems = Partial<Record<keyof RefundDraft, string>>;

export function emptyRefundDraft(donation: Pick<StaffDonationDto, 'refundableFen'>): RefundDraft {
  return { amountYuan: yuan(donation.refundableFen), reason: '' };
}

/** Bytes of the text in UTF-8, as WeChat Pay counts the reason (a Chinese character is 3). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** The request, or what to fix first: an amount above 0 and never above what is left, and a short reason. */
export function toRefundRequest(
  draft: RefundDraft,
  refundableFen: number,
): { request: CreateRefundRequest | null; problems: RefundProblems } {
  const problems: RefundProblems = {};
  const amountFen = parseYuanToFen(draft.amountYuan);
  if (amountFen === null || amountFen === 0) problems.amountYuan = '请填写退款金额（元），最多两位小数';
  else if (amountFen > refundableFen) problems.amountYuan = `最多可退 ${formatFen(refundableFen)}`;
  const reason = draft.reason.trim();
  if (reason === '') problems.reason = '请填写退款原因，捐赠人会在微信中看到';
  else if (utf8Bytes(reason) > REFUND_REASON_MAX_BYTES) problems.reason = '退款原因最多 26 个汉字（80 字节），请删减';
  if (Object.keys(problems).length > 0) return { request: null, problems };
  return { request: { amountFen: amountFen!, reason }, problems };
}

/** What the refund sheet says when the server refuses, by error code; where the server's word is the clearest, its own message. */
const REFUND_REFUSALS: Partial<Record<ErrorCode, string>> = {
  REFUND_EXCEEDS_PAID: '退款金额超过尚可退还的金额（可能已有退款在处理中），请刷新后重试',
  DONATION_NOT_REFUNDABLE: '这笔捐赠已全额退款或未支付，不能再退款',
  FORBIDDEN: '只有管理员可以退款',
  PAYMENT_REJECTED: '微信支付未受理退款请求（多为商户号或证书配置有误），请联系技术人员查看服务器日志',
};

/** Refusals whose server message carries WeChat Pay's own reason (e.g. 退款金额超过可退金额): shown as sent. */
const SERVER_WORDED: ReadonlySet<string> = new Set(['REFUND_REFUSED']);

export function refundRefusal(code: string, message: string): string {
  if (SERVER_WORDED.has(code)) return message;
  return REFUND_REFUSALS[code as ErrorCode] ?? (code in ERRORS ? ERRORS[code as ErrorCode].message : message);
}

/** `YYYY-MM-DD` in Beijing. */
export const beijingDay = (at: Date) => formatShanghaiDateTime(at.toISOString()).slice(0, 10);

/** The export's default period: this month so far (Beijing). */
export function defaultPeriod(now: Date = new Date()): { from: string; to: string } {
  const to = beijingDay(now);
  return { from: `${to.slice(0, 8)}01`, to };
}

const MAX_EXPORT_DAYS = 366;

/** A real day written `YYYY-MM-DD`. */
export const isDay = (text: string) => /^\d{4}-\d\d-\d\d$/.test(text) && !Number.isNaN(Date.parse(text));

/** What a mistyped day is told. */
export const DAY_FORMAT = '日期格式为 2026-11-01';

/** Why the export's period cannot be asked for, or null. The server checks the same. */
export function periodProblem(from: string, to: string): string | null {
  if (!isDay(from) || !isDay(to)) return DAY_FORMAT;
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (days < 1) return '结束日期不能早于开始日期';
  if (days > MAX_EXPORT_DAYS) return `一次最多导出 ${MAX_EXPORT_DAYS} 天`;
  return null;
}

/**
 * How a gift stands as to refunds, for its row: a refund in progress holds money not yet given
 * back; an abnormal one needs staff to choose where it goes (abnormal-refunds.tsx).
 */
export function refundStateLabel(
  d: Pick<StaffDonationDto, 'status' | 'amountFen' | 'refundedFen' | 'refundableFen' | 'abnormalRefundFen'>,
): string {
  if (d.abnormalRefundFen > 0) return `退款异常 ${formatFen(d.abnormalRefundFen)}：未能原路退回，请选择退回方式`;
  if (d.status === 'refunded') return '已全额退款';
  if (d.refundableFen < d.amountFen - d.refundedFen) return '退款处理中';
  if (d.refundedFen > 0) return `已退 ${formatFen(d.refundedFen)}`;
  return '已支付';
}
