import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';

/** Alumni see open and closed drives; drafts are for staff only. */
export const PUBLIC_CAMPAIGN_STATUSES = ['open', 'closed'] as const;
export type PublicCampaignStatus = (typeof PUBLIC_CAMPAIGN_STATUSES)[number];

export class ListCampaignsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PUBLIC_CAMPAIGN_STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(PUBLIC_CAMPAIGN_STATUSES)
  status: PublicCampaignStatus = 'open';
}
