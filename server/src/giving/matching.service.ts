import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import type { AuthUserDto, CampaignMatchDto, MatchPaymentDto, StaffCampaignMatchDto } from '@alumni/shared';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { CampaignEntity } from './campaign.entity.js';
import { CampaignMatchEntity } from './campaign-match.entity.js';
import type { CreateCampaignMatchDto, CreateMatchPaymentDto } from './dto/campaign-match.dto.js';
import { beijingDay } from './reconciliation.service.js';

/** A gift the posting pass is numbering, as matching needs it. */
export interface GiftToMatch {
  id: string;
  alumnus_id: string | null;
  amount_fen: string;
  paid_at: Date;
}

interface DonorFacts {
  id: string;
  first_time: boolean;
  graduation_year: number | null;
  department_id: string | null;
  class_name: string | null;
}

/** The fen a gift of `amountFen` earns at `ratioPercent`, rounded down (1:1 = 100). */
export const matchFor = (amountFen: number, ratioPercent: number): number => Math.floor((amountFen * ratioPercent) / 100);

export function toMatch(m: CampaignMatchEntity): CampaignMatchDto {
  return {
    id: m.id,
    sponsorKind: m.sponsorKind,
    sponsorName: m.sponsorName,
    ratioPercent: m.ratioPercent,
    capFen: m.capFen,
    matchedFen: m.matchedFen,
    remainingFen: m.capFen - m.matchedFen,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    firstTimeOnly: m.firstTimeOnly,
    forClass:
      m.classGraduationYear !== null && m.classDepartmentId !== null && m.className !== null
        ? { graduationYear: m.classGraduationYear, departmentId: m.classDepartmentId, className: m.className }
        : null,
  };
}

function toStaffMatch(m: CampaignMatchEntity): StaffCampaignMatchDto {
  return {
    ...toMatch(m),
    sponsorAlumnusId: m.sponsorAlumnusId,
    paidFen: m.paidFen,
    owedFen: m.matchedFen - m.paidFen,
    createdAt: m.createdAt.toISOString(),
  };
}

/**
 * Matching gifts (配捐; docs/giving.md, Matching gifts). A sponsor's pledge matches each paid
 * gift of its campaign inside its window (and, if it says so, only first-time donors' or one
 * class's) at its ratio until its cap. Matching happens in the posting pass, which holds the
 * campaign row's lock and takes gifts in posting order (payment order within a batch), so the cap is exact however
 * many instances receive payments at once: the gift that reaches it gets what is left, later
 * ones nothing. Several pledges on one campaign each match independently (oldest first). A
 * refund, under the same lock, gives back the match of the refunded part; what it frees is
 * matched to later gifts, not to earlier ones that found the pledge spent.
 */
@Injectable()
export class MatchingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * Matches a batch of gifts being posted, in their order; the caller holds the campaign
   * row's lock. Writes each gift's share, the pledges' and the campaign's totals; returns
   * what the batch matched in all.
   */
  async matchPosted(manager: EntityManager, campaign: CampaignEntity, gifts: GiftToMatch[]): Promise<number> {
    const pledges = await manager.find(CampaignMatchEntity, { where: { campaignId: campaign.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    const open = pledges.filter((p) => p.matchedFen < p.capFen);
    if (open.length === 0 || gifts.length === 0) return 0;
    const facts = new Map(
      (
        (await manager.query(
          `SELECT g.id, a.graduation_year, a.department_id, a.class_name,
                  g.alumnus_id IS NOT NULL AND NOT EXISTS (
                    SELECT 1 FROM donations p WHERE p.alumnus_id = g.alumnus_id AND p.status IN ('paid', 'refunded')
                       AND (p.paid_at, p.created_at, p.id) < (g.paid_at, g.created_at, g.id)) AS first_time
             FROM donations g LEFT JOIN alumni a ON a.id = g.alumnus_id
            WHERE g.id = ANY($1::uuid[])`,
          [gifts.map((g) => g.id)],
        )) as DonorFacts[]
      ).map((f) => [f.id, f]),
    );
    const shares: { donationId: string; matchId: string; fen: number }[] = [];
    for (const gift of gifts) {
      const donor = facts.get(gift.id);
      const paidAt = new Date(gift.paid_at).getTime();
      for (const pledge of open) {
        if (paidAt < pledge.startsAt.getTime() || paidAt >= pledge.endsAt.getTime()) continue;
        if (pledge.firstTimeOnly && !donor?.first_time) continue;
        if (
          pledge.className !== null &&
          (donor?.graduation_year !== pledge.classGraduationYear ||
            donor?.department_id !== pledge.classDepartmentId ||
            donor?.class_name !== pledge.className)
        )
          continue;
        const fen = Math.min(matchFor(Number(gift.amount_fen), pledge.ratioPercent), pledge.capFen - pledge.matchedFen);
        if (fen <= 0) continue;
        pledge.matchedFen += fen;
        shares.push({ donationId: gift.id, matchId: pledge.id, fen });
      }
    }
    if (shares.length === 0) return 0;
    await manager.query(
      `INSERT INTO donation_matches (donation_id, match_id, matched_fen) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::bigint[])`,
      [shares.map((s) => s.donationId), shares.map((s) => s.matchId), shares.map((s) => s.fen)],
    );
    await manager.query(
      `UPDATE donations AS d SET matched_fen = v.fen
         FROM (SELECT donation_id, sum(matched_fen) AS fen FROM donation_matches WHERE donation_id = ANY($1::uuid[]) GROUP BY donation_id) AS v
        WHERE d.id = v.donation_id`,
      [[...new Set(shares.map((s) => s.donationId))]],
    );
    const touched = open.filter((p) => shares.some((s) => s.matchId === p.id));
    await manager.query(
      `UPDATE campaign_matches AS m SET matched_fen = v.fen, updated_at = now() FROM unnest($1::uuid[], $2::bigint[]) AS v (id, fen) WHERE m.id = v.id`,
      [touched.map((p) => p.id), touched.map((p) => p.matchedFen)],
    );
    const total = shares.reduce((sum, s) => sum + s.fen, 0);
    await manager.query(`UPDATE campaigns SET matched_fen = matched_fen + $2 WHERE id = $1`, [campaign.id, total]);
    campaign.matchedFen += total;
    return total;
  }

  /**
   * A refund of a gift succeeded (the caller holds the campaign row's lock and has recorded the
   * refund on the donation): each pledge keeps the match of what the donor still gives, never
   * more than it matched, and the rest goes back to its remaining.
   */
  async releaseRefunded(
    manager: EntityManager,
    campaign: CampaignEntity,
    donation: { id: string; amountFen: number; refundedFen: number },
  ) {
    const rows = (await manager.query(
      `SELECT dm.match_id, dm.matched_fen::bigint AS matched_fen, m.ratio_percent
         FROM donation_matches dm JOIN campaign_matches m ON m.id = dm.match_id WHERE dm.donation_id = $1 ORDER BY m.created_at, m.id`,
      [donation.id],
    )) as { match_id: string; matched_fen: string; ratio_percent: number }[];
    const kept = donation.amountFen - donation.refundedFen;
    let released = 0;
    for (const row of rows) {
      const now = Number(row.matched_fen);
      const back = now - Math.min(now, matchFor(kept, row.ratio_percent));
      if (back === 0) continue;
      released += back;
      await manager.query(`UPDATE donation_matches SET matched_fen = matched_fen - $3 WHERE donation_id = $1 AND match_id = $2`, [
        donation.id,
        row.match_id,
        back,
      ]);
      await manager.query(`UPDATE campaign_matches SET matched_fen = matched_fen - $2, updated_at = now() WHERE id = $1`, [
        row.match_id,
        back,
      ]);
    }
    if (released === 0) return;
    await manager.query(`UPDATE donations SET matched_fen = matched_fen - $2 WHERE id = $1`, [donation.id, released]);
    await manager.query(`UPDATE campaigns SET matched_fen = matched_fen - $2 WHERE id = $1`, [campaign.id, released]);
    campaign.matchedFen -= released;
  }

  /** The pledges of each campaign, oldest first, as alumni see them. */
  async forCampaigns(campaignIds: string[]): Promise<Map<string, CampaignMatchDto[]>> {
    const byCampaign = new Map<string, CampaignMatchDto[]>(campaignIds.map((id) => [id, []]));
    if (campaignIds.length === 0) return byCampaign;
    const rows = await this.dataSource
      .getRepository(CampaignMatchEntity)
      .find({ where: { campaignId: In(campaignIds) }, order: { createdAt: 'ASC', id: 'ASC' } });
    for (const row of rows) byCampaign.get(row.campaignId)!.push(toMatch(row));
    return byCampaign;
  }

  async listForStaff(campaignId: string): Promise<StaffCampaignMatchDto[]> {
    await this.campaignOrFail(this.dataSource.manager, campaignId);
    const rows = await this.dataSource
      .getRepository(CampaignMatchEntity)
      .find({ where: { campaignId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(toStaffMatch);
  }

  async create(user: AuthUserDto, campaignId: string, dto: CreateCampaignMatchDto): Promise<StaffCampaignMatchDto> {
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    if (endsAt <= startsAt) throw new AppError('CAMPAIGN_MATCH_INVALID', [{ field: 'endsAt', issue: 'must be after startsAt' }]);
    if (dto.sponsorKind !== 'alumnus' && dto.sponsorAlumnusId)
      throw new AppError('CAMPAIGN_MATCH_INVALID', [{ field: 'sponsorAlumnusId', issue: 'only an alumnus sponsor has an account' }]);
    const saved = await this.dataSource.transaction(async (manager) => {
      const campaign = await this.campaignOrFail(manager, campaignId);
      if (campaign.status === 'closed')
        throw new AppError('CAMPAIGN_STATE_CONFLICT', [{ issue: 'a closed campaign takes no new matching pledge' }]);
      if (dto.sponsorAlumnusId) {
        const [found] = (await manager.query(`SELECT 1 FROM alumni WHERE id = $1 AND deleted_at IS NULL`, [
          dto.sponsorAlumnusId,
        ])) as unknown[];
        if (!found) throw new AppError('CAMPAIGN_MATCH_INVALID', [{ field: 'sponsorAlumnusId', issue: 'no such alumnus' }]);
      }
      if (dto.forClass) {
        const [department] = (await manager.query(`SELECT 1 FROM departments WHERE id = $1`, [dto.forClass.departmentId])) as unknown[];
        if (!department) throw new AppError('CAMPAIGN_MATCH_INVALID', [{ field: 'forClass.departmentId', issue: 'no such department' }]);
      }
      const match = await manager.save(
        manager.create(CampaignMatchEntity, {
          campaignId,
          sponsorKind: dto.sponsorKind,
          sponsorName: dto.sponsorName,
          sponsorAlumnusId: dto.sponsorAlumnusId ?? null,
          ratioPercent: dto.ratioPercent,
          capFen: dto.capFen,
          startsAt,
          endsAt,
          firstTimeOnly: dto.firstTimeOnly ?? false,
          classGraduationYear: dto.forClass?.graduationYear ?? null,
          classDepartmentId: dto.forClass?.departmentId ?? null,
          className: dto.forClass?.className ?? null,
          createdBy: user.id,
        }),
      );
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'campaign.match_created',
        subjectType: 'campaign',
        subjectId: campaignId,
        after: { ...toStaffMatch(match) },
      });
      return match;
    });
    return toStaffMatch(await this.dataSource.getRepository(CampaignMatchEntity).findOneByOrFail({ id: saved.id }));
  }

  /** The sponsor paid (part of) its pledge: a fulfilment record, never more than the cap in all. */
  async recordPayment(user: AuthUserDto, campaignId: string, matchId: string, dto: CreateMatchPaymentDto): Promise<MatchPaymentDto> {
    if (Number.isNaN(Date.parse(dto.receivedOn)) || dto.receivedOn < '2000-01-01' || dto.receivedOn > beijingDay())
      throw new AppError('VALIDATION_FAILED', [{ field: 'receivedOn', issue: 'must be a real day since 2000, not in the future' }]);
    return this.dataSource.transaction(async (manager) => {
      const match = await manager.findOne(CampaignMatchEntity, { where: { id: matchId, campaignId }, lock: { mode: 'pessimistic_write' } });
      if (!match) throw new AppError('CAMPAIGN_MATCH_NOT_FOUND');
      if (match.paidFen + dto.amountFen > match.capFen)
        throw new AppError('MATCH_PAYMENT_EXCEEDS_CAP', [
          { field: 'amountFen', issue: `at most ${match.capFen - match.paidFen} fen is left of the pledge's cap` },
        ]);
      const [row] = (await manager.query(
        `INSERT INTO campaign_match_payments (match_id, amount_fen, received_on, reference, recorded_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING id, to_char(received_on, 'YYYY-MM-DD') AS received_on, created_at`,
        [matchId, dto.amountFen, dto.receivedOn, dto.reference, user.id],
      )) as { id: string; received_on: string; created_at: Date }[];
      await manager.update(CampaignMatchEntity, { id: matchId }, { paidFen: match.paidFen + dto.amountFen });
      const payment: MatchPaymentDto = {
        id: row!.id,
        matchId,
        amountFen: dto.amountFen,
        receivedOn: row!.received_on,
        reference: dto.reference,
        createdAt: new Date(row!.created_at).toISOString(),
      };
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'campaign.match_paid',
        subjectType: 'campaign',
        subjectId: campaignId,
        after: { ...payment },
      });
      return payment;
    });
  }

  private async campaignOrFail(manager: EntityManager, id: string): Promise<CampaignEntity> {
    const campaign = await manager.findOneBy(CampaignEntity, { id });
    if (!campaign) throw new AppError('CAMPAIGN_NOT_FOUND');
    return campaign;
  }
}
