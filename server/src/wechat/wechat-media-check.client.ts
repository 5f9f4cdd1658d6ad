import { Injectable } from '@nestjs/common';
import { CONTENT_SCENES, type ContentScene } from './wechat-content-security.client.js';
import { WechatAccessTokenService } from './wechat-access-token.service.js';
import { WechatError } from './wechat-error.js';
import { WechatHttp } from './wechat-http.js';

const PATH = '/wxa/media_check_async';
/** `media_type` of the request: 1 audio, 2 image. */
const IMAGE = 2;

/** A submitted check (its verdict arrives later by message push), or why none was submitted. */
export type MediaCheckSubmission = { traceId: string } | { unavailable: string };

export interface MediaCheckInput {
  /** The uploader, who must have used the mini-program within the last two hours. */
  openid: string;
  scene: ContentScene;
  /** An absolute URL WeChat downloads the image from. */
  mediaUrl: string;
}

/**
 * `mediaCheckAsync` v2 (wechat-contracts.md, "Content security"; WeChat's page
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/mediaCheckAsync.html):
 * WeChat downloads the image at `media_url` and answers only a `trace_id`; the verdict comes
 * later as a `wxa_media_check` event to the message push URL (MessagePushController).
 */
@Injectable()
export class WechatMediaCheckClient {
  constructor(
    private readonly http: WechatHttp,
    private readonly accessToken: WechatAccessTokenService,
  ) {}

  /** Never throws for a WeChat failure: without a trace id no verdict will come, so the caller holds the image for staff. */
  async submit({ openid, scene, mediaUrl }: MediaCheckInput): Promise<MediaCheckSubmission> {
    try {
      const answer = await this.accessToken.withAccessToken((token) =>
        this.http.call({
          method: 'POST',
          path: PATH,
          query: { access_token: token },
          body: { media_url: mediaUrl, media_type: IMAGE, version: 2, scene: CONTENT_SCENES[scene], openid },
        }),
      );
      // A community report says the cloud-call variant spells it traceId; the HTTPS API answers trace_id.
      const traceId = answer.trace_id ?? answer.traceId;
      return typeof traceId === 'string' && traceId !== '' ? { traceId } : { unavailable: 'media_check_async answer lacks trace_id' };
    } catch (error) {
      if (error instanceof WechatError) return { unavailable: error.message };
      throw error;
    }
  }
}
