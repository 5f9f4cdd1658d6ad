import { Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { detectImageType, type ImageType } from '../storage/file-type.js';
import { WechatAccessTokenService } from './wechat-access-token.service.js';
import { WechatError } from './wechat-error.js';
import { WechatHttp } from './wechat-http.js';

export interface UnlimitedCodeRequest {
  /** ≤ 32 characters of WeChat's allowed set; the page receives it as `options.scene`. */
  scene: string;
  /** Without a leading `/` or a query; must be published when `checkPath` (the default). */
  page: string;
  checkPath?: boolean;
  envVersion?: 'release' | 'trial' | 'develop';
  width?: number;
}

export interface CodeImage {
  body: Buffer;
  contentType: ImageType;
}

const PATH = '/wxa/getwxacodeunlimit';
/** The characters WeChat allows in a scene (wechat-contracts.md §6). */
export const SCENE_PATTERN = /^[A-Za-z0-9!#$&'()*+,/:;=?@\-._~]{1,32}$/;

/** `getUnlimitedQRCode` (§6): a mini-program code for a page and a scene, as image bytes. */
@Injectable()
export class WechatQrcodeClient {
  constructor(
    private readonly http: WechatHttp,
    private readonly accessToken: WechatAccessTokenService,
  ) {}

  /**
   * Codes never expire and are unlimited in number, so callers cache the image.
   * Throws AppError: WECHAT_QRCODE_PAGE_INVALID (41030: the page is not published),
   * WECHAT_RATE_LIMITED (45009 daily, 45011 minute quota) or WECHAT_UNAVAILABLE.
   */
  async unlimited(request: UnlimitedCodeRequest): Promise<CodeImage> {
    if (!SCENE_PATTERN.test(request.scene)) throw new Error(`scene ${JSON.stringify(request.scene)} breaks WeChat's rules`);
    const body = {
      scene: request.scene,
      page: request.page,
      check_path: request.checkPath ?? true,
      env_version: request.envVersion ?? 'release',
      width: request.width ?? 430,
    };
    try {
      const answer = await this.accessToken.withAccessToken((token) =>
        this.http.callForFile({ method: 'POST', path: PATH, idempotent: true, query: { access_token: token }, body }),
      );
      const contentType = detectImageType(answer.body);
      if (contentType === null) throw new WechatError(null, `answer is not an image (${answer.contentType})`, PATH);
      return { body: answer.body, contentType };
    } catch (error) {
      const errcode = error instanceof WechatError ? error.errcode : null;
      if (errcode === 41030) throw new AppError('WECHAT_QRCODE_PAGE_INVALID', [{ issue: `${request.page} is not a published page` }]);
      if (errcode === 45009 || errcode === 45011) throw new AppError('WECHAT_RATE_LIMITED');
      throw new AppError('WECHAT_UNAVAILABLE');
    }
  }
}
