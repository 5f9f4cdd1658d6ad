import type { CampaignStatus } from '@alumni/shared';

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: '草稿',
  open: '进行中',
  closed: '已结束',
};
