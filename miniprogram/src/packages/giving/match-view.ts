import { type CampaignMatchDto, formatFen, formatShanghaiShort } from '@alumni/shared';

/** Where a pledge stands at `now`. */
export type MatchState = 'upcoming' | 'live' | 'spent' | 'ended';

export const MATCH_STATE_LABELS: Record<MatchState, string> = {
  upcoming: '未开始',
  live: '配捐中',
  spent: '已配满',
  ended: '已结束',
};

export function matchState(match: Pick<CampaignMatchDto, 'startsAt' | 'endsAt' | 'remainingFen'>, now = Date.now()): MatchState {
  if (match.remainingFen <= 0) return 'spent';
  if (now < Date.parse(match.startsAt)) return 'upcoming';
  if (now >= Date.parse(match.endsAt)) return 'ended';
  return 'live';
}

/** "1:1 配捐", or "每捐 ¥1 配 ¥0.5" for other ratios (100 = 1:1). */
export function ratioLabel(ratioPercent: number): string {
  if (ratioPercent === 100) return '1:1 配捐';
  return `每捐 ¥1 配 ¥${String(ratioPercent / 100)}`;
}

/** Who is matched: "仅首次捐赠的校友 · 限 2015 届 计科1班"; empty when every gift is. */
export function matchConditions(match: Pick<CampaignMatchDto, 'firstTimeOnly' | 'forClass'>): string {
  const parts: string[] = [];
  if (match.firstTimeOnly) parts.push('仅首次捐赠的校友');
  if (match.forClass) parts.push(`限 ${match.forClass.graduationYear} 届 ${match.forClass.className}`);
  return parts.join(' · ');
}

/** "12月6日 20:00 – 12月7日 20:00". */
export const matchWindow = (match: Pick<CampaignMatchDto, 'startsAt' | 'endsAt'>): string =>
  `${formatShanghaiShort(match.startsAt)} – ${formatShanghaiShort(match.endsAt)}`;

/** What a gift brought with its match: "你的捐赠获配捐 ¥30.00，共为项目带来 ¥60.00"; empty without one. */
export function matchedLine(gift: { amountFen: number; refundedFen: number; matchedFen: number }): string {
  if (gift.matchedFen <= 0) return '';
  return `你的捐赠获配捐 ${formatFen(gift.matchedFen)}，共为项目带来 ${formatFen(gift.amountFen - gift.refundedFen + gift.matchedFen)}`;
}
