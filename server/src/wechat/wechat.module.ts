import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/configuration.js';
import { AccessTokenStore, DatabaseAccessTokenStore, RedisAccessTokenStore } from './access-token-store.js';
import { WechatAccessTokenEntity } from './wechat-access-token.entity.js';
import { WechatAccessTokenService } from './wechat-access-token.service.js';
import { WechatContentSecurityClient } from './wechat-content-security.client.js';
import { WechatEndpoint } from './wechat-endpoint.js';
import { WechatHttp } from './wechat-http.js';
import { WechatLoginClient } from './wechat-login.client.js';
import { WechatMediaCheckClient } from './wechat-media-check.client.js';
import { WechatPhoneClient } from './wechat-phone.client.js';
import { WechatQrcodeClient } from './wechat-qrcode.client.js';
import { WechatSubscribeMessageClient } from './wechat-subscribe-message.client.js';

/**
 * The WeChat platform ports. With DEMO=true (the demo, tests; never otherwise, see
 * config/demo.config.ts) the local fake server starts here, in-process on a loopback port, and the real clients are
 * pointed at it — so every test runs the production client code. The access token is shared
 * through PostgreSQL, or Redis when REDIS_URL is set. Later ports (subscription
 * messages, content check, mini-program codes) are more clients on the same WechatHttp and
 * WechatAccessTokenService.
 */
@Module({
  imports: [TypeOrmModule.forFeature([WechatAccessTokenEntity])],
  providers: [
    {
      provide: WechatEndpoint,
      inject: [ConfigService],
      useFactory: async (config: ConfigService<AppConfig, true>) => {
        const wechat = config.get('wechat', { infer: true });
        if (!wechat.fake) return new WechatEndpoint(wechat.apiBase, null);
        // Loaded only when asked for, so production never even imports the fake.
        const { FakeWechatServer } = await import('./fake/fake-wechat.server.js');
        const fake = await FakeWechatServer.start({ appId: wechat.appId, appSecret: wechat.appSecret, pushToken: wechat.pushToken });
        const { SubscribeMessageFake } = await import('./fake/subscribe-message.fake.js');
        fake.feature(SubscribeMessageFake);
        (await import('./fake/content-security.fake.js')).installContentSecurityFake(fake);
        fake.feature((await import('./fake/wxacode.fake.js')).WxacodeFake);
        fake.feature((await import('./fake/media-check.fake.js')).MediaCheckFake);
        return new WechatEndpoint(fake.url, fake);
      },
    },
    {
      provide: AccessTokenStore,
      inject: [ConfigService, DataSource],
      useFactory: (config: ConfigService<AppConfig, true>, dataSource: DataSource) => {
        const redisUrl = config.get('redisUrl', { infer: true });
        return redisUrl
          ? new RedisAccessTokenStore(new Redis(redisUrl, { maxRetriesPerRequest: 2 }))
          : new DatabaseAccessTokenStore(dataSource);
      },
    },
    WechatHttp,
    WechatAccessTokenService,
    WechatLoginClient,
    WechatPhoneClient,
    WechatQrcodeClient,
    WechatContentSecurityClient,
    WechatMediaCheckClient,
    WechatSubscribeMessageClient,
  ],
  exports: [
    WechatEndpoint,
    WechatAccessTokenService,
    WechatLoginClient,
    WechatPhoneClient,
    WechatQrcodeClient,
    WechatContentSecurityClient,
    WechatMediaCheckClient,
    WechatSubscribeMessageClient,
  ],
})
export class WechatModule implements OnApplicationShutdown {
  constructor(
    private readonly endpoint: WechatEndpoint,
    private readonly tokenStore: AccessTokenStore,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.tokenStore.close();
    await this.endpoint.fake?.close();
  }
}
