import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { type DataSource, In, type Repository } from 'typeorm';
import {
  type AuthUserDto,
  type CampaignDetailDto,
  type CampaignMatchDto,
  type CampaignSummaryDto,
  DEFAULT_MIN_DONATION_FEN,
  type Page,
} from '@alumni/shared';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { decodeCursor, keysetPage, type PageQueryDto, toPage } from '../common/pagination.js';
import type { ReadCache } from '../read-cache/read-cache.js';
import { ReadCaches } from '../read-cache/read-caches.service.js';
import { CampaignEntity } from './campaign.entity.js';
import type { CreateCampaignDto, UpdateCampaignDto } from './dto/campaign-input.dto.js';
import type { ListCampaignsQueryDto } from './dto/list-campaigns-query.dto.js';
import { MatchingService } from './matching.service.js';

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
    unitsRaised: campaign.unitsRaised,
    unit:
      campaign.unitName !== null && campaign.unitPriceFen !== null ? { name: campaign.unitName, priceFen: campaign.unitPriceFen } : null,
    endsAt: campaign.endsAt?.toISOString() ?? null,
  };
}

export function toCampaignDetail(campaign: CampaignEntity, matches: CampaignMatchDto[]): CampaignDetailDto {
  return {
    ...toCampaignSummary(campaign),
    story: campaign.story,
    beneficiary: campaign.beneficiary,
    suggestedAmountsFen: campaign.suggestedAmountsFen,
    minAmountFen: campaign.minAmountFen,
    maxAmountFen: campaign.maxAmountFen,
    spentFen: campaign.spentFen,
    startsAt: campaign.startsAt.toISOString(),
    matchedFen: campaign.matchedFen,
    matches,
  };
}

/** What staff may write; totals, counters and the creator are the server's. */
type CampaignValues = Pick<
  CampaignEntity,
  | 'title'
  | 'kind'
  | 'summary'
  | 'story'
  | 'coverUrl'
  | 'goalFen'
  | 'unitName'
  | 'unitPriceFen'
  | 'suggestedAmountsFen'
  | 'minAmountFen'
  | 'maxAmountFen'
  | 'startsAt'
  | 'endsAt'
  | 'beneficiary'
>;

/** The audited picture of a campaign: what staff set, not the running totals. */
const auditView = (c: CampaignEntity) => ({
  ...toCampaignDetail(c, []),
  matchedFen: undefined,
  matches: undefined,
  raisedFen: undefined,
  donorCount: undefined,
  unitsRaised: undefined,
  spentFen: undefined,
});

@Injectable()
export class CampaignsService {
  // What every visitor sees, reused for a few seconds and dropped when any drive changes (a gift updates its totals).
  private readonly listCache: ReadCache<Page<CampaignSummaryDto>>;
  private readonly detailCache: ReadCache<CampaignDetailDto>;

  constructor(
    @InjectRepository(CampaignEntity) private readonly campaigns: Repository<CampaignEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly matching: MatchingService,
    caches: ReadCaches,
  ) {
    this.listCache = caches.create(['campaigns']);
    this.detailCache = caches.create(['campaigns', 'campaign_matches']);
  }

  /** Open (or closed) drives, newest first. */
  list(query: ListCampaignsQueryDto): Promise<Page<CampaignSummaryDto>> {
    return this.listCache.get(JSON.stringify(query), async () => {
      const rows = await keysetPage(
        this.campaigns.createQueryBuilder('campaign').where('campaign.status = :status', { status: query.status }),
        'createdAt',
        'DESC',
        decodeCursor(query.cursor),
        query.limit,
      ).getMany();
      return toPage(rows, query.limit, (c) => ({ at: c.createdAt, id: c.id }), toCampaignSummary);
    });
  }

  /** One drive as alumni see it; drafts do not exist for them. */
  detail(id: string): Promise<CampaignDetailDto> {
    return this.detailCache.get(id, async () => {
      const campaign = await this.campaigns.findOneBy({ id });
      if (!campaign || campaign.status === 'draft') throw new AppError('CAMPAIGN_NOT_FOUND');
      return this.withMatches(campaign);
    });
  }

  /** Every drive, drafts included, newest first. */
  /**
   * Title, goal and what these campaigns raised (paid donations, refunds taken off), oldest
   * first, for another module's page or report; unknown ids are left out.
   */
  async figuresOf(ids: string[]): Promise<{ id: string; title: string; goalFen: number; raisedFen: number; donorCount: number }[]> {
    if (ids.length === 0) return [];
    const rows = await this.campaigns.find({ where: { id: In([...new Set(ids)]) }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map((c) => ({ id: c.id, title: c.title, goalFen: c.goalFen, raisedFen: c.raisedFen, donorCount: c.donorCount }));
  }

  async listForStaff(query: PageQueryDto): Promise<Page<CampaignDetailDto>> {
    const rows = await keysetPage(
      this.campaigns.createQueryBuilder('campaign'),
      'createdAt',
      'DESC',
      decodeCursor(query.cursor),
      query.limit,
    ).getMany();
    const matches = await this.matching.forCampaigns(rows.map((c) => c.id));
    return toPage(
      rows,
      query.limit,
      (c) => ({ at: c.createdAt, id: c.id }),
      (c) => toCampaignDetail(c, matches.get(c.id) ?? []),
    );
  }

  async detailForStaff(id: string): Promise<CampaignDetailDto> {
    const campaign = await this.campaigns.findOneBy({ id });
    if (!campaign) throw new AppError('CAMPAIGN_NOT_FOUND');
    return this.withMatches(campaign);
  }

  private async withMatches(campaign: CampaignEntity): Promise<CampaignDetailDto> {
    const matches = await this.matching.forCampaigns([campaign.id]);
    return toCampaignDetail(campaign, matches.get(campaign.id) ?? []);
  }

  /** A new drive, as a draft. */
  async create(user: AuthUserDto, dto: CreateCampaignDto): Promise<CampaignDetailDto> {
    const values = checkedValues({
      title: dto.title,
      kind: dto.kind,
      summary: dto.summary ?? '',
      story: dto.story ?? '',
      coverUrl: dto.coverUrl ?? null,
      goalFen: dto.goalFen,
      unitName: dto.unitName ?? null,
      unitPriceFen: dto.unitPriceFen ?? null,
      suggestedAmountsFen: dto.suggestedAmountsFen ?? [],
      minAmountFen: dto.minAmountFen ?? DEFAULT_MIN_DONATION_FEN,
      maxAmountFen: dto.maxAmountFen ?? null,
      startsAt: new Date(dto.startsAt),
      endsAt: dto.endsAt ? new Date(dto.endsAt) : null,
      beneficiary: dto.beneficiary ?? '',
    });
    const campaign = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(manager.create(CampaignEntity, { ...values, status: 'draft', createdBy: user.id }));
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'campaign.created',
        subjectType: 'campaign',
        subjectId: saved.id,
        after: auditView(saved),
      });
      return saved;
    });
    return toCampaignDetail(campaign, []);
  }

  /** Edits and status changes: draft → open ⇄ closed; back to draft only while nothing was given. */
  async update(user: AuthUserDto, id: string, dto: UpdateCampaignDto): Promise<CampaignDetailDto> {
    const campaign = await this.dataSource.transaction(async (manager) => {
      // Locked: a payment landing now updates the same row's totals.
      const current = await manager.findOne(CampaignEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new AppError('CAMPAIGN_NOT_FOUND');
      const before = auditView(current);
      const { status, ...fields } = dto;
      const values = checkedValues({
        ...current,
        ...fields,
        startsAt: fields.startsAt ? new Date(fields.startsAt) : current.startsAt,
        endsAt: fields.endsAt === undefined ? current.endsAt : fields.endsAt ? new Date(fields.endsAt) : null,
      } as CampaignValues);
      if (status === 'draft' && current.status !== 'draft' && current.paidCount > 0) {
        throw new AppError('CAMPAIGN_STATE_CONFLICT', [
          { field: 'status', issue: 'a campaign that has received gifts cannot go back to draft' },
        ]);
      }
      Object.assign(current, values, status ? { status } : {});
      const saved = await manager.save(current);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'campaign.updated',
        subjectType: 'campaign',
        subjectId: id,
        before,
        after: auditView(saved),
      });
      return saved;
    });
    return this.withMatches(campaign);
  }
}

/** The rules across fields, each with its own code. */
function checkedValues(values: CampaignValues): CampaignValues {
  if (values.endsAt && values.endsAt <= values.startsAt)
    throw new AppError('CAMPAIGN_WINDOW_INVALID', [{ field: 'endsAt', issue: 'must be after startsAt' }]);
  if ((values.unitName === null) !== (values.unitPriceFen === null))
    throw new AppError('CAMPAIGN_UNIT_INVALID', [{ field: 'unitName', issue: 'unitName and unitPriceFen go together' }]);
  if (values.kind === 'sapling' && values.unitPriceFen === null)
    throw new AppError('CAMPAIGN_UNIT_INVALID', [{ field: 'unitPriceFen', issue: 'a sapling drive needs a unit (the price of one tree)' }]);
  const { minAmountFen: min, maxAmountFen: max } = values;
  if (max !== null && max < min)
    throw new AppError('CAMPAIGN_AMOUNTS_INVALID', [{ field: 'maxAmountFen', issue: 'must not be below minAmountFen' }]);
  const outside = values.suggestedAmountsFen.find((a) => a < min || (max !== null && a > max));
  if (outside !== undefined)
    throw new AppError('CAMPAIGN_AMOUNTS_INVALID', [
      { field: 'suggestedAmountsFen', issue: `${outside} is outside minAmountFen–maxAmountFen` },
    ]);
  if (values.unitPriceFen !== null && (values.unitPriceFen < min || (max !== null && values.unitPriceFen > max)))
    throw new AppError('CAMPAIGN_AMOUNTS_INVALID', [{ field: 'unitPriceFen', issue: 'one unit must be a valid gift' }]);
  return values;
}
