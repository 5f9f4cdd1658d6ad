import { createPublicKey } from 'node:crypto';
import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/configuration.js';
import type { FakeWechatPayOptions } from './fake/fake-wechat-pay.server.js';
import { WechatPayClient } from './wechat-pay.client.js';
import { WechatPayEndpoint } from './wechat-pay-endpoint.js';

/** The fake for a configuration: it knows our merchant's public key, our mini-program and our APIv3 key. */
export function fakeWechatPayOptions(config: Pick<AppConfig, 'wechat' | 'wechatPay'>): FakeWechatPayOptions {
  const pay = config.wechatPay;
  return {
    appId: config.wechat.appId,
    mchid: pay.mchid,
    merchantSerial: pay.merchantSerial,
    merchantPublicKey: createPublicKey(pay.merchantPrivateKey),
    apiV3Key: pay.apiV3Key,
    publicKeyId: pay.publicKeyId,
  };
}

/**
 * The WeChat Pay API v3 port. With DEMO=true (the demo, tests; never otherwise, see
 * config/demo.config.ts) the local fake starts here, in-process on a loopback port, and the real client
 * is pointed at it, so every test runs the production client code.
 */
@Module({
  providers: [
    {
      provide: WechatPayEndpoint,
      inject: [ConfigService],
      useFactory: async (config: ConfigService<AppConfig, true>) => {
        const pay = config.get('wechatPay', { infer: true });
        if (!pay.fake) return new WechatPayEndpoint(pay.apiBase, null);
        // Loaded only when asked for, so production never even imports the fake.
        const { FakeWechatPayServer } = await import('./fake/fake-wechat-pay.server.js');
        const fake = await FakeWechatPayServer.start(
          fakeWechatPayOptions({ wechat: config.get('wechat', { infer: true }), wechatPay: pay }),
        );
        return new WechatPayEndpoint(fake.url, fake);
      },
    },
    WechatPayClient,
  ],
  exports: [WechatPayClient, WechatPayEndpoint],
})
export class WechatPayModule implements OnApplicationShutdown {
  constructor(private readonly endpoint: WechatPayEndpoint) {}

  async onApplicationShutdown(): Promise<void> {
    await this.endpoint.fake?.close();
  }
}
