import {
  formatFen,
  type GivingDayChallengeProgressDto,
  type GivingDayDto,
  type GivingDayLiveDto,
  givingDayIdOfScene,
} from '@alumni/shared';
import { GIVING_DAY_URL } from '../../components/campaign-links';
import { recordIdOf } from '../../components/scene-params';

const pad = (n: number) => String(n).padStart(2, '0');

/** "2 天 03:04:05", or "03:04:05" within a day; never below zero. */
export function countdown(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const clock = `${pad(Math.floor((total % 86_400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
  return days > 0 ? `${days} 天 ${clock}` : clock;
}

/** What the countdown counts to at `nowMs` (the phone's clock corrected to the server's): the start, the end, or nothing. */
export function countdownLine(live: Pick<GivingDayLiveDto, 'day'>, nowMs: number): { label: string; value: string | null } {
  const starts = Date.parse(live.day.startsAt);
  const ends = Date.parse(live.day.endsAt);
  if (nowMs < starts) return { label: '距开始', value: countdown(starts - nowMs) };
  if (nowMs < ends) return { label: '距结束', value: countdown(ends - nowMs) };
  return { label: '捐赠日已结束', value: null };
}

/** Everything the day brought: gifts, sponsors' matches and unlocked bonuses. */
export const dayTotalFen = (live: Pick<GivingDayLiveDto, 'totals'>) =>
  live.totals.raisedFen + live.totals.matchedFen + live.totals.bonusFen;

/** "还差 2 人解锁" / "已解锁 ¥500.00"; for competitions, what leads. */
export function challengeLine(challenge: GivingDayChallengeProgressDto): string {
  if (challenge.kind === 'donor_unlock') {
    if (challenge.unlocked) return `已解锁 ${challenge.sponsorName ?? ''} ${formatFen(challenge.bonusFen ?? 0)}`.replace(/\s+/g, ' ');
    return `${challenge.progress} / ${challenge.donorTarget} 人 · 还差 ${(challenge.donorTarget ?? 0) - challenge.progress} 人解锁 ${formatFen(challenge.bonusFen ?? 0)}`;
  }
  const leader = challenge.board?.entries[0];
  if (!leader) return '还没有人参与，快来为你的集体争光';
  return `领先：${leader.name} · ${challenge.metric === 'amount' ? formatFen(leader.amountFen ?? 0) : `${leader.donors} 人`}`;
}

/** Percent of a target, whole, at most 100. */
export const percentOf = (value: number, target: number | null | undefined) =>
  target ? Math.min(100, Math.floor((value * 100) / target)) : 0;

/** The day a page was opened for: `?id=` (lists, share cards) or `?scene=` (the poster's mini-program code). */
export const givingDayIdOf = (params: Record<string, string | undefined>) => recordIdOf(params, givingDayIdOfScene);

const shareTitle = (day: Pick<GivingDayDto, 'title'>) => `${day.title}：一起为母校加油`;

/** The card of a day shared to a chat (onShareAppMessage): the page that opens it. */
export function givingDayShareCard(day: Pick<GivingDayDto, 'id' | 'title'>): { title: string; path: string } {
  return { title: shareTitle(day), path: `${GIVING_DAY_URL}?id=${day.id}` };
}

/** The same day shared to Moments (onShareTimeline): WeChat opens this page with `query`. */
export function givingDayTimelineCard(day: Pick<GivingDayDto, 'id' | 'title'>): { title: string; query: string } {
  return { title: shareTitle(day), query: `id=${day.id}` };
}
