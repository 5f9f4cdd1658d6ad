import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import type { RefundStatusName } from '@alumni/shared';
import type { AppConfig } from '../config/configuration.js';
import type { RefundStatus } from '../wechat-pay/wechat-pay.types.js';
import { WechatPayEndpoint } from '../wechat-pay/wechat-pay-endpoint.js';

const WECHAT_REFUND_STATUS: Record<RefundStatusName, RefundStatus> = {
  processing: 'PROCESSING',
  succeeded: 'SUCCESS',
  closed: 'CLOSED',
  abnormal: 'ABNORMAL',
};

/**
 * The demo's WeChat Pay fake keeps its orders in memory, while the demo's gifts live in the
 * database: the seeded ones were never paid through it, and a restart forgets the rest. So that
 * every staff action on a paid gift (a refund, its check, a day's reconciliation) works in the
 * demo, the fake is told at start-up about every paid or refunded gift and its refunds — after
 * the database module has migrated and seeded (onModuleInit), before requests arrive.
 * Without the fake (production) this does nothing.
 */
@Injectable()
export class DemoPaymentsService implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly endpoint: WechatPayEndpoint,
    private readonly config: ConfigService<AppConfig, true>,
    @InjectPinoLogger('DemoPayments') private readonly logger: PinoLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const fake = this.endpoint.fake;
    if (!fake) return;
    const notifyUrl = this.config.get('wechatPay', { infer: true }).notifyUrl;
    const rows = (await this.dataSource.query(
      `SELECT d.out_trade_no, d.transaction_id, d.payer_openid, d.amount_fen::int AS amount_fen, d.paid_at,
              coalesce(json_agg(json_build_object('outRefundNo', r.out_refund_no, 'refundId', r.refund_id,
                'refundFen', r.amount_fen, 'status', r.status, 'createdAt', r.created_at, 'settledAt', r.settled_at)
                ORDER BY r.created_at) FILTER (WHERE r.id IS NOT NULL), '[]') AS refunds
         FROM donations d LEFT JOIN donation_refunds r ON r.donation_id = d.id
        WHERE d.status IN ('paid', 'refunded') AND d.transaction_id IS NOT NULL AND d.paid_at IS NOT NULL
        GROUP BY d.id`,
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
    for (const row of rows) {
      fake.restorePaid({
        outTradeNo: row.out_trade_no,
        transactionId: row.transaction_id,
        payerOpenid: row.payer_openid,
        totalFen: row.amount_fen,
        paidAt: row.paid_at,
        notifyUrl,
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
    if (rows.length > 0) this.logger.info({ orders: rows.length }, 'paid gifts restored into the WeChat Pay fake');
  }
}
