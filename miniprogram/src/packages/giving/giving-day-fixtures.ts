import type { GivingDayLiveDto } from '@alumni/shared';
import { aidCampaign } from './test-fixtures';

/** A live giving day: ¥1,380 from 4 alumni, a donor challenge unlocked, class and department boards. */
export function givingDayLive(override: Partial<GivingDayLiveDto> = {}): GivingDayLiveDto {
  const classBoard = {
    metric: 'donors' as const,
    entries: [
      { rank: 1, name: '2015 届 计科1班', donors: 3, amountFen: null },
      { rank: 2, name: '2016 届 英语2班', donors: 1, amountFen: null },
    ],
  };
  const departmentBoard = { metric: 'amount' as const, entries: [{ rank: 1, name: '计算机学院', donors: 3, amountFen: 38_000 }] };
  return {
    day: {
      id: 'g1',
      title: '百年校庆捐赠日',
      summary: '一起为母校庆生',
      status: 'published',
      startsAt: '2026-12-06T00:00:00.000Z',
      endsAt: '2026-12-07T00:00:00.000Z',
      goalFen: 1_000_000,
      goalDonors: 100,
      campaignIds: ['c2'],
      challenges: [],
    },
    now: '2026-12-06T12:00:00.000Z',
    phase: 'live',
    totals: { raisedFen: 138_000, matchedFen: 4000, bonusFen: 50_000, donors: 4, gifts: 5 },
    campaigns: [aidCampaign()],
    recentDonors: [
      {
        donationId: 'd1',
        name: '李明',
        anonymous: false,
        amountFen: 10_000,
        units: 0,
        message: '',
        paidAt: '2026-12-06T11:00:00.000Z',
        campaignTitle: '春晖助学基金',
      },
    ],
    classBoard,
    departmentBoard,
    challenges: [
      {
        id: 'u1',
        kind: 'donor_unlock',
        title: '3 位校友参与，解锁 ¥500 配捐',
        metric: 'donors',
        donorTarget: 3,
        bonusFen: 50_000,
        sponsorName: '江州科技',
        progress: 4,
        unlocked: true,
        board: null,
      },
      {
        id: 'k1',
        kind: 'class_competition',
        title: '班级参与人数挑战',
        metric: 'donors',
        donorTarget: null,
        bonusFen: null,
        sponsorName: null,
        progress: 3,
        unlocked: false,
        board: classBoard,
      },
    ],
    posterCodeUrl: '/api/v1/giving-days/g1/poster-code',
    ...override,
  };
}
