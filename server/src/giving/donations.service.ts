import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import type { AuthUserDto, DonationDto, DonationOrderDto } from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { AppError } from '../common/app-error.js';
import { ContentGateService } from '../content-security/content-gate.service.js';
import { ContentReviewsService } from '../content-security/content-reviews.service.js';
import { IdempotencyService, type IdempotentResponse } from '../common/idempotency/idempotency.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import { WechatPayClient } from '../wechat-pay/wechat-pay.client.js';
import { WechatPayEndpoint } from '../wechat-pay/wechat-pay-endpoint.js';
import { WechatPayError } from '../wechat-pay/wechat-pay-error.js';
import { CampaignEntity } from './campaign.entity.js';
import { DonationEntity } from './donation.entity.js';
import { PostingService } from './posting.service.js';
import { DonationLedgerService, toDonation } from './donation-ledger.service.js';
import { outTradeNo } from './donation-numbers.js';
import type { CreateDonationDto } from './dto/donation-request.dto.js';

/** An unpaid order is closed after this long (time_expire at WeChat Pay, then the close API). */
export const ORDER_TTL_MS = 30 * 60 * 1000;
/** A pending order the client asks about this long after creation is checked with WeChat Pay. */
export const ACTIVE_QUERY_AFTER_MS = 5 * 1000;
/** WeChat Pay moves a time_expire closer than a minute to a minute away: never prepay that late. */
const PREPAY_MARGIN_MS = 2 * 60 * 1000;
/** Checks one order with WeChat Pay (a minute after ordering, and again once it expired). */
export const DONATION_CHECK_QUEUE = 'giving.check-donation';
const CHECK_AFTER_SECONDS = 60;
/** Closes whatever pending orders are past their expiry, in case a check job was lost. */
const EXPIRY_SWEEP = 'giving.close-expired';

/**
 * WeChat Pay's trouble as the donor sees it: its side down (503), a refusal of the business
 * (an order closed or paid, a rule of the payer's account: 422 in WeChat Pay's words), or our
 * configuration at fault (502, see the log).
 */
const paymentError = (error: unknown): never => {
  if (!(error instanceof WechatPayError)) throw error;
  if (error.retriable || error.status === null) throw new AppError('PAYMENT_UNAVAILABLE');
  const issue = [{ issue: `WeChat Pay: ${error.code} ${error.detail}`.trim() }];
  if (error.businessRefusal)
    throw new AppError('DONATION_PAYMENT_REFUSED', issue, error.detail ? `微信支付拒绝了本次捐赠：${error.detail}` : undefined);
  throw new AppError('PAYMENT_REJECTED', issue);
};

@Injectable()
export class DonationsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly alumni: AlumniService,
    private readonly pay: WechatPayClient,
    private readonly ledger: DonationLedgerService,
    private readonly posting: PostingService,
    private readonly jobs: JobsService,
    private readonly payEndpoint: WechatPayEndpoint,
    private readonly gate: ContentGateService,
    private readonly reviews: ContentReviewsService,
    @InjectPinoLogger('Donations') private readonly logger: PinoLogger,
  ) {}

  onModuleInit(): void {
    // A WeChat Pay error throws, so the queue retries the check with backoff.
    this.jobs.work<{ donationId: string }>(DONATION_CHECK_QUEUE, (job) => this.check(job.data.donationId), {
      retryLimit: 5,
      retryDelaySeconds: 30,
    });
    this.jobs.schedule(EXPIRY_SWEEP, '*/5 * * * *', () => this.closeExpired());
  }

  /**
   * Creates the order (once per Idempotency-Key) and prepays it with WeChat Pay, answering
   * the `wx.requestPayment` parameters. The order is committed before WeChat Pay is called,
   * so no transaction waits on the network; a retry after a failed prepay prepays the same
   * order again with the same values, which WeChat Pay allows.
   */
  async create(
    user: AuthUserDto,
    campaignId: string,
    dto: CreateDonationDto,
    idempotencyKey: string | undefined,
  ): Promise<IdempotentResponse<DonationOrderDto>> {
    if (!this.pay.configured) throw new AppError('PAYMENT_NOT_CONFIGURED');
    // The message goes on the donor wall: checked before the order exists (a risky one refuses it).
    const message = dto.message ?? '';
    const messageCheck = message.trim() === '' ? null : await this.gate.decide(user.id, 'comment', message, 'message');
    const request = { alumnusId: user.id, key: idempotencyKey, route: `POST /campaigns/${campaignId}/donations`, body: dto };
    // The order this request wrote, as written: a repeat of the key writes nothing and reads its order instead.
    let written: { donation: DonationEntity; campaign: CampaignEntity } | undefined;
    const created = await this.idempotency.run<DonationDto>(request, async (manager) => {
      const now = new Date();
      const campaign = await manager.findOneBy(CampaignEntity, { id: campaignId });
      if (!campaign || campaign.status === 'draft') throw new AppError('CAMPAIGN_NOT_FOUND');
      if (campaign.status !== 'open' || now < campaign.startsAt || (campaign.endsAt !== null && now >= campaign.endsAt))
        throw new AppError('CAMPAIGN_NOT_OPEN');
      const { amountFen, units } = giftOf(campaign, dto);
      const alumnus = await this.alumni.findActive(user.id, manager);
      if (!alumnus) throw new AppError('ALUMNUS_NOT_FOUND');
      if (!alumnus.openid) throw new AppError('DONATION_PAYER_UNKNOWN');
      const donation = await manager.save(
        manager.create(DonationEntity, {
          campaignId,
          alumnusId: user.id,
          outTradeNo: outTradeNo(now),
          amountFen,
          units,
          message,
          messageHeld: messageCheck?.status === 'held',
          anonymous: dto.anonymous ?? false,
          hideAmount: dto.hideAmount ?? false,
          status: 'pending',
          payerOpenid: alumnus.openid,
          expiresAt: new Date(now.getTime() + ORDER_TTL_MS),
        }),
      );
      if (messageCheck?.status === 'held') {
        await this.reviews.holdText(
          manager,
          { kind: 'donation-message', subjectId: donation.id, field: 'message', authorId: user.id, text: message },
          messageCheck,
        );
      }
      // No order stays in limbo: checked after a minute, and closed once expired, by whichever instance takes the job.
      const check = { donationId: donation.id };
      await this.jobs.send(DONATION_CHECK_QUEUE, check, { manager, startAfterSeconds: CHECK_AFTER_SECONDS });
      await this.jobs.send(DONATION_CHECK_QUEUE, check, { manager, startAfterSeconds: ORDER_TTL_MS / 1000 + 5 });
      written = { donation, campaign };
      return { status: 201, body: toDonation(donation) };
    });
    // A repeat reads its order again: a prepay since may have given it its prepay_id.
    const donation = written?.donation ?? (await this.dataSource.getRepository(DonationEntity).findOneByOrFail({ id: created.body.id }));
    // A repeat long after a failed prepay must not open an order we closed (or are about to): it could be paid unseen.
    if (!donation.prepayId && (donation.status !== 'pending' || donation.expiresAt.getTime() - Date.now() < PREPAY_MARGIN_MS))
      throw new AppError('DONATION_NOT_PAYABLE', [{ issue: 'this order has expired; order again' }]);
    const prepayId = donation.prepayId ?? (await this.prepay(donation, written?.campaign));
    return { status: created.status, body: { donation: toDonation(donation), payment: this.pay.requestPayment(prepayId) } };
  }

  /** My order; while it is pending (after a short delay) WeChat Pay is asked, so a lost notification costs nothing. */
  async getMine(user: AuthUserDto, id: string, now: Date = new Date()): Promise<DonationDto> {
    const repository = this.dataSource.getRepository(DonationEntity);
    const donation = await repository.findOneBy({ id, alumnusId: user.id });
    if (!donation) throw new AppError('DONATION_NOT_FOUND');
    if (donation.status === 'paid' && donation.certificateNo === null) {
      // Paid a moment ago and not yet posted: the donor sees it with its certificate and tree numbers.
      await this.posting.post(donation.campaignId);
      return toDonation(await repository.findOneByOrFail({ id }));
    }
    if (donation.status !== 'pending' || now.getTime() - donation.createdAt.getTime() < ACTIVE_QUERY_AFTER_MS) return toDonation(donation);
    try {
      await this.reconcile(donation, now);
    } catch (error) {
      // The client keeps polling; the order is checked again next time.
      this.logger.warn({ err: error, outTradeNo: donation.outTradeNo }, 'active query failed');
    }
    return toDonation(await repository.findOneByOrFail({ id }));
  }

  /**
   * Brings a pending order in line with WeChat Pay: paid there → paid here (with the same
   * checks as a notification); closed there, or unpaid past its expiry → closed (with the
   * close API, so it can no longer be paid).
   */
  async reconcile(donation: DonationEntity, now: Date = new Date()): Promise<void> {
    const transaction = await this.pay.queryByOutTradeNo(donation.outTradeNo);
    const expired = now >= donation.expiresAt;
    if (transaction === null) {
      // WeChat Pay never saw it (the prepay failed): nothing can be paid, close it when due.
      if (expired) await this.ledger.recordClosed(donation.id);
      return;
    }
    if (transaction.trade_state === 'SUCCESS' || transaction.trade_state === 'REFUND') {
      await this.ledger.recordPaid(transaction, { appId: this.pay.appId, mchid: this.pay.mchid });
    } else if (transaction.trade_state === 'CLOSED') {
      await this.ledger.recordClosed(donation.id);
    } else if (expired) {
      try {
        await this.pay.close(donation.outTradeNo);
      } catch (error) {
        // Paid in the last moment: the query tells, and records it.
        if (error instanceof WechatPayError && error.code === 'ORDERPAID') return this.reconcile(donation, new Date(0));
        throw error;
      }
      await this.ledger.recordClosed(donation.id);
    }
  }

  /**
   * The H5 demo's stand-in for the WeChat payment sheet: the fake pays my order and sends
   * its notification, exactly as WeChat Pay would. Only while the fake is configured.
   */
  async simulatePayment(user: AuthUserDto, id: string): Promise<DonationDto> {
    const fake = this.payEndpoint.fake;
    if (!fake) throw new AppError('PAYMENT_SIMULATION_UNAVAILABLE');
    const donation = await this.dataSource.getRepository(DonationEntity).findOneBy({ id, alumnusId: user.id });
    if (!donation) throw new AppError('DONATION_NOT_FOUND');
    if (donation.status !== 'pending' || !donation.prepayId)
      throw new AppError('DONATION_NOT_PAYABLE', [{ issue: `the donation is ${donation.status}` }]);
    fake.pay(donation.outTradeNo);
    return toDonation(donation);
  }

  /** The check job: a pending order is reconciled; anything else is settled already. */
  async check(donationId: string): Promise<void> {
    const donation = await this.dataSource.getRepository(DonationEntity).findOneBy({ id: donationId });
    if (donation?.status === 'pending') await this.reconcile(donation);
  }

  /** The sweep: pending orders past their expiry, oldest first, a batch at a time. */
  async closeExpired(now: Date = new Date()): Promise<void> {
    const expired = await this.dataSource
      .getRepository(DonationEntity)
      .createQueryBuilder('d')
      .where('d.status = :pending AND d.expiresAt <= :now', { pending: 'pending', now })
      .orderBy('d.expiresAt', 'ASC')
      .limit(100)
      .getMany();
    for (const donation of expired) {
      await this.reconcile(donation, now).catch((error: unknown) =>
        this.logger.warn({ err: error, outTradeNo: donation.outTradeNo }, 'closing an expired donation failed'),
      );
    }
  }

  /** `campaign`: the order's campaign when already read (a new order), so it is not read twice. */
  private async prepay(donation: DonationEntity, campaign?: CampaignEntity): Promise<string> {
    campaign ??= await this.dataSource.getRepository(CampaignEntity).findOneByOrFail({ id: donation.campaignId });
    const prepayId = await this.pay
      .jsapiPrepay({
        description: `校友捐赠-${campaign.title}`.slice(0, 60),
        outTradeNo: donation.outTradeNo,
        amountFen: donation.amountFen,
        openid: donation.payerOpenid,
        timeExpire: donation.expiresAt,
      })
      .catch(paymentError);
    await this.dataSource.getRepository(DonationEntity).update({ id: donation.id }, { prepayId });
    return prepayId;
  }
}

/** The gift's amount and units: an amount (units it buys, rounded down), or units at the unit price. */
function giftOf(campaign: CampaignEntity, dto: CreateDonationDto): { amountFen: number; units: number } {
  if ((dto.amountFen === undefined) === (dto.units === undefined)) throw new AppError('DONATION_AMOUNT_REQUIRED');
  const price = campaign.unitPriceFen;
  if (dto.units !== undefined && price === null)
    throw new AppError('DONATION_UNITS_NOT_OFFERED', [{ field: 'units', issue: 'this campaign has no unit' }]);
  const amountFen = dto.amountFen ?? dto.units! * price!;
  if (amountFen < campaign.minAmountFen)
    throw new AppError('DONATION_AMOUNT_TOO_SMALL', [{ field: 'amountFen', issue: `at least ${campaign.minAmountFen} fen` }]);
  if (campaign.maxAmountFen !== null && amountFen > campaign.maxAmountFen)
    throw new AppError('DONATION_AMOUNT_TOO_LARGE', [{ field: 'amountFen', issue: `at most ${campaign.maxAmountFen} fen` }]);
  return { amountFen, units: price === null ? 0 : Math.floor(amountFen / price) };
}
