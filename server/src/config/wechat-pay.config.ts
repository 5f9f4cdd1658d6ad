import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { Transform } from 'class-transformer';
import { IsIn, IsIP, IsOptional, Matches, MinLength } from 'class-validator';
import {
  DEVELOPMENT_WECHATPAY_APIV2_KEY,
  DEVELOPMENT_WECHATPAY_APIV3_KEY,
  DEVELOPMENT_WECHATPAY_PAPAY_PLAN_ID,
  DEVELOPMENT_WECHATPAY_MCHID,
  DEVELOPMENT_WECHATPAY_MERCHANT_PRIVATE_KEY,
  DEVELOPMENT_WECHATPAY_MERCHANT_SERIAL,
  DEVELOPMENT_WECHATPAY_PUBLIC_KEY,
  DEVELOPMENT_WECHATPAY_PUBLIC_KEY_ID,
} from '../wechat-pay/development-keys.js';
import { type EnvReader, toBool, withoutTrailingSlash } from './env-reader.js';

class WechatPayVariables {
  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: 'WECHATPAY_API_BASE must be an http(s) URL such as https://api.mch.weixin.qq.com' })
  WECHATPAY_API_BASE = 'https://api.mch.weixin.qq.com';

  @IsOptional()
  @Matches(/^\d{6,32}$/, { message: 'WECHATPAY_MCHID must be the merchant id (digits)' })
  WECHATPAY_MCHID?: string;

  @IsOptional()
  @Matches(/^[0-9A-Fa-f]{8,64}$/, { message: 'WECHATPAY_MERCHANT_SERIAL must be the merchant API certificate serial number (hex)' })
  WECHATPAY_MERCHANT_SERIAL?: string;

  @IsOptional()
  @MinLength(1)
  WECHATPAY_MERCHANT_PRIVATE_KEY?: string;

  @IsOptional()
  @Matches(/^[\x21-\x7e]{32}$/, { message: 'WECHATPAY_APIV3_KEY must be the 32-character APIv3 key set in the merchant console' })
  WECHATPAY_APIV3_KEY?: string;

  @IsOptional()
  @MinLength(1)
  WECHATPAY_PUBLIC_KEY?: string;

  @IsOptional()
  @Matches(/^PUB_KEY_ID_[0-9A-Za-z]+$/, { message: 'WECHATPAY_PUBLIC_KEY_ID must be the WeChat Pay public key id (PUB_KEY_ID_…)' })
  WECHATPAY_PUBLIC_KEY_ID?: string;

  @Transform(toBool)
  @IsIn([true, false], { message: 'WECHATPAY_PLATFORM_CERTIFICATES must be true or false' })
  WECHATPAY_PLATFORM_CERTIFICATES: boolean = false;

  @IsOptional()
  @Matches(/^https?:\/\/[^\s/?#]+\/[^\s?#]*$/, {
    message:
      'WECHATPAY_NOTIFY_URL must be a URL without a query string, e.g. https://alumni.example.edu.cn/api/v1/giving/wechat-pay/notify',
  })
  WECHATPAY_NOTIFY_URL?: string;

  @Transform(toBool)
  @IsIn([true, false], { message: 'WECHATPAY_PAPAY must be true or false' })
  WECHATPAY_PAPAY: boolean = false;

  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'WECHATPAY_PAPAY_PLAN_ID must be the deduction template id (plan_id, digits) WeChat Pay approved' })
  WECHATPAY_PAPAY_PLAN_ID?: string;

  @IsOptional()
  @Matches(/^[\x21-\x7e]{32}$/, { message: 'WECHATPAY_APIV2_KEY must be the 32-character APIv2 key set in the merchant console' })
  WECHATPAY_APIV2_KEY?: string;

  @IsOptional()
  @Matches(/^https?:\/\/[^\s/?#]+\/[^\s?#]*$/, { message: 'WECHATPAY_PAPAY_NOTIFY_URL must be a URL without a query string' })
  WECHATPAY_PAPAY_NOTIFY_URL?: string;

  @IsIP('4', {
    message: 'WECHATPAY_PAPAY_SERVER_IP must be an IPv4 address such as 203.0.113.7: the public address this server calls WeChat Pay from',
  })
  WECHATPAY_PAPAY_SERVER_IP = '127.0.0.1';
}

/**
 * Entrusted deduction (委托代扣, API v2: docs/wechat-pay.md), only when the merchant has the
 * permission and says so (WECHATPAY_PAPAY=true). Null otherwise: pledges stay in invite mode.
 */
export interface PapayConfig {
  /** The approved deduction template (plan_id). */
  planId: string;
  /** The APIv2 key: v2 signatures (MD5, the only kind the 委托代扣 pages use) of requests, answers and notifications. */
  apiV2Key: string;
  /**
   * WECHATPAY_PAPAY_NOTIFY_URL, the address of /api/v1/giving/wechat-pay/papay: signing results
   * arrive at `…/contract-notify` (also the template's termination address, registered at WeChat
   * Pay), deduction results at `…/pay-notify`. Null in the demo when unset: the client names this
   * server's own loopback address as it is bound (PapayClient.notifyUrl), as for payments.
   */
  notifyBase: string | null;
  /**
   * WECHATPAY_PAPAY_SERVER_IP, sent as 申请扣款's spbill_create_ip ("调用微信支付API的机器IP",
   * String(16)): the public IPv4 address this server calls WeChat Pay from. 127.0.0.1 by default,
   * what the server sent before there was a setting (unverified whether WeChat Pay checks it).
   */
  serverIp: string;
}

export interface WechatPayConfig {
  /** False when no merchant is set (WECHATPAY_MCHID) outside the demo: donations are then refused, nothing else changes. */
  configured: boolean;
  /** Start the local fake WeChat Pay server and point the client at it (DEMO=true only). */
  fake: boolean;
  apiBase: string;
  mchid: string;
  /** Serial number of the merchant API certificate, upper-case hex. */
  merchantSerial: string;
  /** PEM of the merchant API private key (read from the file when the variable named a path). */
  merchantPrivateKey: string;
  apiV3Key: string;
  /**
   * Public-key mode: PEM of the WeChat Pay public key and its id (`PUB_KEY_ID_…`), which verify
   * answers and notifications signed under that id. Both empty when the merchant uses platform
   * certificates only.
   */
  publicKey: string;
  publicKeyId: string;
  /**
   * Platform-certificate mode (merchants registered before public keys): the certificates are
   * downloaded from `GET /v3/certificates` and verify what is signed under their serials. With
   * a public key as well, both are accepted (WeChat Pay's migration from one to the other).
   */
  platformCertificates: boolean;
  /**
   * WECHATPAY_NOTIFY_URL (required, https, outside the demo). Null in the demo when unset: the
   * client then names this server's own loopback address as it is bound (WechatPayClient.notifyUrl),
   * so the fake's notifications arrive whatever port the server got (PORT=0 included).
   */
  notifyUrl: string | null;
  papay: PapayConfig | null;
}

const OWN = "your merchant's own value (see docs/giving.md)";

/** WeChat Pay: in the demo the development merchant; otherwise off until WECHATPAY_MCHID is set, and then every value the merchant's own. */
export function readWechatPayConfig(reader: EnvReader, { fake }: { fake: boolean }): WechatPayConfig {
  const vars = reader.read(WechatPayVariables);
  const configured = reader.demo || vars.WECHATPAY_MCHID !== undefined;
  const apiBase = withoutTrailingSlash(vars.WECHATPAY_API_BASE);
  const notifyUrl = vars.WECHATPAY_NOTIFY_URL ?? null;
  if (!configured) {
    const none = {
      mchid: '',
      merchantSerial: '',
      merchantPrivateKey: '',
      apiV3Key: '',
      publicKey: '',
      publicKeyId: '',
      platformCertificates: false,
    };
    if (vars.WECHATPAY_PAPAY) reader.problem('WECHATPAY_PAPAY=true needs a merchant (WECHATPAY_MCHID): deduction is a WeChat Pay product');
    return { configured, fake, apiBase, notifyUrl, ...none, papay: null };
  }
  const own = (name: keyof WechatPayVariables, developmentValue: string, what = OWN) =>
    reader.own(name, vars[name] as string | undefined, developmentValue, what);
  const PUBLIC_KEY_OR_CERTIFICATES = `${OWN.slice(0, -1)}; a merchant still on platform certificates sets WECHATPAY_PLATFORM_CERTIFICATES=true instead)`;
  if (!reader.demo && !vars.WECHATPAY_NOTIFY_URL?.startsWith('https://')) {
    reader.problem('WECHATPAY_NOTIFY_URL must be set to the public https address of /api/v1/giving/wechat-pay/notify');
  }
  // Platform certificates alone need no public key; otherwise (and when either public-key variable is set) both are the merchant's own.
  const platformCertificates = vars.WECHATPAY_PLATFORM_CERTIFICATES === true;
  const publicKeyMode = !platformCertificates || vars.WECHATPAY_PUBLIC_KEY !== undefined || vars.WECHATPAY_PUBLIC_KEY_ID !== undefined;
  return {
    configured,
    fake,
    apiBase,
    mchid: own('WECHATPAY_MCHID', DEVELOPMENT_WECHATPAY_MCHID),
    merchantSerial: own('WECHATPAY_MERCHANT_SERIAL', DEVELOPMENT_WECHATPAY_MERCHANT_SERIAL).toUpperCase(),
    merchantPrivateKey: readPem(
      reader,
      'WECHATPAY_MERCHANT_PRIVATE_KEY',
      own('WECHATPAY_MERCHANT_PRIVATE_KEY', DEVELOPMENT_WECHATPAY_MERCHANT_PRIVATE_KEY),
    ),
    apiV3Key: own('WECHATPAY_APIV3_KEY', DEVELOPMENT_WECHATPAY_APIV3_KEY),
    publicKey: publicKeyMode
      ? readPem(reader, 'WECHATPAY_PUBLIC_KEY', own('WECHATPAY_PUBLIC_KEY', DEVELOPMENT_WECHATPAY_PUBLIC_KEY, PUBLIC_KEY_OR_CERTIFICATES))
      : '',
    publicKeyId: publicKeyMode ? own('WECHATPAY_PUBLIC_KEY_ID', DEVELOPMENT_WECHATPAY_PUBLIC_KEY_ID, PUBLIC_KEY_OR_CERTIFICATES) : '',
    platformCertificates,
    notifyUrl,
    papay: vars.WECHATPAY_PAPAY ? readPapay(reader, vars) : null,
  };
}

function readPapay(reader: EnvReader, vars: WechatPayVariables): PapayConfig {
  if (!reader.demo && !vars.WECHATPAY_PAPAY_NOTIFY_URL?.startsWith('https://')) {
    reader.problem('WECHATPAY_PAPAY_NOTIFY_URL must be set to the public https address of /api/v1/giving/wechat-pay/papay');
  }
  return {
    planId: reader.own('WECHATPAY_PAPAY_PLAN_ID', vars.WECHATPAY_PAPAY_PLAN_ID, DEVELOPMENT_WECHATPAY_PAPAY_PLAN_ID, OWN),
    apiV2Key: reader.own('WECHATPAY_APIV2_KEY', vars.WECHATPAY_APIV2_KEY, DEVELOPMENT_WECHATPAY_APIV2_KEY, OWN),
    notifyBase: vars.WECHATPAY_PAPAY_NOTIFY_URL ? withoutTrailingSlash(vars.WECHATPAY_PAPAY_NOTIFY_URL) : null,
    serverIp: vars.WECHATPAY_PAPAY_SERVER_IP,
  };
}

/** A PEM given inline (newlines possibly escaped as \\n, as container settings often do) or the path of a PEM file. */
function readPem(reader: EnvReader, name: string, value: string): string {
  if (value === '') return '';
  if (value.includes('-----BEGIN')) return value.replace(/\\n/g, '\n');
  const path = isAbsolute(value) ? value : resolve(process.cwd(), value);
  if (existsSync(path)) return readFileSync(path, 'utf8');
  reader.problem(`${name} must be a PEM or the path of a PEM file (no file at ${path})`);
  return '';
}
