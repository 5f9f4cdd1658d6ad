import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig, WechatConfig } from '../config/configuration.js';
import { WechatAccessTokenService } from './wechat-access-token.service.js';
import { toAppError, WechatError } from './wechat-error.js';
import { WechatHttp } from './wechat-http.js';

export interface WechatPhone {
  /** Without the country code. */
  purePhoneNumber: string;
  countryCode: string;
}

const PATH = '/wxa/business/getuserphonenumber';

/** `getPhoneNumber` (§3): the code of the getPhoneNumber button for the user's phone number. */
@Injectable()
export class WechatPhoneClient {
  private readonly wechat: WechatConfig;

  constructor(
    private readonly http: WechatHttp,
    private readonly accessToken: WechatAccessTokenService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.wechat = config.get('wechat', { infer: true });
  }

  /**
   * Sends the openid too, so WeChat refuses a code that belongs to someone else.
   * Throws AppError: PHONE_CODE_INVALID, WECHAT_RATE_LIMITED or WECHAT_UNAVAILABLE.
   */
  async phoneNumber(code: string, openid: string): Promise<WechatPhone> {
    try {
      const answer = await this.accessToken.withAccessToken((token) =>
        this.http.call({ method: 'POST', path: PATH, query: { access_token: token }, body: { code, openid } }),
      );
      const info = answer.phone_info as { purePhoneNumber?: unknown; countryCode?: unknown; watermark?: { appid?: unknown } } | undefined;
      if (!info || typeof info.purePhoneNumber !== 'string' || !/^\d{5,15}$/.test(info.purePhoneNumber)) {
        throw new WechatError(null, 'getuserphonenumber answer lacks phone_info', PATH);
      }
      // The watermark proves the number was released to our mini-program, not another one.
      if (info.watermark?.appid !== this.wechat.appId) throw new WechatError(40029, 'watermark appid is not ours', PATH);
      return { purePhoneNumber: info.purePhoneNumber, countryCode: String(info.countryCode ?? '86') };
    } catch (error) {
      throw toAppError(error, 'PHONE_CODE_INVALID');
    }
  }
}
