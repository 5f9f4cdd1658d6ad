export const CAMPAIGN_KINDS = ['sapling', 'student_aid', 'scholarship', 'general'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

export const CAMPAIGN_KIND_LABELS: Record<CampaignKind, string> = {
  sapling: '植树',
  student_aid: '助学',
  scholarship: '奖学金',
  general: '综合',
};

export const CAMPAIGN_STATUSES = ['draft', 'open', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** What a list of campaigns shows for each one. Amounts are integer fen. */
export interface CampaignSummaryDto {
  id: string;
  title: string;
  kind: CampaignKind;
  status: CampaignStatus;
  summary: string;
  coverUrl: string | null;
  goalFen: number;
  raisedFen: number;
  donorCount: number;
  /** Units given so far, e.g. saplings planted ("已种 1,024 棵树苗"); 0 for a drive without a unit. */
  unitsRaised: number;
  /** e.g. `{ name: '棵树苗', priceFen: 3000 }` for "1 棵树苗 = ¥30". */
  unit: { name: string; priceFen: number } | null;
  endsAt: string | null;
}
