import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUserDto, TreeDto } from '@alumni/shared';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { CampaignEntity } from './campaign.entity.js';
import { CampaignTreeEntity } from './campaign-tree.entity.js';
import type { UpdateTreeDto } from './dto/tree.dto.js';
import { GivingPhotosService } from './giving-photos.service.js';

/** The trees of sapling drives: a number exists once a paid gift was given it. */
@Injectable()
export class TreesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly photos: GivingPhotosService,
  ) {}

  async get(campaignId: string, treeNo: number): Promise<TreeDto> {
    const campaign = await this.dataSource.getRepository(CampaignEntity).findOneBy({ id: campaignId });
    assertTree(campaign, treeNo);
    const tree = await this.dataSource.getRepository(CampaignTreeEntity).findOneBy({ campaignId, treeNo });
    return toTree(campaignId, treeNo, tree);
  }

  /** Staff say where a tree stands (audited); saying it again replaces it. */
  async update(user: AuthUserDto, campaignId: string, treeNo: number, dto: UpdateTreeDto): Promise<TreeDto> {
    if ((dto.latitude == null) !== (dto.longitude == null))
      throw new AppError('VALIDATION_FAILED', [{ field: 'latitude', issue: 'latitude and longitude go together' }]);
    await this.photos.assertStored(dto.photoUrls);
    const tree = await this.dataSource.transaction(async (manager) => {
      assertTree(await manager.findOneBy(CampaignEntity, { id: campaignId }), treeNo);
      const before = await manager.findOneBy(CampaignTreeEntity, { campaignId, treeNo });
      const saved = await manager.save(
        manager.create(CampaignTreeEntity, {
          campaignId,
          treeNo,
          location: dto.location,
          latitude: dto.latitude ?? null,
          longitude: dto.longitude ?? null,
          photoUrls: dto.photoUrls ?? [],
          updatedBy: user.id,
        }),
      );
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'campaign.tree_updated',
        subjectType: 'campaign',
        subjectId: campaignId,
        before: before ? { ...toTree(campaignId, treeNo, before) } : null,
        after: { ...toTree(campaignId, treeNo, saved) },
      });
      return saved;
    });
    return toTree(campaignId, treeNo, tree);
  }
}

function assertTree(campaign: CampaignEntity | null, treeNo: number): void {
  if (!campaign || campaign.status === 'draft') throw new AppError('CAMPAIGN_NOT_FOUND');
  if (campaign.kind !== 'sapling' || treeNo > campaign.unitsRaised) throw new AppError('TREE_NOT_FOUND');
}

function toTree(campaignId: string, treeNo: number, tree: CampaignTreeEntity | null): TreeDto {
  return {
    campaignId,
    treeNo,
    location: tree?.location ?? '',
    latitude: tree?.latitude ?? null,
    longitude: tree?.longitude ?? null,
    photoUrls: tree?.photoUrls ?? [],
    updatedAt: tree?.updatedAt.toISOString() ?? null,
  };
}
