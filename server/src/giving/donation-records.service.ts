import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  ANONYMOUS_DONOR_NAME,
  type AuthUserDto,
  DONATION_STATUSES,
  type DonationCertificateDto,
  type DonorWallEntryDto,
  formatFen,
  formatShanghaiDateTime,
  type MyDonationDto,
  type Page,
} from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { AppError } from '../common/app-error.js';
import type { ReadCache } from '../read-cache/read-cache.js';
import { ReadCaches } from '../read-cache/read-caches.service.js';
import { SchoolService } from '../school/school.service.js';
import { decodeCursor, type PageQueryDto, toPage } from '../common/pagination.js';
import { buildSpreadsheet, type SpreadsheetFile } from '../common/spreadsheet.js';
import { CampaignEntity } from './campaign.entity.js';
import { toCampaignSummary } from './campaigns.service.js';
import { DonationEntity } from './donation.entity.js';
import { toDonation } from './donation-ledger.service.js';
import type { ExportDonationsQueryDto } from './dto/donation-records.dto.js';

const STATUS_LABELS: Record<(typeof DONATION_STATUSES)[number], string> = {
  pending: '待支付',
  paid: '已支付',
  closed: '已关闭',
  refunded: '已退款',
};
const MAX_EXPORT_DAYS = 366;

/** Reading gifts back: my giving, a campaign's donor wall, the finance export. */
@Injectable()
export class DonationRecordsService {
  // Every visitor sees the same wall: reused for a few seconds, dropped by a gift, a drive's change or a renamed donor.
  private readonly wallCache: ReadCache<Page<DonorWallEntryDto>>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alumni: AlumniService,
    private readonly school: SchoolService,
    caches: ReadCaches,
  ) {
    this.wallCache = caches.create(['campaigns', 'donations', 'alumni']);
  }

  /** My gifts, newest first, each with its campaign (closed, never-paid orders left out). */
  async listMine(user: AuthUserDto, query: PageQueryDto): Promise<Page<MyDonationDto>> {
    const after = decodeCursor(query.cursor);
    const builder = this.dataSource
      .getRepository(DonationEntity)
      .createQueryBuilder('d')
      .innerJoinAndMapOne('d.campaign', CampaignEntity, 'c', 'c.id = d.campaignId')
      .where('d.alumnusId = :me AND d.status <> :closed', { me: user.id, closed: 'closed' });
    if (after) builder.andWhere('(d.createdAt, d.id) < (:at, :id)', { at: after.at, id: after.id });
    const rows = (await builder
      .orderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(query.limit + 1)
      .getMany()) as (DonationEntity & { campaign: CampaignEntity })[];
    return toPage(
      rows,
      query.limit,
      (d) => ({ at: d.createdAt, id: d.id }),
      (d) => ({ ...toDonation(d), campaign: toCampaignSummary(d.campaign) }),
    );
  }

  /** My certificate: only the donor's own, only once paid; it shows what the donor chose to show. */
  async certificate(user: AuthUserDto, id: string): Promise<DonationCertificateDto> {
    const donation = await this.dataSource.getRepository(DonationEntity).findOneBy({ id, alumnusId: user.id });
    if (!donation) throw new AppError('DONATION_NOT_FOUND');
    if (donation.status !== 'paid' || donation.certificateNo === null) throw new AppError('CERTIFICATE_NOT_ISSUED');
    const campaign = await this.dataSource.getRepository(CampaignEntity).findOneByOrFail({ id: donation.campaignId });
    const me = await this.alumni.findActive(user.id);
    if (!me) throw new AppError('ALUMNUS_NOT_FOUND');
    return {
      certificateNo: donation.certificateNo,
      donationId: donation.id,
      schoolName: await this.school.name(),
      donorName: donation.anonymous ? ANONYMOUS_DONOR_NAME : (me.realName ?? me.displayName),
      campaignTitle: campaign.title,
      campaignKind: campaign.kind,
      amountFen: donation.hideAmount ? null : donation.amountFen,
      units: donation.units,
      unitName: campaign.unitName,
      treeNumbers: toDonation(donation).treeNumbers,
      paidAt: donation.paidAt!.toISOString(),
    };
  }

  /** The donor wall: paid gifts, latest first, as each donor chose to be shown. */
  wall(campaignId: string, query: PageQueryDto): Promise<Page<DonorWallEntryDto>> {
    return this.wallCache.get(`${campaignId} ${JSON.stringify(query)}`, () => this.readWall(campaignId, query));
  }

  private async readWall(campaignId: string, query: PageQueryDto): Promise<Page<DonorWallEntryDto>> {
    const campaign = await this.dataSource.getRepository(CampaignEntity).findOneBy({ id: campaignId });
    if (!campaign || campaign.status === 'draft') throw new AppError('CAMPAIGN_NOT_FOUND');
    const after = decodeCursor(query.cursor);
    const builder = this.dataSource
      .getRepository(DonationEntity)
      .createQueryBuilder('d')
      .where('d.campaignId = :campaignId AND d.status = :paid', { campaignId, paid: 'paid' });
    if (after) builder.andWhere('(d.paidAt, d.id) < (:at, :id)', { at: after.at, id: after.id });
    const rows = await builder
      .orderBy('d.paidAt', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(query.limit + 1)
      .getMany();
    const named = rows.filter((d) => !d.anonymous && d.alumnusId !== null).map((d) => d.alumnusId!);
    const names = new Map((await this.alumni.findByIds([...new Set(named)])).map((a) => [a.id, a.displayName]));
    return toPage(
      rows,
      query.limit,
      (d) => ({ at: d.paidAt!, id: d.id }),
      (d) => ({
        donationId: d.id,
        name: (!d.anonymous && d.alumnusId !== null && names.get(d.alumnusId)) || ANONYMOUS_DONOR_NAME,
        anonymous: d.anonymous,
        amountFen: d.hideAmount ? null : d.amountFen,
        units: d.hideAmount ? null : d.units,
        message: d.messageHeld ? '' : d.message,
        paidAt: d.paidAt!.toISOString(),
      }),
    );
  }

  /** Paid (and refunded) gifts of a period, of one campaign or all, for finance, real names included: staff see who gave. */
  async exportForFinance(query: ExportDonationsQueryDto): Promise<SpreadsheetFile> {
    const from = new Date(`${query.from}T00:00:00+08:00`);
    const until = new Date(new Date(`${query.to}T00:00:00+08:00`).getTime() + 86_400_000);
    const days = (until.getTime() - from.getTime()) / 86_400_000;
    if (Number.isNaN(days) || days < 1 || days > MAX_EXPORT_DAYS)
      throw new AppError('VALIDATION_FAILED', [{ field: 'to', issue: `to must be on or after from, at most ${MAX_EXPORT_DAYS} days` }]);
    const builder = this.dataSource
      .getRepository(DonationEntity)
      .createQueryBuilder('d')
      .innerJoinAndMapOne('d.campaign', CampaignEntity, 'c', 'c.id = d.campaignId')
      .where('d.status IN (:...settled) AND d.paidAt >= :from AND d.paidAt < :until', { settled: ['paid', 'refunded'], from, until });
    if (query.campaignId) builder.andWhere('d.campaignId = :campaignId', { campaignId: query.campaignId });
    const rows = (await builder.orderBy('d.paidAt', 'ASC').addOrderBy('d.id', 'ASC').getMany()) as (DonationEntity & {
      campaign: CampaignEntity;
    })[];
    const people = new Map(
      (await this.alumni.findByIds([...new Set(rows.flatMap((d) => (d.alumnusId ? [d.alumnusId] : [])))])).map((a) => [a.id, a]),
    );
    return buildSpreadsheet({
      basename: `donations-${query.from}-${query.to}`,
      sheetName: '捐赠明细',
      header: ['支付时间', '项目', '捐赠人', '实名', '匿名', '金额', '已退款', '份数', '证书编号', '商户订单号', '微信支付订单号', '状态'],
      rows: rows.map((d) => {
        const person = d.alumnusId ? people.get(d.alumnusId) : undefined;
        return [
          formatShanghaiDateTime(d.paidAt!.toISOString()),
          d.campaign.title,
          person?.displayName ?? '（已注销）',
          person?.realName ?? '',
          d.anonymous ? '是' : '否',
          formatFen(d.amountFen),
          formatFen(d.refundedFen),
          String(d.units),
          d.certificateNo ?? '',
          d.outTradeNo,
          d.transactionId ?? '',
          STATUS_LABELS[d.status],
        ];
      }),
      format: query.format,
    });
  }
}
