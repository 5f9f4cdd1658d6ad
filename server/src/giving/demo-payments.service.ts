import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { RefundStatusName } from '@alumni/shared';
import type { RefundStatus } from '../wechat-pay/wechat-pay.types.js';
import { WechatPayClient } from '../wechat-pay/wechat-pay.client.js';
import { WechatPayEndpoint } from '../wechat-pay/wechat-pay-endpoint.js';

const WECHAT_REFUND_STATUS: Record<RefundStatusName, RefundStatus> = {
  processing: 'PROCESSING',
  succeeded: 'SUCCESS',
  closed: 'CLOSED',
  abnormal: 'ABNORMAL',
};

/**
 * The demo's WeChat Pay fake keeps its orders in memory, while the demo's gifts live in the
 * database: the seeded ones were never paid through it, and a restart (or another instance)
 * knows none of the rest. So that every staff action on a paid gift works in the demo, a gift
 * the fake does not know is handed to it, with its refunds, just before a staff action asks
 * WeChat Pay about it (RefundsService). Only then: the fake's trade bills keep showing only
 * what was paid through it, so the demo's reconciliation page still has seeded days to show
 * differences on. Without the fake (production) this does nothing.
 */
@Injectable()
export class DemoPaymentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly endpoint: WechatPayEndpoint,
    private readonly pay: WechatPayClient,
  ) {}

  /** Makes the demo's fake know this paid gift and its refunds (no-op without the fake, or when it knows it). */
  async makeKnown(donationId: string): Promise<void> {
    const fake = this.endpoint.fake;
    if (!fake) return;
    const [row] = (await this.dataSource.query(
      `SELECT d.out_trade_no, d.transaction_id, d.payer_openid, d.amount_fen::int AS amount_fen, d.paid_at,
              coalesce(json_agg(json_build_object('outRefundNo', r.out_refund_no, 'refundId', r.refund_id,
                'refundFen', r.amount_fen, 'status', r.status, 'createdAt', r.created_at, 'settledAt', r.settled_at)
                ORDER BY r.created_at) FILTER (WHERE r.id IS NOT NULL), '[]') AS refunds
         FROM donations d LEFT JOIN donation_refunds r ON r.donation_id = d.id
        WHERE d.id = $1 AND d.status IN ('paid', 'refunded') AND d.transaction_id IS NOT NULL AND d.paid_at IS NOT NULL
        GROUP BY d.id`,
      [donationId],
    )) as {
      out_trade_no: string;
      transaction_id: string;
      payer_openid: string;
      amount_fen: number;
      paid_at: Date;
      refunds: {
        outRefundNo: string;
        refundId: string | null;
        refundFen: number;
        status: RefundStatusName;
        createdAt: string;
        settledAt: string | null;
      }[];
    }[];
    if (!row || fake.order(row.out_trade_no)) return;
    fake.restorePaid({
      outTradeNo: row.out_trade_no,
      transactionId: row.transaction_id,
      payerOpenid: row.payer_openid,
      totalFen: row.amount_fen,
      paidAt: row.paid_at,
      notifyUrl: this.pay.notifyUrl(),
      refunds: row.refunds.map((r) => ({
        outRefundNo: r.outRefundNo,
        refundId: r.refundId,
        refundFen: Number(r.refundFen),
        status: WECHAT_REFUND_STATUS[r.status],
        createdAt: new Date(r.createdAt),
        settledAt: r.settledAt ? new Date(r.settledAt) : null,
      })),
    });
  }
}
