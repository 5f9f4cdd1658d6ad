import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../../config/configuration.js';
import { PapayClient } from './papay.client.js';
import { PapayEndpoint } from './papay-endpoint.js';

/**
 * 委托代扣 (API v2). With the demo's WeChat Pay fake and WECHATPAY_PAPAY=true, the local v2
 * fake starts here on a loopback port and the real client is pointed at it; production
 * (no fake) talks to WeChat Pay's host, and never imports the fake.
 */
@Module({
  providers: [
    {
      provide: PapayEndpoint,
      inject: [ConfigService],
      useFactory: async (config: ConfigService<AppConfig, true>) => {
        const pay = config.get('wechatPay', { infer: true });
        if (!pay.fake || !pay.papay) return new PapayEndpoint(pay.apiBase, null);
        const { FakePapayServer } = await import('../fake/fake-papay.server.js');
        const fake = await FakePapayServer.start({
          appId: config.get('wechat', { infer: true }).appId,
          mchid: pay.mchid,
          planId: pay.papay.planId,
          apiV2Key: pay.papay.apiV2Key,
        });
        return new PapayEndpoint(fake.url, fake);
      },
    },
    PapayClient,
  ],
  exports: [PapayClient, PapayEndpoint],
})
export class PapayModule implements OnApplicationShutdown {
  constructor(private readonly endpoint: PapayEndpoint) {}

  async onApplicationShutdown(): Promise<void> {
    await this.endpoint.fake?.close();
  }
}
