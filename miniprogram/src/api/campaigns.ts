import type { CampaignSummaryDto, Page } from '@alumni/shared';
import { request } from './request';

export type CampaignListQuery = {
  /** Alumni see open and closed drives; drafts stay with staff. */
  status?: 'open' | 'closed';
  limit?: number;
  cursor?: string;
};

export function listCampaigns(query: CampaignListQuery = {}): Promise<Page<CampaignSummaryDto>> {
  return request<Page<CampaignSummaryDto>>({ path: '/api/v1/campaigns', query });
}
