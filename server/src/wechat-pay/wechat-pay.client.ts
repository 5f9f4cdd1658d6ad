import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { Injectable, Optional } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { listeningOrigin } from '../common/listening-origin.js';
import type { AppConfig, WechatPayConfig } from '../config/configuration.js';
import {
  answerMessage,
  authorizationHeader,
  decryptResource,
  encryptSensitive,
  nonce,
  paySignMessage,
  requestMessage,
  rsaSign,
  rsaVerify,
  unixSeconds,
} from './wechat-pay-crypto.js';
import { type CertificateEntry, type PlatformCertificate, PlatformCertificates } from './platform-certificates.js';
import { WechatPayEndpoint } from './wechat-pay-endpoint.js';
import { WechatPayError, WechatPayVerificationError } from './wechat-pay-error.js';
import type {
  AbnormalRefundInput,
  JsapiPrepayInput,
  NotificationEnvelope,
  Refund,
  RefundInput,
  RequestPaymentParams,
  Transaction,
} from './wechat-pay.types.js';

/** Answers and notifications older or newer than this are refused (§7.2). */
export const MAX_CLOCK_SKEW_SECONDS = 300;
/**
 * Notifications verified and opened here whose byte-identical copies are answered without a
 * second RSA check and decryption (docs/wechat-pay.md, "Copies of a notification"): at most
 * this many, the oldest dropped first. A copy's window and key are checked on every arrival.
 */
export const OPENED_COPIES = 4096;
/** A 5xx, 429 or lost answer is sent again with the same parameters this many times (§7.9). */
const RETRIES = 2;
const RETRY_BASE_MS = 200;

/** Headers as Node gives them (lower-case names); a repeated header counts as absent. */
export type HeaderBag = Record<string, string | string[] | undefined>;

/** A notification verified and opened, with the exact bytes and headers it came with and the key that verified it. */
interface OpenedCopy {
  serial: string;
  timestamp: string;
  nonce: string;
  body: string;
  key: KeyObject;
  opened: { envelope: NotificationEnvelope; resource: unknown };
}

/** Frozen all the way down: an opened notification is handed to every copy of it, so no caller may change it. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

interface Answer {
  status: number;
  text: string;
  /** The opened entries of a certificate list (AnswerCheck 'certificate-list'). */
  certificates?: PlatformCertificate[];
}

/** How an answer is checked: every answer by its signature, a bill file only when it is an error, the certificate list with the keys it brings. */
type AnswerCheck = 'signed' | 'error-only' | 'certificate-list';

/** A public-key id (public-key mode); any other serial names a platform certificate (§7.2). */
const PUBLIC_KEY_ID_PREFIX = 'PUB_KEY_ID_';

/** RFC 3339 in Beijing time, e.g. `2025-06-08T10:34:56+08:00`, as WeChat Pay wants times. */
export function beijingTime(at: Date): string {
  return `${new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

/**
 * The WeChat Pay API v3 client (direct merchant), node:crypto only. Every request is signed
 * with the merchant key (Authorization, §7.1); every answer's signature is checked with the
 * key `Wechatpay-Serial` names, within the 5-minute window (§7.2), before its body is
 * believed. Notifications are verified the same way and decrypted with the APIv3 key.
 * Both of WeChat Pay's key modes: the WeChat Pay public key (`PUB_KEY_ID_…`, every merchant
 * registered since) and platform certificates (older merchants), downloaded from
 * `GET /v3/certificates`, kept per serial and refreshed before expiry and when an unknown
 * serial arrives; with both configured (WeChat Pay's migration) either verifies.
 */
@Injectable()
export class WechatPayClient {
  private readonly pay: WechatPayConfig;
  readonly appId: string;
  /** Null without a merchant (payments off): nothing is signed, and no answer is believed. */
  private readonly merchantKey: KeyObject | null;
  private readonly publicKeys: Map<string, KeyObject>;
  /** Null unless WECHATPAY_PLATFORM_CERTIFICATES=true. */
  private readonly certificates: PlatformCertificates | null;
  private readonly timeoutMs: number;
  private readonly port: number;
  /** By signature: the notifications opened here, for their byte-identical copies (OPENED_COPIES). */
  private readonly openedCopies = new Map<string, OpenedCopy>();

  constructor(
    private readonly endpoint: WechatPayEndpoint,
    @InjectPinoLogger('WechatPayClient') private readonly logger: PinoLogger,
    config: ConfigService<AppConfig, true>,
    // Absent only where a test or benchmark builds the client by hand, outside an application.
    @Optional() private readonly adapterHost?: HttpAdapterHost,
  ) {
    this.pay = config.get('wechatPay', { infer: true });
    this.port = config.get('port', { infer: true });
    this.appId = config.get('wechat', { infer: true }).appId;
    this.timeoutMs = config.get('wechat', { infer: true }).timeoutMs;
    this.merchantKey = this.pay.configured ? createPrivateKey(this.pay.merchantPrivateKey) : null;
    this.publicKeys = new Map(
      this.pay.configured && this.pay.publicKeyId ? [[this.pay.publicKeyId, createPublicKey(this.pay.publicKey)]] : [],
    );
    this.certificates =
      this.pay.configured && this.pay.platformCertificates ? new PlatformCertificates(() => this.downloadCertificates()) : null;
  }

  private signingKey(): KeyObject {
    if (!this.merchantKey) throw new Error('WeChat Pay is not configured (WECHATPAY_MCHID): nothing can be signed');
    return this.merchantKey;
  }

  get mchid(): string {
    return this.pay.mchid;
  }

  get configured(): boolean {
    return this.pay.configured;
  }

  /**
   * Where WeChat Pay notifies a payment, or a refund (`refund-notify`, beside it):
   * WECHATPAY_NOTIFY_URL, which production requires (config/wechat-pay.config.ts). Without it
   * (the demo) this server's own loopback address as it is bound, read from the socket at each
   * call: PORT=0 (tests, journeys) binds a port only the socket knows, and a URL naming the
   * configured port would leave every notification undelivered.
   */
  notifyUrl(kind: 'payment' | 'refund' = 'payment'): string {
    const origin = (this.adapterHost && listeningOrigin(this.adapterHost)) ?? `http://127.0.0.1:${this.port}`;
    const payment = this.pay.notifyUrl ?? `${origin}/api/v1/giving/wechat-pay/notify`;
    return kind === 'payment' ? payment : new URL('refund-notify', payment).toString();
  }

  /** JSAPI / mini-program prepay (§7.3): the prepay_id. Repeating it for the same order with the same values is allowed. */
  async jsapiPrepay(input: JsapiPrepayInput): Promise<string> {
    const body = {
      appid: this.appId,
      mchid: this.pay.mchid,
      description: input.description,
      out_trade_no: input.outTradeNo,
      time_expire: beijingTime(input.timeExpire),
      ...(input.attach ? { attach: input.attach } : {}),
      notify_url: this.notifyUrl(),
      amount: { total: input.amountFen, currency: 'CNY' },
      payer: { openid: input.openid },
    };
    const answer = await this.json<{ prepay_id: string }>('POST', '/v3/pay/transactions/jsapi', body);
    return answer.prepay_id;
  }

  /** The order as WeChat Pay sees it (§7.6); null when WeChat Pay does not know it (ORDER_NOT_EXIST). */
  async queryByOutTradeNo(outTradeNo: string): Promise<Transaction | null> {
    const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${encodeURIComponent(this.pay.mchid)}`;
    try {
      return await this.json<Transaction>('GET', path);
    } catch (error) {
      if (error instanceof WechatPayError && error.code === 'ORDER_NOT_EXIST') return null;
      throw error;
    }
  }

  /** Closes an unpaid order (§7.7); an order already closed counts as closed. ORDERPAID is thrown: the order was paid. */
  async close(outTradeNo: string): Promise<void> {
    try {
      await this.call('POST', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`, { mchid: this.pay.mchid });
    } catch (error) {
      if (error instanceof WechatPayError && error.code === 'ORDER_CLOSED') return;
      throw error;
    }
  }

  /** Applies for a refund (§7.8); the same out_refund_no never refunds twice, so a failed call is retried with it. */
  createRefund(input: RefundInput): Promise<Refund> {
    return this.json<Refund>('POST', '/v3/refund/domestic/refunds', {
      out_trade_no: input.outTradeNo,
      out_refund_no: input.outRefundNo,
      ...(input.reason ? { reason: input.reason } : {}),
      ...(input.notifyUrl ? { notify_url: input.notifyUrl } : {}),
      amount: { refund: input.refundFen, total: input.totalFen, currency: 'CNY' },
    });
  }

  /**
   * 发起异常退款 (§7.8a): sends an ABNORMAL refund to the payer's debit card or to the merchant's
   * settlement account; the answer is the refund (PROCESSING again until it settles). Card
   * number and name are encrypted (RSA-OAEP) with the key `Wechatpay-Serial` names, and exist
   * in plain text only in this call's memory: never in a log line, a row or an error.
   */
  async applyAbnormalRefund(input: AbnormalRefundInput): Promise<Refund> {
    const path = `/v3/refund/domestic/refunds/${encodeURIComponent(input.refundId)}/apply-abnormal-refund`;
    if (input.type === 'MERCHANT_BANK_CARD') return this.json<Refund>('POST', path, { out_refund_no: input.outRefundNo, type: input.type });
    const { serial, key } = await this.encryptionKey();
    const body = {
      out_refund_no: input.outRefundNo,
      type: input.type,
      bank_type: input.bankType,
      bank_account: encryptSensitive(key, input.bankAccount),
      real_name: encryptSensitive(key, input.realName),
    };
    return this.json<Refund>('POST', path, body, serial);
  }

  /** The key sensitive fields are encrypted with, and its serial: the WeChat Pay public key if we have one, else the newest platform certificate. */
  private async encryptionKey(): Promise<{ serial: string; key: KeyObject }> {
    const publicKey = this.pay.publicKeyId ? this.publicKeys.get(this.pay.publicKeyId) : undefined;
    if (publicKey) return { serial: this.pay.publicKeyId, key: publicKey };
    if (this.certificates) {
      if (!this.certificates.newestSerial())
        await this.certificates.refresh().catch((error: unknown) => this.certificateDownloadFailed(error));
      const serial = this.certificates.newestSerial();
      const key = serial ? this.certificates.key(serial) : null;
      if (serial && key) return { serial, key };
    }
    throw this.logged(
      new WechatPayError(null, 'NO_ENCRYPTION_KEY', 'no WeChat Pay public key or platform certificate to encrypt with', '-'),
    );
  }

  /** A refund's state; null when WeChat Pay does not know the number. */
  async queryRefund(outRefundNo: string): Promise<Refund | null> {
    try {
      return await this.json<Refund>('GET', `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`);
    } catch (error) {
      if (error instanceof WechatPayError && (error.code === 'RESOURCE_NOT_EXISTS' || error.code === 'ORDER_NOT_EXIST')) return null;
      throw error;
    }
  }

  /**
   * The trade bill of one Beijing day as CSV text (§7.10), its SHA-1 checked; null when there
   * were no trades that day (NO_STATEMENT_EXIST).
   */
  async tradeBill(billDate: string, billType: 'ALL' | 'SUCCESS' | 'REFUND' = 'ALL'): Promise<string | null> {
    let bill: { hash_type: string; hash_value: string; download_url: string };
    try {
      bill = await this.json('GET', `/v3/bill/tradebill?bill_date=${billDate}&bill_type=${billType}`);
    } catch (error) {
      if (error instanceof WechatPayError && error.code === 'NO_STATEMENT_EXIST') return null;
      throw error;
    }
    const url = new URL(bill.download_url);
    // The file itself is not signed; its hash, in a signed answer, vouches for it.
    const { text } = await this.call('GET', `${url.pathname}${url.search}`, undefined, 'error-only');
    if (createHash('sha1').update(text, 'utf8').digest('hex') !== bill.hash_value.toLowerCase()) {
      throw new WechatPayError(null, 'BILL_HASH_MISMATCH', 'the downloaded bill does not match its SHA-1', url.pathname);
    }
    return text;
  }

  /** The `wx.requestPayment` parameters for a prepay_id, with `paySign` (§7.4). */
  requestPayment(prepayId: string): RequestPaymentParams {
    const timeStamp = String(unixSeconds());
    const nonceStr = nonce();
    const pkg = `prepay_id=${prepayId}`;
    return {
      timeStamp,
      nonceStr,
      package: pkg,
      signType: 'RSA',
      paySign: rsaSign(this.signingKey(), paySignMessage(this.appId, timeStamp, nonceStr, pkg)),
    };
  }

  /**
   * Checks a notification's signature and age on its raw body, then decrypts its resource.
   * Throws WechatPayVerificationError naming what failed; nothing about it is trusted before.
   */
  async openNotification<T>(
    headers: HeaderBag,
    rawBody: string,
    now: number = Date.now(),
  ): Promise<{ envelope: NotificationEnvelope; resource: T }> {
    const copy = await this.openedCopy(headers, rawBody, now);
    if (copy) return copy.opened as { envelope: NotificationEnvelope; resource: T };
    const key = await this.verifySigned(headers, rawBody, now);
    let envelope: NotificationEnvelope;
    try {
      envelope = JSON.parse(rawBody) as NotificationEnvelope;
    } catch {
      throw new WechatPayVerificationError('MALFORMED');
    }
    if (typeof envelope?.resource?.ciphertext !== 'string') throw new WechatPayVerificationError('MALFORMED');
    let plaintext: string;
    try {
      plaintext = decryptResource(this.pay.apiV3Key, envelope.resource);
    } catch {
      throw new WechatPayVerificationError('DECRYPTION_FAILED');
    }
    let opened: { envelope: NotificationEnvelope; resource: T };
    try {
      opened = deepFreeze({ envelope, resource: JSON.parse(plaintext) as T });
    } catch {
      throw new WechatPayVerificationError('MALFORMED');
    }
    this.rememberOpened(headers, rawBody, key, opened);
    return opened;
  }

  /**
   * A byte-identical copy of a notification verified and opened here (WeChat Pay sends each
   * several times, §7.5): the same serial, timestamp, nonce, body and signature, so the RSA
   * check and the decryption, pure functions of those bytes and our keys, would give the same
   * result. What depends on the moment is checked again on each arrival, as for a first one:
   * the serial must still name the very key that verified it (a certificate expires), and the
   * timestamp must still be within the 5-minute window (§7.2). Null sends it the whole way.
   */
  private async openedCopy(headers: HeaderBag, rawBody: string, now: number): Promise<OpenedCopy | null> {
    const signature = headers['wechatpay-signature'];
    const copy = typeof signature === 'string' ? this.openedCopies.get(signature) : undefined;
    if (
      !copy ||
      copy.body !== rawBody ||
      headers['wechatpay-timestamp'] !== copy.timestamp ||
      headers['wechatpay-nonce'] !== copy.nonce ||
      headers['wechatpay-serial'] !== copy.serial
    ) {
      return null;
    }
    if (Math.abs(unixSeconds(now) - Number(copy.timestamp)) > MAX_CLOCK_SKEW_SECONDS) {
      this.openedCopies.delete(signature as string);
      return null;
    }
    return (await this.verificationKey(copy.serial, now)) === copy.key ? copy : null;
  }

  private rememberOpened(headers: HeaderBag, rawBody: string, key: KeyObject, opened: OpenedCopy['opened']): void {
    // verifySigned took each of these as a single string.
    const [signature, timestamp, nonceStr, serial] = [
      'wechatpay-signature',
      'wechatpay-timestamp',
      'wechatpay-nonce',
      'wechatpay-serial',
    ].map((name) => headers[name] as string) as [string, string, string, string];
    if (this.openedCopies.size >= OPENED_COPIES) this.openedCopies.delete(this.openedCopies.keys().next().value!);
    this.openedCopies.set(signature, { serial, timestamp, nonce: nonceStr, body: rawBody, key, opened });
  }

  /**
   * The §7.2 check: key by `Wechatpay-Serial`, timestamp within 5 minutes, SHA256withRSA over
   * `ts\nnonce\nbody\n`. `listed` are the certificates of a list being downloaded: they may
   * verify its own answer, and then no further download is asked for. Returns the key that verified.
   */
  async verifySigned(headers: HeaderBag, rawBody: string, now: number = Date.now(), listed?: PlatformCertificate[]): Promise<KeyObject> {
    const header = (name: string) => {
      const value = headers[name];
      return typeof value === 'string' && value !== '' ? value : null;
    };
    const timestamp = header('wechatpay-timestamp');
    const nonceStr = header('wechatpay-nonce');
    const signature = header('wechatpay-signature');
    const serial = header('wechatpay-serial');
    if (!timestamp || !nonceStr || !signature || !serial || !/^\d{1,12}$/.test(timestamp)) {
      throw new WechatPayVerificationError('MALFORMED');
    }
    const key = await this.verificationKey(serial, now, listed);
    if (!key) throw new WechatPayVerificationError('SERIAL_UNKNOWN');
    if (Math.abs(unixSeconds(now) - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) throw new WechatPayVerificationError('TIMESTAMP_STALE');
    if (!rsaVerify(key, answerMessage(timestamp, nonceStr, rawBody), signature)) throw new WechatPayVerificationError('SIGNATURE_INVALID');
    return key;
  }

  /** The public key of a `PUB_KEY_ID_…`, or the platform certificate of a serial, downloading the list once when the serial is new to us. */
  private async verificationKey(serial: string, now: number, listed?: PlatformCertificate[]): Promise<KeyObject | null> {
    if (serial.startsWith(PUBLIC_KEY_ID_PREFIX)) return this.publicKeys.get(serial) ?? null;
    if (!this.certificates) return null;
    if (listed)
      return (
        listed.find((c) => c.serial === serial && c.effectiveAt <= now && now < c.expiresAt)?.key ?? this.certificates.key(serial, now)
      );
    const held = this.certificates.key(serial, now);
    if (held) {
      if (this.certificates.due(now)) void this.certificates.refresh().catch((error: unknown) => this.certificateDownloadFailed(error));
      return held;
    }
    await this.certificates.refresh().catch((error: unknown) => this.certificateDownloadFailed(error));
    return this.certificates.key(serial, now);
  }

  /**
   * `GET /v3/certificates`: every entry decrypted with the APIv3 key and checked, the answer's
   * signature verified (possibly by a certificate of the list itself, as on the first download).
   */
  private async downloadCertificates(): Promise<PlatformCertificate[]> {
    const { certificates } = await this.call('GET', '/v3/certificates', undefined, 'certificate-list');
    return certificates!;
  }

  private openCertificateList(text: string): PlatformCertificate[] {
    let entries: CertificateEntry[];
    try {
      entries = (JSON.parse(text) as { data: CertificateEntry[] }).data;
      if (!Array.isArray(entries)) throw new Error('no data');
    } catch {
      throw new WechatPayError(null, 'MALFORMED_ANSWER', 'the certificate list is not {data: [...]}', '/v3/certificates');
    }
    return entries.flatMap((entry) => {
      try {
        return [PlatformCertificates.open(this.pay.apiV3Key, entry)];
      } catch (error) {
        this.logger.warn({ serial: entry?.serial_no, reason: (error as Error).message }, 'WeChat Pay platform certificate refused');
        return [];
      }
    });
  }

  private certificateDownloadFailed(error: unknown): void {
    this.logger.warn({ reason: (error as Error).message }, 'downloading the WeChat Pay platform certificates failed');
  }

  private async json<T>(method: 'GET' | 'POST', pathWithQuery: string, body?: unknown, serial?: string): Promise<T> {
    const { text } = await this.call(method, pathWithQuery, body, 'signed', serial);
    try {
      return JSON.parse(text) as T;
    } catch {
      throw this.logged(new WechatPayError(null, 'MALFORMED_ANSWER', 'the answer is not JSON', pathWithQuery));
    }
  }

  /** One signed call, retried on WeChat-side trouble; a 2xx answer whose signature checks out, or a WechatPayError. */
  /** `serial`: the key sensitive fields were encrypted with, named in `Wechatpay-Serial` (the usual one otherwise). */
  private async call(
    method: 'GET' | 'POST',
    pathWithQuery: string,
    body?: unknown,
    check: AnswerCheck = 'signed',
    serial?: string,
  ): Promise<Answer> {
    // Serialised once: the signed bytes are the bytes sent.
    const payload = body === undefined ? '' : JSON.stringify(body);
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(method, pathWithQuery, payload, check, serial);
      } catch (error) {
        const wechatError = error as WechatPayError;
        if (!wechatError.retriable || attempt >= RETRIES) throw this.logged(wechatError);
        await new Promise((resolve) => setTimeout(resolve, RETRY_BASE_MS * 2 ** attempt));
      }
    }
  }

  private async once(method: 'GET' | 'POST', pathWithQuery: string, payload: string, check: AnswerCheck, named?: string): Promise<Answer> {
    const timestamp = String(unixSeconds());
    const nonceStr = nonce();
    const signature = rsaSign(this.signingKey(), requestMessage(method, pathWithQuery, timestamp, nonceStr, payload));
    const headers: Record<string, string> = {
      authorization: authorizationHeader({
        mchid: this.pay.mchid,
        nonce_str: nonceStr,
        signature,
        timestamp,
        serial_no: this.pay.merchantSerial,
      }),
      accept: 'application/json',
      'user-agent': 'AlumniLink-WechatPay/1.0',
    };
    // Names the key WeChat Pay signs the answer with: the public key when we have one, else our newest platform certificate.
    const serial = named ?? (this.pay.publicKeyId || this.certificates?.newestSerial());
    if (serial) headers['wechatpay-serial'] = serial;
    if (method === 'POST') headers['content-type'] = 'application/json';
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.endpoint.baseUrl}${pathWithQuery}`, {
        method,
        headers,
        body: method === 'POST' ? payload : undefined,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? `timed out after ${this.timeoutMs} ms` : 'request failed';
      throw new WechatPayError(null, 'NETWORK', reason, pathWithQuery);
    }
    const certificates = check === 'certificate-list' ? (response.ok ? this.openCertificateList(text) : []) : undefined;
    if (check !== 'error-only' || !response.ok) {
      try {
        await this.verifySigned(Object.fromEntries(response.headers), text, Date.now(), certificates);
      } catch (error) {
        const reason = (error as WechatPayVerificationError).reason;
        throw new WechatPayError(null, `ANSWER_${reason}`, `HTTP ${response.status} answer failed verification`, pathWithQuery);
      }
    }
    if (response.ok) return { status: response.status, text, certificates };
    let code = 'HTTP_ERROR';
    let detail = '';
    try {
      const parsed = JSON.parse(text) as { code?: unknown; message?: unknown };
      code = typeof parsed.code === 'string' ? parsed.code : code;
      detail = typeof parsed.message === 'string' ? parsed.message : '';
    } catch {
      // Not JSON: the status says enough.
    }
    throw new WechatPayError(response.status, code, detail, pathWithQuery);
  }

  private logged(error: WechatPayError): WechatPayError {
    this.logger.warn(
      { path: error.path.split('?')[0], status: error.status, code: error.code, detail: error.detail },
      'WeChat Pay call failed',
    );
    return error;
  }
}
