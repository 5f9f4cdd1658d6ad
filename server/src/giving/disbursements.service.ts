import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { AuthUserDto, DisbursementDto, NoticeReachDto, Page } from '@alumni/shared';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { decodeCursor, type PageQueryDto, toPage } from '../common/pagination.js';
import { SubscriptionsService } from '../notifications/subscriptions.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import type { ReadCache } from '../read-cache/read-cache.js';
import { ReadCaches } from '../read-cache/read-caches.service.js';
import { CampaignEntity } from './campaign.entity.js';
import { CampaignDisbursementEntity } from './campaign-disbursement.entity.js';
import { DonationEntity } from './donation.entity.js';
import type { CreateDisbursementDto } from './dto/disbursement.dto.js';
import { GivingPhotosService } from './giving-photos.service.js';
import { beijingDay } from './reconciliation.service.js';

const FUNDS_USED_KIND = 'giving.funds_used';

const toDisbursement = (d: CampaignDisbursementEntity): DisbursementDto => ({
  id: d.id,
  campaignId: d.campaignId,
  spentOn: d.spentOn,
  amountFen: d.amountFen,
  purpose: d.purpose,
  photoUrls: d.photoUrls,
  createdAt: d.createdAt.toISOString(),
});

/**
 * The fund-use ledger. An entry, the campaign's spent total, the audit entry and a message
 * to every donor of the campaign (whatever they gave) commit together, so every donor
 * learns what their money did.
 */
@Injectable()
export class DisbursementsService {
  // Every visitor sees the same ledger: reused for a few seconds, dropped by a new entry or a drive's change.
  private readonly ledgerCache: ReadCache<Page<DisbursementDto>>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly photos: GivingPhotosService,
    private readonly subscriptions: SubscriptionsService,
    caches: ReadCaches,
  ) {
    this.ledgerCache = caches.create(['campaigns', 'campaign_disbursements']);
  }

  async create(user: AuthUserDto, campaignId: string, dto: CreateDisbursementDto): Promise<DisbursementDto> {
    if (Number.isNaN(Date.parse(dto.spentOn)) || dto.spentOn > beijingDay())
      throw new AppError('VALIDATION_FAILED', [{ field: 'spentOn', issue: 'must be a real day, not in the future' }]);
    await this.photos.assertStored(dto.photoUrls);
    const entry = await this.dataSource.transaction(async (manager) => {
      const campaign = await manager.findOne(CampaignEntity, { where: { id: campaignId }, lock: { mode: 'pessimistic_write' } });
      if (!campaign) throw new AppError('CAMPAIGN_NOT_FOUND');
      if (campaign.status === 'draft') throw new AppError('CAMPAIGN_STATE_CONFLICT', [{ issue: 'a draft campaign has no money to spend' }]);
      const saved = await manager.save(
        manager.create(CampaignDisbursementEntity, {
          campaignId,
          spentOn: dto.spentOn,
          amountFen: dto.amountFen,
          purpose: dto.purpose,
          photoUrls: dto.photoUrls ?? [],
          createdBy: user.id,
        }),
      );
      await manager.update(CampaignEntity, { id: campaignId }, { spentFen: campaign.spentFen + dto.amountFen });
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'campaign.disbursement_recorded',
        subjectType: 'campaign',
        subjectId: campaignId,
        after: toDisbursement(saved) as unknown as Record<string, unknown>,
      });
      const donors = await this.donorsOf(manager, campaignId);
      await this.outbox.enqueue(
        manager,
        donors.map((alumnus_id) => ({
          alumnusId: alumnus_id,
          kind: FUNDS_USED_KIND,
          dedupeKey: `${FUNDS_USED_KIND}:${saved.id}:${alumnus_id}`,
          payload: {
            campaignId,
            campaignTitle: campaign.title,
            disbursementId: saved.id,
            amountFen: saved.amountFen,
            purpose: saved.purpose,
          },
        })),
      );
      return saved;
    });
    return toDisbursement(entry);
  }

  /**
   * Who a new entry would tell, before staff record it: every donor in the message centre,
   * those who accepted the fund-use template by WeChat message too.
   */
  async audience(campaignId: string): Promise<NoticeReachDto> {
    const campaign = await this.dataSource.getRepository(CampaignEntity).findOneBy({ id: campaignId });
    if (!campaign) throw new AppError('CAMPAIGN_NOT_FOUND');
    return this.subscriptions.reach(await this.donorsOf(this.dataSource.manager, campaignId), FUNDS_USED_KIND);
  }

  /** A campaign's ledger, newest entry first. */
  list(campaignId: string, query: PageQueryDto): Promise<Page<DisbursementDto>> {
    return this.ledgerCache.get(`${campaignId} ${JSON.stringify(query)}`, async () => {
      const campaign = await this.dataSource.getRepository(CampaignEntity).findOneBy({ id: campaignId });
      if (!campaign || campaign.status === 'draft') throw new AppError('CAMPAIGN_NOT_FOUND');
      return this.page(this.entries().where('e.campaignId = :campaignId', { campaignId }), query);
    });
  }

  /** For "my giving": the entries of every campaign I have a paid gift in. */
  mine(user: AuthUserDto, query: PageQueryDto): Promise<Page<DisbursementDto>> {
    const gave = this.dataSource
      .getRepository(DonationEntity)
      .createQueryBuilder('d')
      .select('d.campaignId')
      .where('d.alumnusId = :me AND d.status = :paid');
    return this.page(this.entries().where(`e.campaignId IN (${gave.getQuery()})`, { me: user.id, paid: 'paid' }), query);
  }

  /** Every alumnus with a paid gift in the campaign, whatever its size. */
  private async donorsOf(manager: EntityManager, campaignId: string): Promise<string[]> {
    const rows: { alumnus_id: string }[] = await manager
      .createQueryBuilder(DonationEntity, 'd')
      .select('DISTINCT d.alumnusId', 'alumnus_id')
      .where('d.campaignId = :campaignId AND d.status = :paid AND d.alumnusId IS NOT NULL', { campaignId, paid: 'paid' })
      .getRawMany();
    return rows.map((row) => row.alumnus_id);
  }

  private entries(): SelectQueryBuilder<CampaignDisbursementEntity> {
    return this.dataSource.getRepository(CampaignDisbursementEntity).createQueryBuilder('e');
  }

  private async page(builder: SelectQueryBuilder<CampaignDisbursementEntity>, query: PageQueryDto): Promise<Page<DisbursementDto>> {
    const after = decodeCursor(query.cursor);
    if (after) builder.andWhere('(e.createdAt, e.id) < (:at, :id)', { at: after.at, id: after.id });
    const rows = await builder
      .orderBy('e.createdAt', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(query.limit + 1)
      .getMany();
    return toPage(rows, query.limit, (e) => ({ at: e.createdAt, id: e.id }), toDisbursement);
  }
}
