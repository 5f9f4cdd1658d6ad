import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type Page, STAFF_DONATION_STATUSES, type StaffDonationDto } from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { AppError } from '../common/app-error.js';
import { escapeLike } from '../common/escape-like.js';
import { keysetPage, decodeCursor, toPage } from '../common/pagination.js';
import { CampaignEntity } from './campaign.entity.js';
import { DonationEntity } from './donation.entity.js';
import { toDonation } from './donation-ledger.service.js';
import type { ListStaffDonationsQueryDto } from './dto/staff-donations.dto.js';

const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);
const DAY_MS = 86_400_000;

/**
 * The gifts staff look through before a refund: paid ones and ones refunded in full (the
 * finance export's rows), latest payment first, with the donor's names and what a refund may
 * still take.
 */
@Injectable()
export class StaffDonationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alumni: AlumniService,
  ) {}

  async list(query: ListStaffDonationsQueryDto): Promise<Page<StaffDonationDto>> {
    if (query.from && query.to && query.to < query.from)
      throw new AppError('VALIDATION_FAILED', [{ field: 'to', issue: 'to must be on or after from' }]);
    const builder = this.dataSource
      .getRepository(DonationEntity)
      .createQueryBuilder('d')
      .innerJoinAndMapOne('d.campaign', CampaignEntity, 'c', 'c.id = d.campaignId')
      .where('d.status IN (:...statuses)', { statuses: query.status ? [query.status] : STAFF_DONATION_STATUSES });
    if (query.campaignId) builder.andWhere('d.campaignId = :campaignId', { campaignId: query.campaignId });
    if (query.refund === 'abnormal')
      builder.andWhere(`EXISTS (SELECT 1 FROM donation_refunds r WHERE r.donation_id = d.id AND r.status = 'abnormal')`);
    if (query.from) builder.andWhere('d.paidAt >= :from', { from: dayStart(query.from) });
    if (query.to) builder.andWhere('d.paidAt < :until', { until: new Date(dayStart(query.to).getTime() + DAY_MS) });
    if (query.q) {
      const names = this.dataSource
        .getRepository(AlumnusEntity)
        .createQueryBuilder('a')
        .select('a.id')
        .where('a.displayName ILIKE :like OR a.realName ILIKE :like');
      builder.andWhere(`(d.outTradeNo = :q OR d.certificateNo = :q OR d.alumnusId IN (${names.getQuery()}))`, {
        q: query.q,
        like: `%${escapeLike(query.q)}%`,
      });
    }
    const rows = (await keysetPage(builder, 'paidAt', 'DESC', decodeCursor(query.cursor), query.limit).getMany()) as (DonationEntity & {
      campaign: CampaignEntity;
    })[];
    const shown = rows.slice(0, query.limit);
    const people = new Map(
      (await this.alumni.findByIds([...new Set(shown.flatMap((d) => (d.alumnusId ? [d.alumnusId] : [])))])).map((a) => [a.id, a]),
    );
    const reserved = await this.reservedByRefunds(shown.map((d) => d.id));
    return toPage(
      rows,
      query.limit,
      (d) => ({ at: d.paidAt!, id: d.id }),
      (d) => {
        const person = d.alumnusId ? people.get(d.alumnusId) : undefined;
        const erased = !person || person.deletedAt !== null;
        return {
          ...toDonation(d),
          campaignTitle: d.campaign.title,
          donorName: erased ? null : person.displayName,
          realName: erased ? null : person.realName,
          refundableFen: d.status === 'paid' ? d.amountFen - (reserved.get(d.id)?.reserved ?? 0) : 0,
          abnormalRefundFen: reserved.get(d.id)?.abnormal ?? 0,
        };
      },
    );
  }

  /** Per donation, the fen its refunds hold (every refund not closed), as RefundsService counts it. */
  /** Per gift: what its refunds not closed hold, and how much of it WeChat Pay reports abnormal. */
  private async reservedByRefunds(ids: string[]): Promise<Map<string, { reserved: number; abnormal: number }>> {
    if (ids.length === 0) return new Map();
    const rows: { donation_id: string; fen: string; abnormal: string }[] = await this.dataSource.query(
      `SELECT donation_id, sum(amount_fen)::text AS fen,
              coalesce(sum(amount_fen) FILTER (WHERE status = 'abnormal'), 0)::text AS abnormal
         FROM donation_refunds
        WHERE donation_id = ANY($1) AND status <> 'closed' GROUP BY donation_id`,
      [ids],
    );
    return new Map(rows.map((r) => [r.donation_id, { reserved: Number(r.fen), abnormal: Number(r.abnormal) }]));
  }
}
