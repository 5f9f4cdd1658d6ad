import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type AuthUserDto,
  type DonationRefundDto,
  type GivingInteractionDetail,
  REFUND_REASON_MAX_BYTES,
  type StaffDonationRefundDto,
} from '@alumni/shared';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { WechatPayClient } from '../wechat-pay/wechat-pay.client.js';
import { WechatPayError } from '../wechat-pay/wechat-pay-error.js';
import type { AbnormalRefundInput, Refund } from '../wechat-pay/wechat-pay.types.js';
import { CampaignEntity } from './campaign.entity.js';
import { DemoPaymentsService } from './demo-payments.service.js';
import { DonationEntity } from './donation.entity.js';
import { DonationLedgerService, toRefund } from './donation-ledger.service.js';
import { DonationRefundEntity } from './donation-refund.entity.js';
import type { ApplyAbnormalRefundDto, CreateRefundDto } from './dto/refund.dto.js';

/**
 * Jobs of this queue were written before refunds were followed by `next_check_at`: each one
 * still waiting is checked once. New refunds do not use it.
 */
export const REFUND_CHECK_QUEUE = 'giving.check-refund';
/**
 * Follows every open refund (processing, or abnormal until staff or the merchant console
 * settle it) until WeChat Pay reports an outcome: each minute it takes the refunds whose
 * `next_check_at` has come (FOR UPDATE SKIP LOCKED, pushing their next check out in the same
 * statement, so two instances or two overlapping ticks never ask about one refund twice, and a
 * crash mid-check only delays it to its next turn) and asks WeChat Pay about each.
 */
const SWEEP = 'giving.refund-sweep';
const SWEEP_CRON = '* * * * *';
const SWEEP_BATCH = 100;
/** The first check a minute after a request (WeChat Pay's advice), then doubling: 1, 2, 4 … minutes. */
export const FOLLOW_FIRST_SECONDS = 60;
/** …up to every 3 hours while WeChat Pay is processing (a card refund can take 1–3 working days)… */
export const FOLLOW_PROCESSING_CAP_SECONDS = 3 * 3600;
/** …and every 6 hours while abnormal (waiting for staff; WeChat Pay also notifies when it changes). */
export const FOLLOW_ABNORMAL_CAP_SECONDS = 6 * 3600;

/** The wait before the next check after `checks` checks without an outcome. */
export function followDelaySeconds(checks: number, status: 'processing' | 'abnormal'): number {
  const cap = status === 'abnormal' ? FOLLOW_ABNORMAL_CAP_SECONDS : FOLLOW_PROCESSING_CAP_SECONDS;
  return Math.min(cap, FOLLOW_FIRST_SECONDS * 2 ** Math.min(checks, 20));
}

/**
 * Refunds (admins only): full or partial, never more than what is left, each with its own
 * out_refund_no so WeChat Pay refunds it at most once however often it is sent. The request
 * is committed (with its audit entry and its check job) before WeChat Pay is called; the
 * outcome arrives by notification or by the check job, and DonationLedgerService applies it.
 */
@Injectable()
export class RefundsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pay: WechatPayClient,
    private readonly ledger: DonationLedgerService,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly demoPayments: DemoPaymentsService,
    private readonly interactions: InteractionsService,
    private readonly outbox: OutboxService,
    @InjectPinoLogger('Refunds') private readonly logger: PinoLogger,
  ) {}

  onModuleInit(): void {
    this.jobs.work<{ refundId: string }>(REFUND_CHECK_QUEUE, (job) => this.check(job.data.refundId), { retryLimit: 0 });
    this.jobs.schedule(SWEEP, SWEEP_CRON, async () => {
      await this.sweep();
    });
  }

  /**
   * Claims the open refunds that are due (their next check moved out by the backoff in the same
   * statement) and asks WeChat Pay about each, applying what it answers; one failure does not
   * stop the rest. Answers how many it asked about.
   */
  async sweep(): Promise<number> {
    const claimed: { id: string }[] = await this.dataSource.query(
      // In a CTE: the query answers the claimed rows themselves (an UPDATE answers [rows, count]).
      `WITH claimed AS (UPDATE donation_refunds r
          SET check_count = r.check_count + 1,
              next_check_at = now() + make_interval(secs => least(
                CASE WHEN r.status = 'abnormal' THEN $2::int ELSE $3::int END,
                $4::int * power(2, least(r.check_count + 1, 20))))
        WHERE r.id IN (SELECT id FROM donation_refunds
                        WHERE status IN ('processing', 'abnormal') AND next_check_at <= now()
                        ORDER BY next_check_at LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING r.id)
       SELECT id FROM claimed`,
      [SWEEP_BATCH, FOLLOW_ABNORMAL_CAP_SECONDS, FOLLOW_PROCESSING_CAP_SECONDS, FOLLOW_FIRST_SECONDS],
    );
    for (const { id } of claimed) {
      try {
        await this.check(id);
      } catch (error) {
        this.logger.info({ refundId: id, err: error }, 'refund not checked now; the sweep asks again at its next turn');
      }
    }
    return claimed.length;
  }

  async request(admin: AuthUserDto, donationId: string, dto: CreateRefundDto): Promise<DonationRefundDto> {
    if (Buffer.byteLength(dto.reason, 'utf8') > REFUND_REASON_MAX_BYTES)
      throw new AppError('VALIDATION_FAILED', [
        { field: 'reason', issue: `at most ${REFUND_REASON_MAX_BYTES} bytes (26 Chinese characters)` },
      ]);
    const refund = await this.dataSource.transaction(async (manager) => {
      // Locked: two admins refunding at once cannot both take the last yuan.
      const donation = await manager.findOne(DonationEntity, { where: { id: donationId }, lock: { mode: 'pessimistic_write' } });
      if (!donation) throw new AppError('DONATION_NOT_FOUND');
      if (donation.status !== 'paid') throw new AppError('DONATION_NOT_REFUNDABLE', [{ issue: `the donation is ${donation.status}` }]);
      const earlier = await manager.findBy(DonationRefundEntity, { donationId });
      const reserved = earlier.filter((r) => r.status !== 'closed').reduce((sum, r) => sum + r.amountFen, 0);
      const left = donation.amountFen - reserved;
      if (dto.amountFen > left)
        throw new AppError('REFUND_EXCEEDS_PAID', [{ field: 'amountFen', issue: `at most ${left} fen is left to refund` }]);
      const saved = await manager.save(
        manager.create(DonationRefundEntity, {
          donationId,
          outRefundNo: `${donation.outTradeNo}R${earlier.length + 1}`,
          amountFen: dto.amountFen,
          reason: dto.reason,
          status: 'processing',
          requestedBy: admin.id,
          checkCount: 0,
          nextCheckAt: new Date(Date.now() + FOLLOW_FIRST_SECONDS * 1000),
        }),
      );
      await this.audit.record(manager, {
        actorId: admin.id,
        action: 'donation.refund_requested',
        subjectType: 'donation',
        subjectId: donationId,
        after: { refundId: saved.id, outRefundNo: saved.outRefundNo, amountFen: saved.amountFen, reason: saved.reason },
      });
      return saved;
    });
    await this.submit(refund);
    return toRefund(await this.dataSource.getRepository(DonationRefundEntity).findOneByOrFail({ id: refund.id }));
  }

  /** Asks WeChat Pay about a refund still open and applies the answer; one WeChat Pay never received is sent again. */
  async check(refundId: string): Promise<void> {
    const refund = await this.dataSource.getRepository(DonationRefundEntity).findOneBy({ id: refundId });
    if (!refund || refund.status === 'succeeded' || refund.status === 'closed') return;
    const known = await this.pay.queryRefund(refund.outRefundNo);
    if (known === null) return this.submit(refund, true);
    await this.ledger.recordRefund(refund.outRefundNo, known.status);
  }

  /** A gift's refunds, newest first, with where staff sent an abnormal one. */
  async list(donationId: string): Promise<StaffDonationRefundDto[]> {
    if (!(await this.dataSource.getRepository(DonationEntity).existsBy({ id: donationId }))) throw new AppError('DONATION_NOT_FOUND');
    const rows = await this.dataSource.getRepository(DonationRefundEntity).find({ where: { donationId }, order: { createdAt: 'DESC' } });
    return rows.map(toStaffRefund);
  }

  /**
   * 发起异常退款 (admins): sends a refund WeChat Pay reports abnormal to the donor's debit card
   * or to the school's account. The refund row is locked while WeChat Pay is asked (two admins
   * cannot both send it), and only what WeChat Pay accepted is written: the route, the card's
   * bank and last four digits (never the number or the name, which exist only in this
   * request's memory and, encrypted, in WeChat Pay's), the audit entry, the donor's
   * interaction row and notice, and a check within a minute, in one transaction. The refund is
   * processing again and followed until it settles.
   */
  async applyAbnormal(
    admin: AuthUserDto,
    donationId: string,
    refundId: string,
    dto: ApplyAbnormalRefundDto,
  ): Promise<StaffDonationRefundDto> {
    const stray = (['bankType', 'bankAccount', 'realName'] as const).filter(
      (field) => dto.route !== 'user_bank_card' && dto[field] !== undefined,
    );
    if (stray.length > 0)
      throw new AppError(
        'VALIDATION_FAILED',
        stray.map((field) => ({ field, issue: 'only for route user_bank_card' })),
      );
    const outcome = await this.dataSource.transaction(async (manager): Promise<DonationRefundEntity | WechatPayError> => {
      const refund = await manager.findOne(DonationRefundEntity, {
        where: { id: refundId, donationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!refund) throw new AppError('REFUND_NOT_FOUND');
      if (refund.status !== 'abnormal' || !refund.refundId)
        throw new AppError('REFUND_NOT_ABNORMAL', [{ issue: `the refund is ${refund.status}` }]);
      const input: AbnormalRefundInput =
        dto.route === 'merchant_bank_card'
          ? { refundId: refund.refundId, outRefundNo: refund.outRefundNo, type: 'MERCHANT_BANK_CARD' }
          : {
              refundId: refund.refundId,
              outRefundNo: refund.outRefundNo,
              type: 'USER_BANK_CARD',
              bankType: dto.bankType!,
              bankAccount: dto.bankAccount!,
              realName: dto.realName!,
            };
      let answer: Refund;
      try {
        answer = await this.pay.applyAbnormalRefund(input);
      } catch (error) {
        if (error instanceof WechatPayError) return error;
        throw error;
      }
      const now = new Date();
      Object.assign(refund, {
        status: answer.status === 'ABNORMAL' ? 'abnormal' : 'processing',
        abnormalRoute: dto.route,
        abnormalBankType: dto.route === 'user_bank_card' ? dto.bankType! : null,
        abnormalCardLast4: dto.route === 'user_bank_card' ? dto.bankAccount!.slice(-4) : null,
        abnormalAppliedAt: now,
        abnormalAppliedBy: admin.id,
        lastError: null,
        checkCount: 0,
        nextCheckAt: new Date(now.getTime() + FOLLOW_FIRST_SECONDS * 1000),
      } satisfies Partial<DonationRefundEntity>);
      await manager.save(refund);
      await this.audit.record(manager, {
        actorId: admin.id,
        action: 'donation.abnormal_refund_applied',
        subjectType: 'donation',
        subjectId: donationId,
        after: {
          refundId: refund.id,
          outRefundNo: refund.outRefundNo,
          route: refund.abnormalRoute,
          bankType: refund.abnormalBankType,
          cardLast4: refund.abnormalCardLast4,
        },
      });
      await this.tellDonor(manager, refund);
      return refund;
    });
    if (outcome instanceof WechatPayError) throw await this.abnormalRefusal(outcome, refundId);
    return toStaffRefund(outcome);
  }

  /** The donor's interaction row and notice: the refund did not go back the way it came, and where it goes now. */
  private async tellDonor(manager: EntityManager, refund: DonationRefundEntity): Promise<void> {
    const donation = await manager.findOneByOrFail(DonationEntity, { id: refund.donationId });
    if (donation.alumnusId === null) return;
    const campaign = await manager.findOneByOrFail(CampaignEntity, { id: donation.campaignId });
    const detail: GivingInteractionDetail & Record<string, unknown> = {
      amountFen: refund.amountFen,
      campaignId: campaign.id,
      donationId: donation.id,
      refundId: refund.id,
      route: refund.abnormalRoute,
    };
    await this.interactions.record(manager, {
      alumnusId: donation.alumnusId,
      kind: 'giving.refund_rerouted',
      subjectType: 'campaign',
      subjectId: campaign.id,
      detail,
    });
    await this.outbox.enqueue(manager, [
      {
        alumnusId: donation.alumnusId,
        kind: 'giving.refund_rerouted',
        dedupeKey: `giving.refund_rerouted:${refund.id}:${refund.abnormalAppliedAt!.getTime()}`,
        payload: {
          donationId: donation.id,
          campaignId: campaign.id,
          campaignTitle: campaign.title,
          amountFen: refund.amountFen,
          route: refund.abnormalRoute,
          bankType: refund.abnormalBankType,
          cardLast4: refund.abnormalCardLast4,
        },
      },
    ]);
  }

  /**
   * What staff are told when WeChat Pay did not take an abnormal refund. A business refusal
   * often means the refund is no longer abnormal (settled in the merchant console meanwhile):
   * it is asked about first, and then named REFUND_NOT_ABNORMAL. Trouble on WeChat's side is a
   * 503 to try again; nothing was written either way.
   */
  private async abnormalRefusal(error: WechatPayError, refundId: string): Promise<AppError> {
    if (error.retriable || error.status === null) return new AppError('PAYMENT_UNAVAILABLE', [{ issue: `WeChat Pay: ${error.code}` }]);
    if (error.businessRefusal) {
      await this.check(refundId).catch((reason: unknown) =>
        this.logger.info({ refundId, err: reason }, 'refund not checked after a refusal'),
      );
      const now = await this.dataSource.getRepository(DonationRefundEntity).findOneByOrFail({ id: refundId });
      if (now.status !== 'abnormal') return new AppError('REFUND_NOT_ABNORMAL', [{ issue: `the refund is ${now.status}` }]);
    }
    if (!error.businessRefusal)
      this.logger.error({ refundId, code: error.code, detail: error.detail }, 'abnormal refund refused: check the WeChat Pay settings');
    return refusalOf(error);
  }

  /**
   * Sends the refund to WeChat Pay (again, with the same number, when retrying). Trouble on
   * WeChat's side leaves it processing for the check job; a refusal (e.g. NOT_ENOUGH funds)
   * closes it, releasing the amount, and tells the admin (refusalOf). The closed refund stays
   * with WeChat Pay's code, as does its audit entry: its number was sent, and WeChat Pay takes
   * one number as one refund, so a later refund must not reuse it.
   */
  private async submit(refund: DonationRefundEntity, fromJob = false): Promise<void> {
    const donation = await this.dataSource.getRepository(DonationEntity).findOneByOrFail({ id: refund.donationId });
    // In the demo, a seeded gift (or one paid before a restart) is made known to the WeChat Pay fake first.
    await this.demoPayments.makeKnown(donation.id);
    try {
      const answer = await this.pay.createRefund({
        outTradeNo: donation.outTradeNo,
        outRefundNo: refund.outRefundNo,
        reason: refund.reason,
        refundFen: refund.amountFen,
        totalFen: donation.amountFen,
        notifyUrl: this.pay.notifyUrl('refund'),
      });
      await this.dataSource.getRepository(DonationRefundEntity).update({ id: refund.id }, { refundId: answer.refund_id });
      await this.ledger.recordRefund(refund.outRefundNo, answer.status);
    } catch (error) {
      if (!(error instanceof WechatPayError)) throw error;
      if (error.retriable || error.status === null) {
        this.logger.warn({ outRefundNo: refund.outRefundNo, code: error.code }, 'refund not yet accepted; the check job retries');
        if (fromJob) throw error;
        return;
      }
      if (!error.businessRefusal)
        this.logger.error(
          { outRefundNo: refund.outRefundNo, code: error.code, detail: error.detail },
          'refund refused: check the WeChat Pay settings',
        );
      await this.dataSource
        .getRepository(DonationRefundEntity)
        .update(
          { id: refund.id, status: 'processing' },
          { status: 'closed', settledAt: new Date(), lastError: `${error.code}: ${error.detail}` },
        );
      if (!fromJob) throw refusalOf(error);
    }
  }
}

/**
 * What staff are told when WeChat Pay refuses a refund: a business refusal is theirs to act on
 * (a 4xx naming it, with WeChat Pay's own words); any other refusal is our configuration or
 * code at fault, a 502 for the log.
 */
function refusalOf(error: WechatPayError): AppError {
  const issue = [{ issue: `WeChat Pay: ${error.code} ${error.detail}`.trim() }];
  if (!error.businessRefusal) return new AppError('PAYMENT_REJECTED', issue);
  if (error.code === 'ORDER_NOT_EXIST' || error.code === 'RESOURCE_NOT_EXISTS') return new AppError('REFUND_ORDER_UNKNOWN', issue);
  if (error.code === 'NOT_ENOUGH') return new AppError('REFUND_FUNDS_INSUFFICIENT', issue);
  return new AppError('REFUND_REFUSED', issue, error.detail ? `微信支付拒绝了这笔退款：${error.detail}` : undefined);
}

export function toStaffRefund(r: DonationRefundEntity): StaffDonationRefundDto {
  return {
    ...toRefund(r),
    abnormal:
      r.abnormalRoute && r.abnormalAppliedAt
        ? {
            route: r.abnormalRoute,
            bankType: r.abnormalBankType,
            cardLast4: r.abnormalCardLast4,
            appliedAt: r.abnormalAppliedAt.toISOString(),
          }
        : null,
  };
}
