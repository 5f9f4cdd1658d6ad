import type { GivingDayChallengeProgressDto } from '@alumni/shared';
import { challengeLine, countdown, countdownLine, dayTotalFen, percentOf } from './giving-day-view';

const day = { startsAt: '2026-12-06T00:00:00.000Z', endsAt: '2026-12-07T00:00:00.000Z' } as never;

describe('the giving-day page’s words', () => {
  it('counts down in days, hours, minutes and seconds, never below zero', () => {
    expect(countdown(((2 * 24 + 3) * 3600 + 4 * 60 + 5) * 1000)).toBe('2 天 03:04:05');
    expect(countdown(59_999)).toBe('00:00:59');
    expect(countdown(-5)).toBe('00:00:00');
  });

  it('counts to the start, then to the end, then says it ended', () => {
    expect(countdownLine({ day }, Date.parse('2026-12-05T23:00:00.000Z'))).toEqual({ label: '距开始', value: '01:00:00' });
    expect(countdownLine({ day }, Date.parse('2026-12-06T23:59:00.000Z'))).toEqual({ label: '距结束', value: '00:01:00' });
    expect(countdownLine({ day }, Date.parse('2026-12-07T00:00:00.000Z'))).toEqual({ label: '捐赠日已结束', value: null });
  });

  it('adds matches and bonuses to the day’s total', () => {
    expect(dayTotalFen({ totals: { raisedFen: 100, matchedFen: 50, bonusFen: 1000, donors: 1, gifts: 1 } })).toBe(1150);
    expect(percentOf(3, 4)).toBe(75);
    expect(percentOf(5, 4)).toBe(100);
    expect(percentOf(5, null)).toBe(0);
  });

  it('says what a challenge needs or who leads', () => {
    const base = {
      id: 'x',
      title: 't',
      metric: 'donors',
      donorTarget: null,
      bonusFen: null,
      sponsorName: null,
      unlocked: false,
      board: null,
    } as const;
    const unlock: GivingDayChallengeProgressDto = {
      ...base,
      kind: 'donor_unlock',
      donorTarget: 5,
      bonusFen: 50_000,
      sponsorName: '江州科技',
      progress: 3,
    };
    expect(challengeLine(unlock)).toBe('3 / 5 人 · 还差 2 人解锁 ¥500.00');
    expect(challengeLine({ ...unlock, progress: 5, unlocked: true })).toBe('已解锁 江州科技 ¥500.00');
    const race: GivingDayChallengeProgressDto = {
      ...base,
      kind: 'class_competition',
      progress: 3,
      board: { metric: 'donors', entries: [{ rank: 1, name: '2015 届 计科1班', donors: 3, amountFen: null }] },
    };
    expect(challengeLine(race)).toBe('领先：2015 届 计科1班 · 3 人');
    expect(challengeLine({ ...race, board: { metric: 'donors', entries: [] } })).toBe('还没有人参与，快来为你的集体争光');
  });
});
