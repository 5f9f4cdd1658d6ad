import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min, MinLength } from 'class-validator';
import { type EnvReader, toInt, withoutTrailingSlash } from './env-reader.js';

/** Development WeChat credentials: they only ever talk to the local fake (DEMO=true). */
export const DEVELOPMENT_WECHAT_APP_ID = 'wxdemo0000000000';
export const DEVELOPMENT_WECHAT_APP_SECRET = 'alumnilink-development-wechat-secret';
/** The message push Token the demo's fake signs its pushes with. */
export const DEVELOPMENT_WECHAT_PUSH_TOKEN = 'alumnilinkdevpush';

const HTTP_URL = /^https?:\/\/[^\s/]+(\/\S*)?$/;

class WechatVariables {
  @IsOptional()
  @Matches(/^wx[0-9a-zA-Z]{8,30}$/, { message: 'WECHAT_APP_ID must be the mini-program AppID (wx followed by letters and digits)' })
  WECHAT_APP_ID?: string;

  @IsOptional()
  @MinLength(16, { message: 'WECHAT_APP_SECRET must be the AppSecret from the mini-program admin console' })
  WECHAT_APP_SECRET?: string;

  @Matches(HTTP_URL, { message: 'WECHAT_API_BASE must be an http(s) URL such as https://api.weixin.qq.com' })
  WECHAT_API_BASE = 'https://api.weixin.qq.com';

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  WECHAT_TIMEOUT_MS = 5000;

  @Matches(/^([a-zA-Z]+=[\w-]{1,64}(,[a-zA-Z]+=[\w-]{1,64})*)?$/, {
    message: 'WECHAT_TEMPLATE_IDS must be key=templateId pairs separated by commas (e.g. eventReminder=AbC…,eventChanged=DeF…)',
  })
  WECHAT_TEMPLATE_IDS = '';

  @IsIn(['developer', 'trial', 'formal'], { message: 'WECHAT_MINIPROGRAM_STATE must be developer, trial or formal' })
  WECHAT_MINIPROGRAM_STATE = 'formal';

  @IsOptional()
  @Matches(/^[A-Za-z0-9]{3,32}$/, {
    message: 'WECHAT_PUSH_TOKEN must be the Token of 开发管理 → 消息推送 (3 to 32 letters and digits)',
  })
  WECHAT_PUSH_TOKEN?: string;
}

export interface WechatConfig {
  appId: string;
  appSecret: string;
  /** Where the WeChat clients send requests; the in-process fake's address when `fake` is true. */
  apiBase: string;
  /** Start the local fake WeChat server and point the clients at it (DEMO=true only). */
  fake: boolean;
  timeoutMs: number;
  /** Subscription-message template ids by our template key; a key without one is not sent (see notifications/templates.ts). */
  templateIds: Record<string, string>;
  /** Which version of the mini-program a message card opens. */
  miniprogramState: 'developer' | 'trial' | 'formal';
  /**
   * The Token of the message push (消息推送) the admin console sends image-check verdicts with;
   * null when not set, and then every image waits for staff instead.
   */
  pushToken: string | null;
}

export function readWechatConfig(reader: EnvReader, fake: boolean): WechatConfig {
  const vars = reader.read(WechatVariables);
  return {
    appId: reader.own('WECHAT_APP_ID', vars.WECHAT_APP_ID, DEVELOPMENT_WECHAT_APP_ID, 'the mini-program AppID (admin console → 开发管理)'),
    appSecret: reader.own(
      'WECHAT_APP_SECRET',
      vars.WECHAT_APP_SECRET,
      DEVELOPMENT_WECHAT_APP_SECRET,
      'the mini-program AppSecret (admin console → 开发管理)',
    ),
    apiBase: withoutTrailingSlash(vars.WECHAT_API_BASE),
    fake,
    timeoutMs: vars.WECHAT_TIMEOUT_MS,
    templateIds: Object.fromEntries(
      vars.WECHAT_TEMPLATE_IDS.split(',')
        .filter(Boolean)
        .map((pair) => pair.split('=') as [string, string]),
    ),
    miniprogramState: vars.WECHAT_MINIPROGRAM_STATE as WechatConfig['miniprogramState'],
    pushToken: vars.WECHAT_PUSH_TOKEN ?? (fake ? DEVELOPMENT_WECHAT_PUSH_TOKEN : null),
  };
}
