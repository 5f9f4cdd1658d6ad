import { formatFen, type ReconciliationDifferenceDto, type ReconciliationDifferenceKind } from '@alumni/shared';

export const DIFFERENCE_KIND_LABELS: Record<ReconciliationDifferenceKind, string> = {
  missing_here: '微信支付已收款，本系统未记为已支付',
  missing_there: '本系统记为已支付，微信支付账单中没有',
  amount_differs: '金额不一致',
};

/** The two amounts side by side; a side that does not have the payment says so. */
export function differenceAmounts(d: Pick<ReconciliationDifferenceDto, 'ourFen' | 'billFen'>): string {
  const side = (fen: number | null) => (fen === null ? '无' : formatFen(fen));
  return `本系统 ${side(d.ourFen)} · 微信支付 ${side(d.billFen)}`;
}
