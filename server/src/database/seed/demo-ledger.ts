import type { EntityManager } from 'typeorm';
import { CampaignDisbursementEntity } from '../../giving/campaign-disbursement.entity.js';
import { CampaignEntity } from '../../giving/campaign.entity.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A share of what a drive raised, spent on a day (days before the seed's `now`), on something a donor can read. */
interface Spending {
  share: number;
  daysAgo: number;
  purpose: string;
}

/**
 * The fund-use ledger (资金使用) of the drives that have spent: the closed 2025 tree drive spent
 * exactly what it raised, the student-aid fund part of it (the open tree drive has spent nothing
 * yet: the giving journey records its first entry). Written after the gifts (the shares are of
 * `raised_fen`), with each campaign's `spent_fen` equal to the sum of its entries, as
 * DisbursementsService keeps it; the last entry of a fully spent drive takes the remainder so the
 * sum is exact to the fen.
 */
export async function seedDemoLedger(
  manager: EntityManager,
  { now, staffId, drives }: { now: Date; staffId: string; drives: Record<'aid' | 'trees2025', CampaignEntity> },
): Promise<void> {
  const plan: [CampaignEntity, Spending[]][] = [
    [
      drives.trees2025,
      [
        { share: 0.7, daysAgo: 330, purpose: '采购树苗 1,200 棵（香樟、银杏、桂花），含运输' },
        { share: 0.3, daysAgo: 310, purpose: '栽种、挂牌与首年养护（南校区东坡）' },
      ],
    ],
    [drives.aid, [{ share: 0.4, daysAgo: 6, purpose: '第一批助学金：12 名家庭经济困难学生的学费与生活费' }]],
  ];
  for (const [drive, spendings] of plan) {
    const { raisedFen } = await manager.findOneByOrFail(CampaignEntity, { id: drive.id });
    const fullySpent = spendings.reduce((sum, s) => sum + s.share, 0) === 1;
    let left = raisedFen;
    const entries = spendings.map((s, i) => {
      const amountFen = fullySpent && i === spendings.length - 1 ? left : Math.floor(raisedFen * s.share);
      left -= amountFen;
      const day = new Date(now.getTime() - s.daysAgo * DAY_MS);
      return {
        campaignId: drive.id,
        // Beijing's day of the spending.
        spentOn: new Date(day.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10),
        amountFen,
        purpose: s.purpose,
        createdBy: staffId,
        createdAt: day,
      };
    });
    await manager.insert(CampaignDisbursementEntity, entries);
    await manager.update(CampaignEntity, { id: drive.id }, { spentFen: raisedFen - left });
  }
}
