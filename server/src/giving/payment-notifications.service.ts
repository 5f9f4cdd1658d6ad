import { Injectable } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { type HeaderBag, WechatPayClient } from '../wechat-pay/wechat-pay.client.js';
import { WechatPayVerificationError } from '../wechat-pay/wechat-pay-error.js';
import type { RefundNotice, Transaction } from '../wechat-pay/wechat-pay.types.js';
import { DonationLedgerService, type Mismatch } from './donation-ledger.service.js';

/** What we answer WeChat Pay (§7.5): 204 means done; anything else means "send it again". */
export interface NotifyAnswer {
  status: number;
  body?: { code: 'FAIL'; message: string };
}

const refuse = (status: number, message: string): NotifyAnswer => ({ status, body: { code: 'FAIL', message } });

const VERIFICATION_STATUS: Record<WechatPayVerificationError['reason'], number> = {
  SIGNATURE_INVALID: 401,
  TIMESTAMP_STALE: 401,
  SERIAL_UNKNOWN: 401,
  DECRYPTION_FAILED: 400,
  MALFORMED: 400,
};

const MISMATCH_STATUS: Record<Mismatch, number> = { APPID_MISMATCH: 400, MCHID_MISMATCH: 400, AMOUNT_MISMATCH: 400, ORDER_UNKNOWN: 404 };

/**
 * The payment notification: verified on its raw bytes (signature by serial, 5-minute
 * window), decrypted, checked against our order, and recorded once. A forged or mismatched
 * notification changes nothing and is refused; a duplicate is acknowledged.
 */
@Injectable()
export class PaymentNotificationsService {
  constructor(
    private readonly pay: WechatPayClient,
    private readonly ledger: DonationLedgerService,
    @InjectPinoLogger('PaymentNotifications') private readonly logger: PinoLogger,
  ) {}

  async handle(headers: HeaderBag, rawBody: string | undefined): Promise<NotifyAnswer> {
    const opened = await this.open<Transaction>(headers, rawBody);
    if ('status' in opened) return opened;
    const { resource: transaction, eventType } = opened;
    if (eventType !== 'TRANSACTION.SUCCESS' || transaction.trade_state !== 'SUCCESS') {
      // JSAPI sends only successes; anything else tells us nothing to record.
      this.logger.info(
        { eventType, tradeState: transaction.trade_state, outTradeNo: transaction.out_trade_no },
        'WeChat Pay notification ignored',
      );
      return { status: 204 };
    }
    try {
      const outcome = await this.ledger.recordPaid(transaction, { appId: this.pay.appId, mchid: this.pay.mchid });
      if (outcome.kind === 'refused') return refuse(MISMATCH_STATUS[outcome.reason], outcome.reason);
      return { status: 204 };
    } catch (error) {
      // Our side failed (database): WeChat Pay retries, and the order is still checked by query.
      this.logger.error({ err: error, outTradeNo: transaction.out_trade_no }, 'recording a WeChat Pay notification failed');
      return refuse(500, 'SYSTEM_ERROR');
    }
  }

  /** A refund's outcome (REFUND.SUCCESS / CLOSED / ABNORMAL), verified the same way and applied once. */
  async handleRefund(headers: HeaderBag, rawBody: string | undefined): Promise<NotifyAnswer> {
    const opened = await this.open<RefundNotice>(headers, rawBody);
    if ('status' in opened) return opened;
    const notice = opened.resource;
    if (notice.mchid !== this.pay.mchid) {
      this.logger.warn({ outRefundNo: notice.out_refund_no }, 'refund notification for another merchant refused');
      return refuse(400, 'MCHID_MISMATCH');
    }
    try {
      const refund = await this.ledger.recordRefund(notice.out_refund_no, notice.refund_status);
      if (refund === null) return refuse(404, 'REFUND_UNKNOWN');
      if (refund.amountFen !== notice.amount.refund)
        this.logger.error({ outRefundNo: notice.out_refund_no }, 'refund notification amount differs');
      return { status: 204 };
    } catch (error) {
      this.logger.error({ err: error, outRefundNo: notice.out_refund_no }, 'recording a WeChat Pay refund notification failed');
      return refuse(500, 'SYSTEM_ERROR');
    }
  }

  /** Verifies and decrypts, or says how to refuse. */
  private async open<T>(headers: HeaderBag, rawBody: string | undefined): Promise<{ resource: T; eventType: string } | NotifyAnswer> {
    if (rawBody === undefined) return refuse(400, 'MALFORMED');
    try {
      const opened = await this.pay.openNotification<T>(headers, rawBody);
      return { resource: opened.resource, eventType: opened.envelope.event_type };
    } catch (error) {
      if (!(error instanceof WechatPayVerificationError)) throw error;
      this.logger.warn({ reason: error.reason, serial: headers['wechatpay-serial'] }, 'WeChat Pay notification refused');
      return refuse(VERIFICATION_STATUS[error.reason], error.reason);
    }
  }
}
