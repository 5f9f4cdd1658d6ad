import { type DonationDto, type DonationStatus, formatFen } from '@alumni/shared';

export const DONATION_STATUS_LABELS: Record<DonationStatus, string> = {
  pending: '待支付',
  paid: '已捐赠',
  closed: '已关闭',
  refunded: '已退款',
};

/** "¥30.00", "¥30.00（已退 ¥10.00）" after a partial refund, "¥30.00 · 获配捐 ¥30.00" with a sponsor's match. */
export function amountLine(donation: Pick<DonationDto, 'amountFen' | 'refundedFen' | 'matchedFen' | 'status'>): string {
  const refunded = donation.refundedFen > 0 && donation.status !== 'refunded' ? `（已退 ${formatFen(donation.refundedFen)}）` : '';
  const matched = donation.matchedFen > 0 ? ` · 获配捐 ${formatFen(donation.matchedFen)}` : '';
  return `${formatFen(donation.amountFen)}${refunded}${matched}`;
}
