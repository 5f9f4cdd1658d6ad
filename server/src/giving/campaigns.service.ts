import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { CampaignSummaryDto, Page } from '@alumni/shared';
import { decodeCursor, keysetPage, toPage } from '../common/pagination.js';
import { CampaignEntity } from './campaign.entity.js';
import type { ListCampaignsQueryDto } from './dto/list-campaigns-query.dto.js';

export function toCampaignSummary(campaign: CampaignEntity): CampaignSummaryDto {
  return {
    id: campaign.id,
    title: campaign.title,
    kind: campaign.kind,
    status: campaign.status,
    summary: campaign.summary,
    coverUrl: campaign.coverUrl,
    goalFen: campaign.goalFen,
    raisedFen: campaign.raisedFen,
    donorCount: campaign.donorCount,
    unit:
      campaign.unitName !== null && campaign.unitPriceFen !== null ? { name: campaign.unitName, priceFen: campaign.unitPriceFen } : null,
    endsAt: campaign.endsAt?.toISOString() ?? null,
  };
}

@Injectable()
export class CampaignsService {
  constructor(@InjectRepository(CampaignEntity) private readonly campaigns: Repository<CampaignEntity>) {}

  /** Open (or closed) drives, newest first. */
  async list(query: ListCampaignsQueryDto): Promise<Page<CampaignSummaryDto>> {
    const rows = await keysetPage(
      this.campaigns.createQueryBuilder('campaign').where('campaign.status = :status', { status: query.status }),
      'createdAt',
      'DESC',
      decodeCursor(query.cursor),
      query.limit,
    ).getMany();
    return toPage(rows, query.limit, (c) => ({ at: c.createdAt, id: c.id }), toCampaignSummary);
  }
}
