import type { CreateReceiptRequest, DonationReceiptDto, MyDonationDto, ReceiptPayerKind, VoidReceiptRequest } from '@alumni/shared';

export const PAYER_KIND_LABELS: Record<ReceiptPayerKind, string> = { person: '个人', company: '单位' };
export const RECEIPT_STATUS_LABELS: Record<DonationReceiptDto['status'], string> = {
  requested: '待开具',
  issued: '已开具',
  voided: '已作废',
};

/** The status as the donor and staff read it: an issued receipt with a refunded gift is 待作废. */
export function receiptStatusLabel(receipt: Pick<DonationReceiptDto, 'status' | 'voidDueAt'>): string {
  return receipt.status === 'issued' && receipt.voidDueAt ? '待作废' : RECEIPT_STATUS_LABELS[receipt.status];
}

/** The server's rules (receipts.service.ts), to say what is wrong before sending. */
const PATTERNS: Record<ReceiptPayerKind, RegExp> = {
  person: /^\d{17}[\dX]$/,
  company: /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/,
};

export interface ReceiptDraft {
  donationIds: string[];
  payerKind: ReceiptPayerKind;
  payerName: string;
  taxId: string;
}

export type ReceiptProblems = Partial<Record<'donationIds' | 'payerName' | 'taxId', string>>;

/** Paid gifts not on a receipt (a voided one released its gifts): the ones a request may name. */
export function receiptableGifts(gifts: MyDonationDto[], receipts: DonationReceiptDto[]): MyDonationDto[] {
  const taken = new Set(receipts.filter((r) => r.status !== 'voided').flatMap((r) => r.donationIds));
  return gifts.filter((g) => g.status === 'paid' && g.certificateNo !== null && !taken.has(g.id));
}

export function toReceiptRequest(draft: ReceiptDraft): { request: CreateReceiptRequest | null; problems: ReceiptProblems } {
  const problems: ReceiptProblems = {};
  if (draft.donationIds.length === 0) problems.donationIds = '请选择要开票的捐赠';
  if (draft.payerName.trim() === '') problems.payerName = draft.payerKind === 'person' ? '请填写票据上的姓名' : '请填写单位全称';
  const taxId = draft.taxId.replace(/\s/g, '').toUpperCase();
  if (!PATTERNS[draft.payerKind].test(taxId))
    problems.taxId = draft.payerKind === 'person' ? '请填写 18 位身份证号' : '请填写 18 位统一社会信用代码';
  if (Object.keys(problems).length > 0) return { request: null, problems };
  return { request: { donationIds: draft.donationIds, payerKind: draft.payerKind, payerName: draft.payerName.trim(), taxId }, problems };
}

/** Staff record a receipt voided (作废) or reversed (红冲) in the finance system. */
export interface VoidDraft {
  reason: string;
  reversalNo: string;
}

export function toVoidRequest(draft: VoidDraft): { request: VoidReceiptRequest | null; problem: string | null } {
  const reason = draft.reason.trim();
  if (reason === '') return { request: null, problem: '请填写作废原因，捐赠人会看到' };
  if (reason.length > 100) return { request: null, problem: '作废原因最多 100 字' };
  const reversalNo = draft.reversalNo.trim();
  if (reversalNo !== '' && !/^[\p{L}\p{N}-]{1,40}$/u.test(reversalNo))
    return { request: null, problem: '红字票据号只能是字母、数字或连字符' };
  return { request: { reason, ...(reversalNo ? { reversalNo } : {}) }, problem: null };
}
