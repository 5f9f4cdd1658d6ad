import type { CreateReceiptRequest, DonationReceiptDto, MyDonationDto, ReceiptPayerKind } from '@alumni/shared';

export const PAYER_KIND_LABELS: Record<ReceiptPayerKind, string> = { person: '个人', company: '单位' };
export const RECEIPT_STATUS_LABELS: Record<DonationReceiptDto['status'], string> = { requested: '待开具', issued: '已开具' };

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

/** Paid gifts not yet on a receipt: the ones a request may name. */
export function receiptableGifts(gifts: MyDonationDto[], receipts: DonationReceiptDto[]): MyDonationDto[] {
  const taken = new Set(receipts.flatMap((r) => r.donationIds));
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
