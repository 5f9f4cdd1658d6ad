import { Injectable } from '@nestjs/common';
import { WechatAccessTokenService } from './wechat-access-token.service.js';
import { WechatError } from './wechat-error.js';
import { WechatHttp } from './wechat-http.js';

/** Where the text appears (§5): WeChat tunes its model per scene. */
export const CONTENT_SCENES = { profile: 1, comment: 2, forum: 3, socialLog: 4 } as const;
export type ContentScene = keyof typeof CONTENT_SCENES;

export type ContentSuggestion = 'pass' | 'review' | 'risky';

/**
 * What the check said. `unavailable` means WeChat gave no usable verdict (timeout, HTTP
 * error, garbage, an errcode): callers must treat it like `review`, never like `pass`.
 */
export type ContentVerdict =
  { suggest: ContentSuggestion; label: number; traceId: string | null } | { suggest: 'unavailable'; reason: string };

export interface ContentCheckInput {
  /** The author, who must have used the mini-program within the last two hours. */
  openid: string;
  scene: ContentScene;
  content: string;
}

const PATH = '/wxa/msg_sec_check';
/** msgSecCheck refuses longer content; callers keep their own limits below it. */
export const CONTENT_CHECK_MAX_CHARS = 2500;
const SUGGESTIONS: ReadonlySet<string> = new Set<ContentSuggestion>(['pass', 'review', 'risky']);

/** `msgSecCheck` v2 (§5): WeChat's verdict on user-written text. */
@Injectable()
export class WechatContentSecurityClient {
  constructor(
    private readonly http: WechatHttp,
    private readonly accessToken: WechatAccessTokenService,
  ) {}

  /**
   * Never throws for a WeChat failure: the decision field is `result.suggest` (errcode 0
   * only means the call worked), and anything short of a well-formed verdict is
   * `unavailable`, so unchecked text can never be mistaken for checked text.
   */
  async check({ openid, scene, content }: ContentCheckInput): Promise<ContentVerdict> {
    try {
      const answer = await this.accessToken.withAccessToken((token) =>
        this.http.call({
          method: 'POST',
          path: PATH,
          idempotent: true,
          query: { access_token: token },
          body: { version: 2, openid, scene: CONTENT_SCENES[scene], content },
        }),
      );
      const result = answer.result as { suggest?: unknown; label?: unknown } | undefined;
      if (typeof result?.suggest !== 'string' || !SUGGESTIONS.has(result.suggest)) {
        return { suggest: 'unavailable', reason: 'msg_sec_check answer lacks result.suggest' };
      }
      return {
        suggest: result.suggest as ContentSuggestion,
        label: typeof result.label === 'number' ? result.label : 0,
        traceId: typeof answer.trace_id === 'string' ? answer.trace_id : null,
      };
    } catch (error) {
      if (error instanceof WechatError) return { suggest: 'unavailable', reason: error.message };
      throw error;
    }
  }
}
