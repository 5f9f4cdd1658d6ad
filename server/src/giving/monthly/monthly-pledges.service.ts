import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, IsNull, QueryFailedError } from 'typeorm';
import {
  type AuthUserDto,
  type CreateMonthlyPledgeRequest,
  MONTHLY_MAX_FEN,
  MONTHLY_MIN_FEN,
  type MonthlyInstalmentDetailDto,
  type MonthlyInstalmentDto,
  type MonthlyInstalmentOrderDto,
  type MonthlyPledgeDto,
  type UpdateMonthlyPledgeRequest,
} from '@alumni/shared';
import { AlumniService } from '../../alumni/alumni.service.js';
import { AppError } from '../../common/app-error.js';
import { InteractionsService } from '../../interactions/interactions.service.js';
import { WechatPayClient } from '../../wechat-pay/wechat-pay.client.js';
import { CampaignEntity } from '../campaign.entity.js';
import { DonationEntity } from '../donation.entity.js';
import { toDonation } from '../donation-ledger.service.js';
import { DonationsService } from '../donations.service.js';
import { MonthlyDeductionService, toContract } from './monthly-deduction.service.js';
import { MonthlyInstalmentEntity, MonthlyPledgeEntity } from './monthly-pledge.entity.js';
import { shanghaiMonth } from './monthly-months.js';

/** An open order closer than this to its expiry is not handed out again (WeChat Pay would close it mid-payment). */
const REUSE_MARGIN_MS = 2 * 60 * 1000;

const isUniqueViolation = (error: unknown) =>
  error instanceof QueryFailedError && (error as QueryFailedError & { code?: string }).code === '23505';

export function toInstalment(row: MonthlyInstalmentEntity): MonthlyInstalmentDto {
  return {
    id: row.id,
    pledgeId: row.pledgeId,
    month: row.month,
    amountFen: row.amountFen,
    status: row.status,
    donationId: row.donationId,
    invitedAt: row.invitedAt.toISOString(),
    paidAt: row.paidAt?.toISOString() ?? null,
  };
}

/**
 * A donor's side of monthly giving (月捐): pledge, see, pause, resume, change, cancel, and pay
 * a month in one tap. A month's gift is an ordinary donation ordered through DonationsService,
 * so totals, matching, certificates and receipts treat it like any other gift; the instalment
 * only points at it, and is `paid` once its donation is (settle()).
 */
@Injectable()
export class MonthlyPledgesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alumni: AlumniService,
    private readonly interactions: InteractionsService,
    private readonly donations: DonationsService,
    private readonly pay: WechatPayClient,
    private readonly deduction: MonthlyDeductionService,
  ) {}

  /** Pledges, and invites the first month at once: the donor pays it right after pledging. */
  async create(user: AuthUserDto, dto: CreateMonthlyPledgeRequest, now = new Date()): Promise<MonthlyPledgeDto> {
    checkAmount(dto.amountFen);
    const id = await this.dataSource.transaction(async (manager) => {
      const campaign = await openCampaign(manager, dto.campaignId, now);
      if (dto.amountFen < campaign.minAmountFen || (campaign.maxAmountFen !== null && dto.amountFen > campaign.maxAmountFen))
        throw new AppError('MONTHLY_AMOUNT_INVALID', [{ field: 'amountFen', issue: 'outside what this campaign accepts' }]);
      const alumnus = await this.alumni.findActive(user.id, manager);
      if (!alumnus) throw new AppError('ALUMNUS_NOT_FOUND');
      if (!alumnus.openid) throw new AppError('DONATION_PAYER_UNKNOWN');
      let pledge: MonthlyPledgeEntity;
      try {
        pledge = await manager.save(
          manager.create(MonthlyPledgeEntity, {
            alumnusId: user.id,
            campaignId: campaign.id,
            amountFen: dto.amountFen,
            dayOfMonth: dto.dayOfMonth,
          }),
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('MONTHLY_PLEDGE_EXISTS');
        throw error;
      }
      await manager.insert(MonthlyInstalmentEntity, {
        pledgeId: pledge.id,
        month: shanghaiMonth(now),
        amountFen: pledge.amountFen,
        invitedAt: now,
      });
      await this.interactions.record(manager, {
        alumnusId: user.id,
        kind: 'giving.monthly_pledged',
        subjectType: 'campaign',
        subjectId: campaign.id,
        detail: { amountFen: pledge.amountFen, campaignId: campaign.id, pledgeId: pledge.id, dayOfMonth: pledge.dayOfMonth },
      });
      return pledge.id;
    });
    return this.one(user, id);
  }

  async listMine(user: AuthUserDto): Promise<MonthlyPledgeDto[]> {
    await settle(this.dataSource.manager);
    const pledges = await this.dataSource
      .getRepository(MonthlyPledgeEntity)
      .find({ where: { alumnusId: user.id }, order: { createdAt: 'DESC', id: 'DESC' } });
    return this.present(pledges);
  }

  async one(user: AuthUserDto, id: string): Promise<MonthlyPledgeDto> {
    await settle(this.dataSource.manager);
    const pledge = await this.dataSource.getRepository(MonthlyPledgeEntity).findOneBy({ id, alumnusId: user.id });
    if (!pledge) throw new AppError('MONTHLY_PLEDGE_NOT_FOUND');
    return (await this.present([pledge]))[0]!;
  }

  /** Amount and day apply from the next month not yet invited (and to this month's, while no order is open); pause and resume. */
  async update(user: AuthUserDto, id: string, dto: UpdateMonthlyPledgeRequest, now = new Date()): Promise<MonthlyPledgeDto> {
    if (dto.amountFen !== undefined) checkAmount(dto.amountFen);
    await this.dataSource.transaction(async (manager) => {
      const pledge = await lockMine(manager, user, id);
      if (pledge.status === 'cancelled') throw new AppError('MONTHLY_PLEDGE_STATE_CONFLICT', [{ issue: 'the pledge is cancelled' }]);
      const before = { amountFen: pledge.amountFen, dayOfMonth: pledge.dayOfMonth, status: pledge.status };
      if (dto.amountFen !== undefined) pledge.amountFen = dto.amountFen;
      if (dto.dayOfMonth !== undefined) pledge.dayOfMonth = dto.dayOfMonth;
      if (dto.status !== undefined) pledge.status = dto.status;
      await manager.save(pledge);
      if (dto.amountFen !== undefined) {
        await manager.update(
          MonthlyInstalmentEntity,
          { pledgeId: pledge.id, month: shanghaiMonth(now), status: 'invited', donationId: IsNull() },
          { amountFen: dto.amountFen },
        );
      }
      await this.interactions.record(manager, {
        alumnusId: user.id,
        kind: 'giving.monthly_changed',
        subjectType: 'campaign',
        subjectId: pledge.campaignId,
        detail: {
          pledgeId: pledge.id,
          before,
          after: { amountFen: pledge.amountFen, dayOfMonth: pledge.dayOfMonth, status: pledge.status },
        },
      });
    });
    return this.one(user, id);
  }

  /**
   * Cancelled for good; a month invited and not yet ordered is skipped (an open order may still
   * be paid). A 委托代扣 contract ends with it: terminated at WeChat Pay right after the commit
   * (and by the next run if WeChat Pay cannot be reached now); the cancelled pledge is never charged.
   */
  async cancel(user: AuthUserDto, id: string, now = new Date()): Promise<MonthlyPledgeDto> {
    await this.dataSource.transaction(async (manager) => {
      const pledge = await lockMine(manager, user, id);
      if (pledge.status === 'cancelled')
        throw new AppError('MONTHLY_PLEDGE_STATE_CONFLICT', [{ issue: 'the pledge is cancelled already' }]);
      await manager.update(MonthlyPledgeEntity, { id }, { status: 'cancelled', cancelledAt: now });
      await manager
        .createQueryBuilder()
        .update(MonthlyInstalmentEntity)
        .set({ status: 'skipped' })
        .where('pledge_id = :id AND status = :invited AND donation_id IS NULL', { id, invited: 'invited' })
        .execute();
      await this.deduction.endWithPledge(manager, id, now);
      await this.interactions.record(manager, {
        alumnusId: user.id,
        kind: 'giving.monthly_cancelled',
        subjectType: 'campaign',
        subjectId: pledge.campaignId,
        detail: { pledgeId: pledge.id, amountFen: pledge.amountFen },
      });
    });
    await this.deduction.terminateDue(id);
    return this.one(user, id);
  }

  /** What the one-tap page shows (the link of the month's invitation). */
  async instalment(user: AuthUserDto, id: string): Promise<MonthlyInstalmentDetailDto> {
    await settle(this.dataSource.manager);
    const { instalment, pledge, campaign } = await this.loadInstalment(user, id);
    return { ...toInstalment(instalment), campaignId: campaign.id, campaignTitle: campaign.title, pledgeStatus: pledge.status };
  }

  /**
   * Pays a month: the open order of this instalment again (a fresh paySign), or a new
   * ordinary donation. The new order's Idempotency-Key is derived from the instalment and
   * the order it replaces, so two taps at once (or on two instances) get the same order;
   * a month whose gift is paid is refused, so it is never paid twice.
   */
  async payInstalment(user: AuthUserDto, id: string, now = new Date()): Promise<MonthlyInstalmentOrderDto> {
    await settle(this.dataSource.manager);
    const { instalment, pledge } = await this.loadInstalment(user, id);
    if (instalment.status !== 'invited' || pledge.status !== 'active' || instalment.month < shanghaiMonth(now))
      throw new AppError('MONTHLY_INSTALMENT_NOT_PAYABLE', [{ issue: `the month is ${instalment.status}, the pledge ${pledge.status}` }]);
    if (instalment.deductionState === 'applying' || instalment.deductionState === 'accepted')
      throw new AppError('MONTHLY_INSTALMENT_NOT_PAYABLE', [{ issue: 'the month is being charged by automatic deduction' }]);
    const previous = instalment.donationId
      ? await this.dataSource.getRepository(DonationEntity).findOneBy({ id: instalment.donationId })
      : null;
    if (previous?.status === 'pending' && previous.prepayId && previous.expiresAt.getTime() - now.getTime() > REUSE_MARGIN_MS)
      return { donation: toDonation(previous), payment: this.pay.requestPayment(previous.prepayId), instalment: toInstalment(instalment) };
    if (previous?.status === 'pending') {
      // About to expire (or never prepaid): closed at WeChat Pay first, so it cannot be paid beside the new one.
      await this.donations.reconcile(previous, new Date(Math.max(now.getTime(), previous.expiresAt.getTime())));
      await settle(this.dataSource.manager);
      const after = await this.dataSource.getRepository(DonationEntity).findOneByOrFail({ id: previous.id });
      if (after.status !== 'closed') throw new AppError('MONTHLY_INSTALMENT_NOT_PAYABLE', [{ issue: `its order is ${after.status}` }]);
    }
    const key = `mi-${instalment.id}-${previous ? previous.id.slice(0, 8) : 'first'}`;
    const order = await this.donations.create(user, pledge.campaignId, { amountFen: instalment.amountFen }, key);
    await this.dataSource
      .createQueryBuilder()
      .update(MonthlyInstalmentEntity)
      .set({ donationId: order.body.donation.id })
      .where('id = :id AND donation_id IS NOT DISTINCT FROM :previous AND status = :invited', {
        id,
        previous: previous?.id ?? null,
        invited: 'invited',
      })
      .execute();
    const linked = await this.dataSource.getRepository(MonthlyInstalmentEntity).findOneByOrFail({ id });
    if (linked.donationId !== order.body.donation.id)
      throw new AppError('MONTHLY_INSTALMENT_NOT_PAYABLE', [{ issue: 'the month changed meanwhile; reload' }]);
    return { ...order.body, instalment: toInstalment(linked) };
  }

  private async loadInstalment(user: AuthUserDto, id: string) {
    const instalment = await this.dataSource.getRepository(MonthlyInstalmentEntity).findOneBy({ id });
    const pledge = instalment && (await this.dataSource.getRepository(MonthlyPledgeEntity).findOneBy({ id: instalment.pledgeId }));
    if (!instalment || !pledge || pledge.alumnusId !== user.id) throw new AppError('MONTHLY_INSTALMENT_NOT_FOUND');
    const campaign = await this.dataSource.getRepository(CampaignEntity).findOneByOrFail({ id: pledge.campaignId });
    return { instalment, pledge, campaign };
  }

  private async present(pledges: MonthlyPledgeEntity[]): Promise<MonthlyPledgeDto[]> {
    if (pledges.length === 0) return [];
    const ids = pledges.map((p) => p.id);
    const campaigns = await this.dataSource
      .getRepository(CampaignEntity)
      .createQueryBuilder('c')
      .select(['c.id', 'c.title'])
      .where('c.id IN (:...ids)', { ids: [...new Set(pledges.map((p) => p.campaignId))] })
      .getMany();
    const titles = new Map(campaigns.map((c) => [c.id, c.title]));
    const instalments = await this.dataSource
      .getRepository(MonthlyInstalmentEntity)
      .createQueryBuilder('i')
      .where('i.pledge_id IN (:...ids)', { ids })
      .orderBy('i.month', 'DESC')
      .getMany();
    const month = shanghaiMonth(new Date());
    const contracts = await this.deduction.contracts(ids);
    return pledges.map((p) => {
      const mine = instalments.filter((i) => i.pledgeId === p.id);
      const paid = mine.filter((i) => i.status === 'paid');
      const current = mine.find((i) => i.month === month) ?? null;
      return {
        id: p.id,
        campaignId: p.campaignId,
        campaignTitle: titles.get(p.campaignId) ?? '',
        amountFen: p.amountFen,
        dayOfMonth: p.dayOfMonth,
        status: p.status,
        mode: p.mode,
        createdAt: p.createdAt.toISOString(),
        cancelledAt: p.cancelledAt?.toISOString() ?? null,
        paidMonths: paid.length,
        paidFen: paid.reduce((sum, i) => sum + i.amountFen, 0),
        missedMonths: mine.filter((i) => i.status === 'missed').length,
        current: current && toInstalment(current),
        instalments: mine.slice(0, 24).map(toInstalment),
        deductionAvailable: this.deduction.available,
        contract: contracts.has(p.id) ? toContract(contracts.get(p.id)!) : null,
      };
    });
  }
}

function checkAmount(amountFen: number): void {
  if (!Number.isSafeInteger(amountFen) || amountFen < MONTHLY_MIN_FEN || amountFen > MONTHLY_MAX_FEN)
    throw new AppError('MONTHLY_AMOUNT_INVALID', [{ field: 'amountFen', issue: `${MONTHLY_MIN_FEN}–${MONTHLY_MAX_FEN} fen` }]);
}

async function openCampaign(manager: EntityManager, id: string, now: Date): Promise<CampaignEntity> {
  const campaign = await manager.findOneBy(CampaignEntity, { id });
  if (!campaign || campaign.status === 'draft') throw new AppError('CAMPAIGN_NOT_FOUND');
  if (campaign.status !== 'open' || now < campaign.startsAt || (campaign.endsAt !== null && now >= campaign.endsAt))
    throw new AppError('CAMPAIGN_NOT_OPEN');
  return campaign;
}

async function lockMine(manager: EntityManager, user: AuthUserDto, id: string): Promise<MonthlyPledgeEntity> {
  const pledge = await manager.findOne(MonthlyPledgeEntity, { where: { id, alumnusId: user.id }, lock: { mode: 'pessimistic_write' } });
  if (!pledge) throw new AppError('MONTHLY_PLEDGE_NOT_FOUND');
  return pledge;
}

/**
 * An instalment whose gift is paid (or was, and was refunded later) is paid — also a month
 * marked missed or skipped whose last open order was paid after all. Idempotent; runs before
 * every read and in the job, so no payment path needs to know about instalments.
 */
export async function settle(manager: EntityManager): Promise<void> {
  await manager.query(`
    UPDATE monthly_instalments i SET status = 'paid', paid_at = d.paid_at, updated_at = now()
      FROM donations d
     WHERE d.id = i.donation_id AND i.status <> 'paid' AND d.status IN ('paid', 'refunded') AND d.paid_at IS NOT NULL`);
}
