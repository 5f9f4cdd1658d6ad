import { ConfigService } from '@nestjs/config';
import { PinoLogger } from 'nestjs-pino';
import { type AppConfig, loadConfig } from '../src/config/configuration.js';
import { FakeWechatPayServer } from '../src/wechat-pay/fake/fake-wechat-pay.server.js';
import { WechatPayClient } from '../src/wechat-pay/wechat-pay.client.js';
import { WechatPayEndpoint } from '../src/wechat-pay/wechat-pay-endpoint.js';
import { fakeWechatPayOptions } from '../src/wechat-pay/wechat-pay.module.js';

/** An order as POST /donations left it in the database. */
export interface OrderRow {
  outTradeNo: string;
  amountFen: number;
  payerOpenid: string;
  expiresAt: Date;
}

export interface NotifyingWechatPay {
  /** The project's fake: `pay`, then `notification(outTradeNo, variant)` builds what WeChat Pay (or a forger) sends. */
  fake: FakeWechatPayServer;
  /** Places the order at this fake with its own values, through our real client (signed with the merchant key). */
  prepay(order: OrderRow): Promise<void>;
  close(): Promise<void>;
}

/**
 * WeChat Pay as the sender of the storm's notifications: the project's fake, in this process,
 * with the development credentials the instances run with (so they trust its signatures),
 * and our real client to place orders at it. Every order is paid here, so a forged
 * notification claims a real-looking payment; the instances keep their own in-process fakes
 * for prepay and queries, where nothing is ever paid, so no check job settles an order
 * behind the notifications' back.
 */
export async function startNotifyingWechatPay(): Promise<NotifyingWechatPay> {
  const config: AppConfig = loadConfig({ NODE_ENV: 'test', DEMO: 'true', LOG_LEVEL: 'silent' });
  const fake = await FakeWechatPayServer.start(fakeWechatPayOptions(config));
  const client = new WechatPayClient(
    new WechatPayEndpoint(fake.url, fake),
    new PinoLogger({ pinoHttp: { level: 'silent' } }),
    new ConfigService<AppConfig, true>(config),
  );
  return {
    fake,
    async prepay(order) {
      await client.jsapiPrepay({
        description: '校友捐赠',
        outTradeNo: order.outTradeNo,
        amountFen: order.amountFen,
        openid: order.payerOpenid,
        timeExpire: order.expiresAt,
      });
    },
    close: () => fake.close(),
  };
}
