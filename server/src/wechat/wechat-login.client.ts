import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig, WechatConfig } from '../config/configuration.js';
import { toAppError, WechatError } from './wechat-error.js';
import { WechatHttp } from './wechat-http.js';

export interface WechatSession {
  openid: string;
  /** Only when the mini-program is bound to an Open Platform account. */
  unionid: string | null;
  /** Never leaves the server. */
  sessionKey: string;
}

/** `code2Session` (§1): a `wx.login()` code for the user's openid. */
@Injectable()
export class WechatLoginClient {
  private readonly wechat: WechatConfig;

  constructor(
    private readonly http: WechatHttp,
    config: ConfigService<AppConfig, true>,
  ) {
    this.wechat = config.get('wechat', { infer: true });
  }

  /** Throws AppError: WECHAT_CODE_INVALID, WECHAT_LOGIN_BLOCKED, WECHAT_RATE_LIMITED or WECHAT_UNAVAILABLE. */
  async code2Session(code: string): Promise<WechatSession> {
    try {
      const answer = await this.http.call({
        method: 'GET',
        path: '/sns/jscode2session',
        query: { appid: this.wechat.appId, secret: this.wechat.appSecret, js_code: code, grant_type: 'authorization_code' },
      });
      const { openid, unionid, session_key: sessionKey } = answer;
      if (typeof openid !== 'string' || openid === '' || typeof sessionKey !== 'string') {
        throw new WechatError(null, 'jscode2session answer lacks openid/session_key', '/sns/jscode2session');
      }
      return { openid, unionid: typeof unionid === 'string' && unionid !== '' ? unionid : null, sessionKey };
    } catch (error) {
      throw toAppError(error, 'WECHAT_CODE_INVALID');
    }
  }
}
