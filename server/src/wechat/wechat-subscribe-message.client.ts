import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig, WechatConfig } from '../config/configuration.js';
import { WechatAccessTokenService } from './wechat-access-token.service.js';
import { WechatError } from './wechat-error.js';
import { WechatHttp } from './wechat-http.js';

export interface SubscribeMessage {
  openid: string;
  templateId: string;
  /** In-mini-program page the card opens, e.g. `packages/events/pages/detail/index?id=…`. */
  page?: string;
  /** Keyword → value, e.g. `{ thing1: '校庆返校日', time2: '2026-10-01 09:00' }`. */
  data: Record<string, string>;
}

/**
 * How a send ended when WeChat answered: `sent`; `refused` — the user has no acceptance left
 * for the template (43101); `rejected` — the message itself is wrong (openid, template,
 * keyword values, page: 40003, 40037, 47003, 41030) and sending it again cannot help.
 * Anything else (timeouts, busy, garbage) is thrown as a WechatError: worth a retry.
 */
export type SubscribeOutcome = { outcome: 'sent' } | { outcome: 'refused' | 'rejected'; errcode: number; errmsg: string };

const PATH = '/cgi-bin/message/subscribe/send';
const REFUSED = 43101;
const REJECTED = new Set([40003, 40037, 47003, 41030]);

/** `subscribeMessage.send` (§4): one-time subscription messages. */
@Injectable()
export class WechatSubscribeMessageClient {
  private readonly wechat: WechatConfig;

  constructor(
    private readonly http: WechatHttp,
    private readonly accessToken: WechatAccessTokenService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.wechat = config.get('wechat', { infer: true });
  }

  async send(message: SubscribeMessage): Promise<SubscribeOutcome> {
    const body = {
      touser: message.openid,
      template_id: message.templateId,
      ...(message.page ? { page: message.page } : {}),
      miniprogram_state: this.wechat.miniprogramState,
      lang: 'zh_CN',
      data: Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value }])),
    };
    try {
      await this.accessToken.withAccessToken((token) =>
        this.http.call({ method: 'POST', path: PATH, query: { access_token: token }, body }),
      );
      return { outcome: 'sent' };
    } catch (error) {
      if (error instanceof WechatError && error.errcode !== null) {
        if (error.errcode === REFUSED) return { outcome: 'refused', errcode: error.errcode, errmsg: error.errmsg };
        if (REJECTED.has(error.errcode)) return { outcome: 'rejected', errcode: error.errcode, errmsg: error.errmsg };
      }
      throw error;
    }
  }
}
