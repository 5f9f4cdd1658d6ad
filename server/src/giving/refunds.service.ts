import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { type DataSource, In, LessThan } from 'typeorm';
import { type AuthUserDto, type DonationRefundDto, REFUND_REASON_MAX_BYTES } from '@alumni/shared';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import type { AppConfig } from '../config/configuration.js';
import { JobsService } from '../jobs/jobs.service.js';
import { WechatPayClient } from '../wechat-pay/wechat-pay.client.js';
import { WechatPayError } from '../wechat-pay/wechat-pay-error.js';
import { DemoPaymentsService } from './demo-payments.service.js';
import { DonationEntity } from './donation.entity.js';
import { DonationLedgerService, toRefund } from './donation-ledger.service.js';
import { DonationRefundEntity } from './donation-refund.entity.js';
import type { CreateRefundDto } from './dto/refund.dto.js';

/** Checks one refund with WeChat Pay until it has an outcome (and sends it again if WeChat Pay never got it). */
export const REFUND_CHECK_QUEUE = 'giving.check-refund';
const CHECK_AFTER_SECONDS = 60;
/**
 * The check job retries for about four hours; a refund still open after that (WeChat Pay
 * still processing, or abnormal until the merchant settles it in the console, with a
 * notification that may never come) is asked about again by this sweep until it settles.
 */
const SWEEP = 'giving.refund-sweep';
const SWEEP_CRON = '*/30 * * * *';
/** Younger refunds are the check job's. */
const SWEEP_AFTER_MS = 5 * 60_000;
const SWEEP_BATCH = 200;

/**
 * Refunds (admins only): full or partial, never more than what is left, each with its own
 * out_refund_no so WeChat Pay refunds it at most once however often it is sent. The request
 * is committed (with its audit entry and its check job) before WeChat Pay is called; the
 * outcome arrives by notification or by the check job, and DonationLedgerService applies it.
 */
@Injectable()
export class RefundsService implements OnModuleInit {
  private readonly notifyUrl: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pay: WechatPayClient,
    private readonly ledger: DonationLedgerService,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly demoPayments: DemoPaymentsService,
    @InjectPinoLogger('Refunds') private readonly logger: PinoLogger,
    config: ConfigService<AppConfig, true>,
  ) {
    // Next to the payment notify URL: …/wechat-pay/notify → …/wechat-pay/refund-notify.
    this.notifyUrl = new URL('refund-notify', config.get('wechatPay', { infer: true }).notifyUrl).toString();
  }

  onModuleInit(): void {
    this.jobs.work<{ refundId: string }>(REFUND_CHECK_QUEUE, (job) => this.check(job.data.refundId), {
      retryLimit: 8,
      retryDelaySeconds: 60,
    });
    this.jobs.schedule(SWEEP, SWEEP_CRON, () => this.sweep());
  }

  /** Asks WeChat Pay about every refund still open (oldest first), applying what it answers; one failure does not stop the rest. */
  async sweep(): Promise<void> {
    const open = await this.dataSource.getRepository(DonationRefundEntity).find({
      select: { id: true },
      where: { status: In(['processing', 'abnormal']), createdAt: LessThan(new Date(Date.now() - SWEEP_AFTER_MS)) },
      order: { createdAt: 'ASC' },
      take: SWEEP_BATCH,
    });
    for (const { id } of open) {
      try {
        await this.check(id);
      } catch (error) {
        this.logger.info({ refundId: id, err: error }, 'refund still open; the sweep asks again');
      }
    }
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
        }),
      );
      await this.audit.record(manager, {
        actorId: admin.id,
        action: 'donation.refund_requested',
        subjectType: 'donation',
        subjectId: donationId,
        after: { refundId: saved.id, outRefundNo: saved.outRefundNo, amountFen: saved.amountFen, reason: saved.reason },
      });
      await this.jobs.send(REFUND_CHECK_QUEUE, { refundId: saved.id }, { manager, startAfterSeconds: CHECK_AFTER_SECONDS });
      return saved;
    });
    await this.submit(refund);
    return toRefund(await this.dataSource.getRepository(DonationRefundEntity).findOneByOrFail({ id: refund.id }));
  }

  /** The check job: a refund still open is asked about, or sent again if WeChat Pay never received it. */
  async check(refundId: string): Promise<void> {
    const refund = await this.dataSource.getRepository(DonationRefundEntity).findOneBy({ id: refundId });
    if (!refund || refund.status === 'succeeded' || refund.status === 'closed') return;
    const known = await this.pay.queryRefund(refund.outRefundNo);
    if (known === null) return this.submit(refund, true);
    await this.ledger.recordRefund(refund.outRefundNo, known.status);
    // Still processing (or abnormal, which staff settle in the merchant console): look again later.
    if (known.status === 'PROCESSING' || known.status === 'ABNORMAL') throw new Error(`refund ${refund.outRefundNo} is ${known.status}`);
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
        notifyUrl: this.notifyUrl,
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
