import { randomBytes } from 'node:crypto';
import type { CampaignKind } from '@alumni/shared';

/**
 * The numbers a donation carries, in one place so that every writer (the ledger, the order,
 * the demo seed) produces the same formats.
 */

/** `AL` + yymmdd (Beijing) + 20 hex: 28 characters of [A-Za-z0-9], unique per merchant. */
export function outTradeNo(at: Date, randomHex: string = randomBytes(10).toString('hex')): string {
  const day = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(2, 10).replace(/-/g, '');
  return `AL${day}${randomHex.toUpperCase()}`;
}

/** `GIV-<first 8 of the campaign id>-<the campaign's paid count, 6 digits>`. */
export function certificateNo(campaignId: string, paidCount: number): string {
  return `GIV-${campaignId.slice(0, 8).toUpperCase()}-${String(paidCount).padStart(6, '0')}`;
}

/**
 * Sapling drives number each paid unit after the highest tree number ever given in the
 * campaign (refunded gifts keep theirs, so a number is never given twice); other gifts have
 * no trees.
 */
export function firstTreeNo(kind: CampaignKind, lastTreeNo: number, units: number): number | null {
  return kind === 'sapling' && units > 0 ? lastTreeNo + 1 : null;
}
