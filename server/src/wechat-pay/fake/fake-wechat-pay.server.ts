import { createHash, createPrivateKey, type KeyObject, randomBytes, X509Certificate } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { text as readBody } from 'node:stream/consumers';
import { ABNORMAL_REFUND_BANKS } from '@alumni/shared';
import {
  answerMessage,
  decryptSensitive,
  encryptResource,
  nonce,
  parseAuthorization,
  paySignMessage,
  requestMessage,
  rsaSign,
  rsaVerify,
  unixSeconds,
} from '../wechat-pay-crypto.js';
import type { Refund, RefundStatus, Transaction, TradeState } from '../wechat-pay.types.js';
import { FAKE_PLATFORM_CERTIFICATES } from './fake-platform-certificates.js';
import { FAKE_WECHATPAY_PRIVATE_KEY } from './fake-platform-key.js';
import { listenOnLoopback, LoopbackFake } from './loopback.js';

/**
 * A local stand-in for api.mch.weixin.qq.com (wechat-contracts.md §7, §8): it checks our
 * Authorization signature with the merchant public key (401 SIGN_ERROR otherwise), signs
 * every answer with its own WeChat Pay key, keeps orders and refunds with their state
 * machines and error codes, POSTs encrypted, signed notifications to notify_url and retries
 * them on the real schedule (time-scaled) until acknowledged, and serves trade bills. Test
 * hooks (methods, and `/__fake/*` over HTTP) pay orders, forge notifications and inject faults.
 */
export interface FakeWechatPayOptions {
  appId: string;
  mchid: string;
  merchantSerial: string;
  /** Verifies our request signatures and `paySign`. */
  merchantPublicKey: KeyObject;
  apiV3Key: string;
  /** The merchant's public-key id; empty for a merchant on platform certificates only. */
  publicKeyId: string;
  /** Milliseconds per second of WeChat Pay's retry schedule: 1 turns 15 s into 15 ms. */
  retryMsPerSecond?: number;
}

/** What a hand-made notification gets wrong, for the negative paths of §8. */
export type NotificationVariant =
  'valid' | 'bad-signature' | 'stale-timestamp' | 'unknown-serial' | 'tampered-ciphertext' | 'wrong-amount' | 'wrong-mchid' | 'wrong-appid';

export interface SignedNotification {
  headers: Record<string, string>;
  body: string;
}

export interface DeliveryAttempt {
  notificationId: string;
  outTradeNo: string;
  variant: NotificationVariant;
  attempt: number;
  /** The merchant's HTTP status; null when it did not answer within 5 s. */
  status: number | null;
}

/** What the next matching call answers instead of its normal reply. */
export interface PayFault {
  /** Only calls whose path starts with this take the fault (any call otherwise). */
  path?: string;
  status?: number;
  code?: string;
  delayMs?: number;
  /** Answer HTTP 200 with an unsigned HTML page, like a misbehaving proxy. */
  garbage?: boolean;
}

interface FakeOrder {
  transaction: Transaction;
  description: string;
  notifyUrl: string;
  timeExpire: string | null;
  /** The prepay parameters: a later prepay of the same number must repeat them. */
  fingerprint: string;
  refundedFen: number;
  paidAt: number | null;
}

/** A key that signs answers and notifications, and the serial (or public-key id) that names it. */
interface Signer {
  serial: string;
  key: KeyObject;
}

interface FakePlatformCertificateEntry extends Signer {
  certificate: string;
  effectiveTime: string;
  expireTime: string;
}

interface FakeRefund {
  refund: Refund;
  notifyUrl: string;
}

/** An order paid before this fake started, as the merchant's own records have it. */
export interface PaidOrder {
  outTradeNo: string;
  transactionId: string;
  payerOpenid: string;
  totalFen: number;
  paidAt: Date;
  notifyUrl: string;
  refunds: {
    outRefundNo: string;
    refundId: string | null;
    refundFen: number;
    status: RefundStatus;
    createdAt: Date;
    settledAt: Date | null;
  }[];
}

/** An abnormal refund application as the fake received it, its encrypted fields opened (tests check they arrived, and only encrypted). */
export interface AbnormalRefundApplication {
  refundId: string;
  outRefundNo: string;
  type: 'USER_BANK_CARD' | 'MERCHANT_BANK_CARD';
  bankType?: string;
  /** Decrypted by the fake with the private key `Wechatpay-Serial` named. */
  bankAccount?: string;
  realName?: string;
  /** The fields as they travelled. */
  encrypted?: { bankAccount: string; realName: string };
}

/** 发起异常退款's bank_type values (shared with the staff form): the debit cards of the 15 banks WeChat Pay names. */
const BANKS: Record<string, string> = Object.fromEntries(ABNORMAL_REFUND_BANKS.map((bank) => [bank.code, bank.name]));

/**
 * The demo's abnormal refund: a refund whose amount ends in 44 fen (¥x.44, like the magic amounts
 * of WeChat Pay's old sandbox) is reported ABNORMAL this long after it is accepted, as if the
 * payer's card were closed; once staff send it elsewhere (发起异常退款) it succeeds as long after.
 * Every other refund waits for settleRefund, as before. This is how the demo and the journeys
 * meet an abnormal refund without reaching into the fake.
 */
export const DEMO_ABNORMAL_REFUND_FEN = 44;
export const DEMO_REFUND_OUTCOME_MS = 2000;

/** §7.5: 15 retries over about 24 hours, in seconds. */
const RETRY_SCHEDULE_S = [15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600];
const ACK_TIMEOUT_MS = 5000;
const OUT_TRADE_NO = /^[A-Za-z0-9_\-*|]{6,32}$/;
const OUT_REFUND_NO = /^[A-Za-z0-9_\-*|@]{1,64}$/;
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const fail = (status: number, code: string, message: string): never => {
  throw new Refusal(status, code, message);
};

/** A Beijing-time RFC 3339 string, as WeChat Pay writes times. */
const beijing = (ms: number) => `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;

export class FakeWechatPayServer extends LoopbackFake {
  readonly deliveries: DeliveryAttempt[] = [];
  readonly abnormalApplications: AbnormalRefundApplication[] = [];
  private readonly orders = new Map<string, FakeOrder>();
  private readonly refunds = new Map<string, FakeRefund>();
  private readonly bills = new Map<string, string>();
  private readonly faults: PayFault[] = [];
  /** Public-key mode's key, named by the merchant's `PUB_KEY_ID_…`. */
  private readonly publicKeySigner: Signer;
  /** Platform-certificate mode: the certificates `GET /v3/certificates` lists; the last one signs. */
  private readonly platformCertificates: FakePlatformCertificateEntry[] = [];
  /**
   * What signs notifications: the public key for a merchant that has one, platform
   * certificates otherwise. Tests switch it to play WeChat Pay's migration between the two.
   */
  notificationsSignedBy: 'public-key' | 'platform-certificate';
  /** How many times `GET /v3/certificates` was asked. */
  certificateDownloads = 0;
  /** The serial (or public-key id) that signed the last API answer. */
  lastAnswerSerial: string | null = null;
  /** When set, notifications go to this origin instead of notify_url's (a test playing our server down). */
  notifyOrigin: string | null = null;
  private constructor(
    server: Server,
    private readonly options: FakeWechatPayOptions,
  ) {
    super(server);
    this.publicKeySigner = { serial: options.publicKeyId, key: createPrivateKey(FAKE_WECHATPAY_PRIVATE_KEY) };
    this.notificationsSignedBy = options.publicKeyId ? 'public-key' : 'platform-certificate';
    this.addPlatformCertificate(0, Date.parse('2025-01-01T00:00:00Z'));
  }

  /**
   * WeChat Pay's certificate rotation: a new platform certificate joins the list (the old one
   * stays listed until it expires) and signs from now on, under its new serial.
   */
  rotatePlatformCertificate(): string {
    const next = this.platformCertificates.length;
    if (next >= FAKE_PLATFORM_CERTIFICATES.length) throw new Error('the fake has no further platform certificate');
    return this.addPlatformCertificate(next, Date.now() - 1000).serial;
  }

  private addPlatformCertificate(index: number, effectiveMs: number): FakePlatformCertificateEntry {
    const fixture = FAKE_PLATFORM_CERTIFICATES[index]!;
    const entry = {
      serial: fixture.serial,
      key: createPrivateKey(fixture.privateKey),
      certificate: fixture.certificate,
      effectiveTime: beijing(effectiveMs),
      expireTime: beijing(Date.parse(new X509Certificate(fixture.certificate).validTo)),
    };
    this.platformCertificates.push(entry);
    return entry;
  }

  get publicKeyId(): string {
    return this.options.publicKeyId;
  }

  private get currentCertificate(): Signer {
    return this.platformCertificates[this.platformCertificates.length - 1]!;
  }

  /** Answers are signed by the key the request named (§7.2): the public key for its id, the current platform certificate otherwise. */
  private answerSigner(requested: string | string[] | undefined): Signer {
    return typeof requested === 'string' && requested.startsWith('PUB_KEY_ID_') && requested === this.options.publicKeyId
      ? this.publicKeySigner
      : this.currentCertificate;
  }

  static async start(options: FakeWechatPayOptions): Promise<FakeWechatPayServer> {
    return new FakeWechatPayServer(await listenOnLoopback(), options);
  }

  injectFault(fault: PayFault): void {
    this.faults.push(fault);
  }

  /** The order as the fake holds it, or undefined. */
  order(outTradeNo: string): Transaction | undefined {
    return this.orders.get(outTradeNo)?.transaction;
  }

  /**
   * The payer pays: the order becomes SUCCESS and, unless `notify` is false ("accepted but
   * the notification never came"), its notification is delivered and retried until acknowledged.
   */
  pay(outTradeNo: string, { notify = true }: { notify?: boolean } = {}): Transaction {
    const order = this.orders.get(outTradeNo) ?? fail(404, 'ORDER_NOT_EXIST', '订单不存在');
    if (order.transaction.trade_state !== 'NOTPAY')
      fail(400, order.transaction.trade_state === 'CLOSED' ? 'ORDER_CLOSED' : 'ORDERPAID', '订单状态不可支付');
    const now = Date.now();
    order.paidAt = now;
    Object.assign(order.transaction, {
      transaction_id: `42000${now}${randomBytes(4).toString('hex')}`.slice(0, 28),
      trade_state: 'SUCCESS' satisfies TradeState,
      trade_state_desc: '支付成功',
      bank_type: 'OTHERS',
      success_time: beijing(now),
      amount: { ...order.transaction.amount, payer_total: order.transaction.amount.total, payer_currency: 'CNY' },
    });
    if (notify) void this.deliver(outTradeNo, 'valid', { retry: true });
    return order.transaction;
  }

  /**
   * Takes in an order paid before this fake started, with its refunds: the fake keeps orders in
   * memory, so without this the demo's seeded gifts (and any paid before a restart) would be
   * unknown to it and every refund or query of them refused with ORDER_NOT_EXIST. An order it
   * already holds is left as it is.
   */
  restorePaid(paid: PaidOrder): void {
    if (this.orders.has(paid.outTradeNo)) return;
    const open = paid.refunds.filter((r) => r.status !== 'CLOSED');
    this.orders.set(paid.outTradeNo, {
      transaction: {
        appid: this.options.appId,
        mchid: this.options.mchid,
        out_trade_no: paid.outTradeNo,
        transaction_id: paid.transactionId,
        trade_type: 'JSAPI',
        trade_state: open.length > 0 ? 'REFUND' : 'SUCCESS',
        trade_state_desc: '支付成功',
        success_time: beijing(paid.paidAt.getTime()),
        payer: { openid: paid.payerOpenid },
        amount: { total: paid.totalFen, payer_total: paid.totalFen, currency: 'CNY', payer_currency: 'CNY' },
      },
      description: '',
      notifyUrl: paid.notifyUrl,
      timeExpire: null,
      fingerprint: '',
      refundedFen: open.reduce((sum, r) => sum + r.refundFen, 0),
      paidAt: paid.paidAt.getTime(),
    });
    for (const r of paid.refunds) {
      this.refunds.set(r.outRefundNo, {
        notifyUrl: new URL('refund-notify', paid.notifyUrl).toString(),
        refund: {
          refund_id: r.refundId ?? `50300${r.createdAt.getTime()}${randomBytes(4).toString('hex')}`.slice(0, 29),
          out_refund_no: r.outRefundNo,
          transaction_id: paid.transactionId,
          out_trade_no: paid.outTradeNo,
          channel: 'ORIGINAL',
          user_received_account: '支付用户零钱',
          create_time: beijing(r.createdAt.getTime()),
          ...(r.status === 'SUCCESS' && r.settledAt ? { success_time: beijing(r.settledAt.getTime()) } : {}),
          status: r.status,
          amount: { total: paid.totalFen, refund: r.refundFen, payer_total: paid.totalFen, payer_refund: r.refundFen, currency: 'CNY' },
        },
      });
    }
  }

  /** A payment notification for the order as it stands, signed and encrypted, possibly wrong on purpose. */
  notification(outTradeNo: string, variant: NotificationVariant = 'valid'): SignedNotification {
    const order = this.orders.get(outTradeNo);
    if (!order) throw new Error(`no order ${outTradeNo}`);
    const transaction: Transaction = { ...order.transaction, amount: { ...order.transaction.amount } };
    if (variant === 'wrong-amount') transaction.amount.total += 1;
    if (variant === 'wrong-mchid') transaction.mchid = '1900000999';
    if (variant === 'wrong-appid') transaction.appid = 'wx9999999999999999';
    return this.signedEnvelope('TRANSACTION.SUCCESS', 'transaction', '支付成功', JSON.stringify(transaction), variant);
  }

  /** POSTs a notification to the order's notify_url; with `retry`, again on the schedule until a 200/204. */
  async deliver(
    outTradeNo: string,
    variant: NotificationVariant = 'valid',
    { retry = false }: { retry?: boolean } = {},
  ): Promise<number | null> {
    const order = this.orders.get(outTradeNo);
    if (!order) throw new Error(`no order ${outTradeNo}`);
    const notificationId = `EV-${randomBytes(8).toString('hex')}`;
    return this.post(
      order.notifyUrl,
      () => this.notification(outTradeNo, variant),
      { notificationId, outTradeNo, variant },
      retry ? 0 : null,
    );
  }

  /**
   * Ends a PROCESSING refund (SUCCESS, CLOSED or ABNORMAL), or an ABNORMAL one the merchant
   * settled, and notifies as WeChat Pay does — unless `notify` is false: a notification lost.
   */
  settleRefund(outRefundNo: string, status: Exclude<RefundStatus, 'PROCESSING'> = 'SUCCESS', { notify = true } = {}): Refund {
    const held = this.refunds.get(outRefundNo);
    if (!held) throw new Error(`no refund ${outRefundNo}`);
    const { refund } = held;
    // The order's refunded amount holds what is processing or succeeded: an abnormal refund let go of it, a settled one takes it again.
    const heldBefore = refund.status === 'PROCESSING' || refund.status === 'SUCCESS';
    refund.status = status;
    if (status === 'SUCCESS') refund.success_time = beijing(Date.now());
    const holds = status === 'SUCCESS';
    if (heldBefore !== holds) this.orders.get(refund.out_trade_no)!.refundedFen += (holds ? 1 : -1) * refund.amount.refund;
    const notice = {
      mchid: this.options.mchid,
      out_trade_no: refund.out_trade_no,
      transaction_id: refund.transaction_id,
      out_refund_no: refund.out_refund_no,
      refund_id: refund.refund_id,
      refund_status: status,
      success_time: refund.success_time,
      user_received_account: refund.user_received_account,
      amount: {
        total: refund.amount.total,
        refund: refund.amount.refund,
        payer_total: refund.amount.total,
        payer_refund: refund.amount.refund,
      },
    };
    const build = () => this.signedEnvelope(`REFUND.${status}`, 'refund', '退款结果', JSON.stringify(notice), 'valid');
    if (!notify) return refund;
    void this.post(
      held.notifyUrl,
      build,
      { notificationId: `EV-${randomBytes(8).toString('hex')}`, outTradeNo: refund.out_trade_no, variant: 'valid' },
      0,
    );
    return refund;
  }

  private signedEnvelope(
    eventType: string,
    originalType: string,
    summary: string,
    plaintext: string,
    variant: NotificationVariant,
  ): SignedNotification {
    const resource = encryptResource(this.options.apiV3Key, originalType, plaintext);
    if (variant === 'tampered-ciphertext') {
      const bytes = Buffer.from(resource.ciphertext, 'base64');
      bytes[0] = bytes[0]! ^ 0xff;
      resource.ciphertext = bytes.toString('base64');
    }
    const body = JSON.stringify({
      id: `EV-${randomBytes(8).toString('hex')}`,
      create_time: beijing(Date.now()),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary,
      resource,
    });
    const timestamp = String(unixSeconds() - (variant === 'stale-timestamp' ? 301 : 0));
    const nonceStr = nonce();
    const signed = variant === 'bad-signature' ? `${body} ` : body;
    const signer = this.notificationsSignedBy === 'public-key' ? this.publicKeySigner : this.currentCertificate;
    const unknownSerial =
      this.notificationsSignedBy === 'public-key'
        ? 'PUB_KEY_ID_0000000000000000000000000000099'
        : '7FAE0000000000000000000000000000000000FF';
    return {
      headers: {
        'content-type': 'application/json',
        'wechatpay-timestamp': timestamp,
        'wechatpay-nonce': nonceStr,
        'wechatpay-signature': rsaSign(signer.key, answerMessage(timestamp, nonceStr, signed)),
        'wechatpay-serial': variant === 'unknown-serial' ? unknownSerial : signer.serial,
        'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
      },
      body,
    };
  }

  /** One delivery; when `retryIndex` is a number and the answer is not 200/204, the next one is scheduled. */
  private async post(
    notifyUrl: string,
    build: () => SignedNotification,
    record: Omit<DeliveryAttempt, 'attempt' | 'status'>,
    retryIndex: number | null,
  ): Promise<number | null> {
    if (this.closed) return null;
    const target = new URL(notifyUrl);
    const url = this.notifyOrigin ? `${this.notifyOrigin}${target.pathname}` : notifyUrl;
    const { headers, body } = build();
    let status: number | null;
    try {
      const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(ACK_TIMEOUT_MS) });
      await response.arrayBuffer();
      status = response.status;
    } catch {
      status = null;
    }
    this.deliveries.push({ ...record, attempt: (retryIndex ?? 0) + 1, status });
    const acknowledged = status === 200 || status === 204;
    if (!acknowledged && retryIndex !== null && retryIndex < RETRY_SCHEDULE_S.length && !this.closed) {
      const delay = RETRY_SCHEDULE_S[retryIndex]! * (this.options.retryMsPerSecond ?? 1);
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void this.post(notifyUrl, build, record, retryIndex + 1);
      }, delay);
      this.timers.add(timer);
    }
    return status;
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const pathWithQuery = req.url ?? '/';
    const url = new URL(pathWithQuery, 'http://fake');
    const method = req.method ?? 'GET';
    const signer = this.answerSigner(req.headers['wechatpay-serial']);
    try {
      if (url.pathname.startsWith('/__fake/')) return this.hook(method, url, raw, res);
      this.checkSignature(req, method, pathWithQuery, raw);
      const faultIndex = this.faults.findIndex((f) => f.path === undefined || url.pathname.startsWith(f.path));
      if (faultIndex >= 0) {
        const [fault] = this.faults.splice(faultIndex, 1) as [PayFault];
        if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
        if (fault.garbage) {
          res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>502 Bad Gateway</body></html>');
          return;
        }
        if (fault.status) fail(fault.status, fault.code ?? 'SYSTEM_ERROR', '系统繁忙，请稍后重试');
      }
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      const answer = this.route(method, url, body, req.headers['wechatpay-serial']);
      if (typeof answer === 'string') {
        // The bill file: not signed, its SHA-1 is (§7.10).
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(answer);
        return;
      }
      this.answer(res, answer === null ? 204 : 200, answer, signer);
    } catch (error) {
      if (error instanceof Refusal) return this.answer(res, error.status, { code: error.code, message: error.message }, signer);
      if (error instanceof SyntaxError) return this.answer(res, 400, { code: 'PARAM_ERROR', message: '请求体不是有效的 JSON' }, signer);
      return this.answer(res, 500, { code: 'SYSTEM_ERROR', message: String(error) }, signer);
    }
  }

  /** §8 "Pay auth": scheme, five fields, our mchid and serial, 5-minute window, SHA256withRSA over the exact request. */
  private checkSignature(req: IncomingMessage, method: string, pathWithQuery: string, raw: string): void {
    const auth = parseAuthorization(req.headers.authorization);
    if (!auth) fail(401, 'SIGN_ERROR', 'Authorization 头缺失或格式错误');
    const { mchid, serial_no, timestamp, nonce_str, signature } = auth!;
    if (mchid !== this.options.mchid) fail(401, 'SIGN_ERROR', '商户号与签名不匹配');
    if (serial_no !== this.options.merchantSerial) fail(401, 'SIGN_ERROR', '商户证书序列号错误');
    if (!/^\d+$/.test(timestamp) || Math.abs(unixSeconds() - Number(timestamp)) > 300) fail(401, 'SIGN_ERROR', '请求时间戳已过期');
    if (!req.headers['user-agent']) fail(400, 'PARAM_ERROR', '缺少 User-Agent');
    const message = requestMessage(method, pathWithQuery, timestamp, nonce_str, raw);
    if (!rsaVerify(this.options.merchantPublicKey, message, signature)) fail(401, 'SIGN_ERROR', '签名错误');
  }

  private answer(res: ServerResponse, status: number, body: unknown, signer: Signer): void {
    this.lastAnswerSerial = signer.serial;
    const text = status === 204 ? '' : JSON.stringify(body);
    const timestamp = String(unixSeconds());
    const nonceStr = nonce();
    const headers: Record<string, string> = {
      'wechatpay-timestamp': timestamp,
      'wechatpay-nonce': nonceStr,
      'wechatpay-signature': rsaSign(signer.key, answerMessage(timestamp, nonceStr, text)),
      'wechatpay-serial': signer.serial,
      'request-id': randomBytes(12).toString('hex'),
    };
    if (text) headers['content-type'] = 'application/json';
    res.writeHead(status, headers).end(text);
  }

  /** The v3 API: an object answers 200, null 204, a string is the bill file. */
  private route(method: string, url: URL, body: Record<string, unknown>, serial: string | string[] | undefined): unknown {
    const path = url.pathname;
    const abnormal = /^\/v3\/refund\/domestic\/refunds\/([^/]+)\/apply-abnormal-refund$/.exec(path);
    if (method === 'POST' && abnormal) return this.applyAbnormalRefund(decodeURIComponent(abnormal[1]!), body, serial);
    if (method === 'POST' && path === '/v3/pay/transactions/jsapi') return this.prepay(body);
    let match = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/.exec(path);
    if (method === 'GET' && match) {
      if (url.searchParams.get('mchid') !== this.options.mchid) fail(400, 'MCH_NOT_EXISTS', '商户号不存在');
      return this.existingOrder(decodeURIComponent(match[1]!)).transaction;
    }
    match = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/.exec(path);
    if (method === 'POST' && match) return this.closeOrder(decodeURIComponent(match[1]!), body);
    if (method === 'POST' && path === '/v3/refund/domestic/refunds') return this.refund(body);
    match = /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/.exec(path);
    if (method === 'GET' && match) {
      return (this.refunds.get(decodeURIComponent(match[1]!)) ?? fail(404, 'RESOURCE_NOT_EXISTS', '退款单不存在')).refund;
    }
    if (method === 'GET' && path === '/v3/bill/tradebill') return this.tradeBill(url.searchParams);
    if (method === 'GET' && path === '/v3/certificates') return this.certificateList();
    if (method === 'GET' && path === '/v3/billdownload/file') {
      return this.bills.get(url.searchParams.get('token') ?? '') ?? fail(400, 'PARAM_ERROR', '下载链接无效或已过期');
    }
    return fail(404, 'NOT_FOUND', `no route ${method} ${path}`);
  }

  /** 下载平台证书: every listed certificate encrypted with the APIv3 key, associated_data `certificate`. */
  private certificateList(): { data: unknown[] } {
    this.certificateDownloads++;
    return {
      data: this.platformCertificates.map((entry) => {
        const {
          algorithm,
          nonce: iv,
          associated_data,
          ciphertext,
        } = encryptResource(this.options.apiV3Key, 'certificate', entry.certificate);
        return {
          serial_no: entry.serial,
          effective_time: entry.effectiveTime,
          expire_time: entry.expireTime,
          encrypt_certificate: { algorithm, nonce: iv, associated_data, ciphertext },
        };
      }),
    };
  }

  private existingOrder(outTradeNo: string): FakeOrder {
    return this.orders.get(outTradeNo) ?? fail(404, 'ORDER_NOT_EXIST', '订单不存在');
  }

  private prepay(body: Record<string, unknown>): { prepay_id: string } {
    const amount = body.amount as { total?: unknown; currency?: unknown } | undefined;
    const payer = body.payer as { openid?: unknown } | undefined;
    if (body.mchid !== this.options.mchid) fail(400, 'MCH_NOT_EXISTS', '商户号不存在');
    if (body.appid !== this.options.appId) fail(400, 'APPID_MCHID_NOT_MATCH', 'appid 与 mchid 不匹配');
    if (typeof body.description !== 'string' || body.description.length === 0 || body.description.length > 127)
      fail(400, 'PARAM_ERROR', 'description 长度须为 1–127');
    if (typeof body.out_trade_no !== 'string' || !OUT_TRADE_NO.test(body.out_trade_no)) fail(400, 'PARAM_ERROR', 'out_trade_no 格式错误');
    if (body.time_expire !== undefined && (typeof body.time_expire !== 'string' || !RFC3339.test(body.time_expire)))
      fail(400, 'PARAM_ERROR', 'time_expire 须为 RFC 3339 格式');
    this.checkNotifyUrl(body.notify_url);
    if (!amount || !Number.isInteger(amount.total) || (amount.total as number) <= 0) fail(400, 'PARAM_ERROR', 'amount.total 须为正整数');
    if (amount!.currency !== undefined && amount!.currency !== 'CNY') fail(400, 'PARAM_ERROR', 'amount.currency 须为 CNY');
    if (typeof payer?.openid !== 'string' || payer.openid === '') fail(400, 'PARAM_ERROR', 'payer.openid 必填');
    const outTradeNo = body.out_trade_no as string;
    const fingerprint = JSON.stringify([body.description, body.time_expire, body.attach, amount!.total, payer!.openid, body.notify_url]);
    const existing = this.orders.get(outTradeNo);
    if (existing) {
      if (existing.transaction.trade_state === 'CLOSED') fail(400, 'ORDER_CLOSED', '订单已关闭');
      if (existing.transaction.trade_state !== 'NOTPAY') fail(400, 'ORDERPAID', '订单已支付');
      if (existing.fingerprint !== fingerprint) fail(400, 'INVALID_REQUEST', '订单号重复且参数不一致');
    } else {
      this.orders.set(outTradeNo, {
        transaction: {
          appid: body.appid as string,
          mchid: body.mchid as string,
          out_trade_no: outTradeNo,
          trade_type: 'JSAPI',
          trade_state: 'NOTPAY',
          trade_state_desc: '订单未支付',
          ...(typeof body.attach === 'string' ? { attach: body.attach } : {}),
          payer: { openid: payer!.openid as string },
          amount: { total: amount!.total as number, currency: 'CNY' },
        },
        description: body.description as string,
        notifyUrl: body.notify_url as string,
        timeExpire: (body.time_expire as string | undefined) ?? null,
        fingerprint,
        refundedFen: 0,
        paidAt: null,
      });
    }
    return { prepay_id: `wx${Date.now()}${randomBytes(8).toString('hex')}`.slice(0, 34) };
  }

  /** https without a query string; plain http only to a loopback address (the fake-only switch of §8). */
  private checkNotifyUrl(value: unknown): void {
    let url: URL | null;
    try {
      url = typeof value === 'string' ? new URL(value) : null;
    } catch {
      url = null;
    }
    const loopback = url !== null && url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if (!url || (url.protocol !== 'https:' && !loopback) || url.search !== '' || (value as string).length > 255)
      fail(400, 'PARAM_ERROR', 'notify_url 须为不带查询串的 https 地址');
  }

  private closeOrder(outTradeNo: string, body: Record<string, unknown>): null {
    if (body.mchid !== this.options.mchid) fail(400, 'MCH_NOT_EXISTS', '商户号不存在');
    const order = this.existingOrder(outTradeNo);
    const state = order.transaction.trade_state;
    if (state === 'SUCCESS' || state === 'REFUND') fail(400, 'ORDERPAID', '订单已支付，不能关闭');
    if (state === 'CLOSED') fail(400, 'ORDER_CLOSED', '订单已关闭');
    order.transaction.trade_state = 'CLOSED';
    order.transaction.trade_state_desc = '订单已关闭';
    return null;
  }

  private refund(body: Record<string, unknown>): Refund {
    const amount = body.amount as { refund?: unknown; total?: unknown; currency?: unknown } | undefined;
    if (typeof body.out_refund_no !== 'string' || !OUT_REFUND_NO.test(body.out_refund_no))
      fail(400, 'PARAM_ERROR', 'out_refund_no 格式错误');
    if (typeof body.out_trade_no !== 'string') fail(400, 'PARAM_ERROR', 'out_trade_no 必填');
    if (!amount || !Number.isInteger(amount.refund) || (amount.refund as number) <= 0) fail(400, 'PARAM_ERROR', 'amount.refund 须为正整数');
    if (body.notify_url !== undefined) this.checkNotifyUrl(body.notify_url);
    const outRefundNo = body.out_refund_no as string;
    const existing = this.refunds.get(outRefundNo);
    if (existing) {
      if (existing.refund.amount.refund !== amount!.refund || existing.refund.out_trade_no !== body.out_trade_no)
        fail(400, 'INVALID_REQUEST', '退款单号重复且参数不一致');
      return existing.refund;
    }
    const order = this.existingOrder(body.out_trade_no as string);
    if (order.transaction.trade_state !== 'SUCCESS' && order.transaction.trade_state !== 'REFUND')
      fail(400, 'TRADE_ERROR', '订单未支付，不能退款');
    if (amount!.total !== order.transaction.amount.total) fail(400, 'PARAM_ERROR', 'amount.total 与订单金额不一致');
    if (order.refundedFen + (amount!.refund as number) > order.transaction.amount.total)
      fail(400, 'INVALID_REQUEST', '退款金额超过可退金额');
    order.refundedFen += amount!.refund as number;
    order.transaction.trade_state = 'REFUND';
    const refund: Refund = {
      refund_id: `50300${Date.now()}${randomBytes(4).toString('hex')}`.slice(0, 29),
      out_refund_no: outRefundNo,
      transaction_id: order.transaction.transaction_id!,
      out_trade_no: order.transaction.out_trade_no,
      channel: 'ORIGINAL',
      user_received_account: '支付用户零钱',
      create_time: beijing(Date.now()),
      status: 'PROCESSING',
      amount: {
        total: order.transaction.amount.total,
        refund: amount!.refund as number,
        payer_total: order.transaction.amount.total,
        payer_refund: amount!.refund as number,
        currency: 'CNY',
      },
    };
    this.refunds.set(outRefundNo, { refund, notifyUrl: (body.notify_url as string | undefined) ?? order.notifyUrl });
    if (refund.amount.refund % 100 === DEMO_ABNORMAL_REFUND_FEN) this.later(outRefundNo, 'PROCESSING', 'ABNORMAL');
    return refund;
  }

  /**
   * 发起异常退款: only a refund WeChat Pay reports ABNORMAL, named by its refund_id and its
   * out_refund_no; to the payer's card (bank_type one of the 15, card number and name
   * RSA-OAEP-encrypted with the key `Wechatpay-Serial` names) or to the merchant's account.
   * The refund is PROCESSING again, holding its amount, until settleRefund. The refusal codes
   * for a refund in another state and for a field that does not decrypt are the fake's choice
   * (WeChat Pay's page lists no business codes for them: unverified).
   */
  private applyAbnormalRefund(refundId: string, body: Record<string, unknown>, serial: string | string[] | undefined): Refund {
    const held =
      [...this.refunds.values()].find((r) => r.refund.refund_id === refundId) ?? fail(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
    const { refund } = held;
    if (body.out_refund_no !== refund.out_refund_no) fail(400, 'PARAM_ERROR', 'out_refund_no 与退款单不匹配');
    if (body.type !== 'USER_BANK_CARD' && body.type !== 'MERCHANT_BANK_CARD')
      fail(400, 'PARAM_ERROR', 'type 须为 USER_BANK_CARD 或 MERCHANT_BANK_CARD');
    if (refund.status !== 'ABNORMAL') fail(400, 'INVALID_REQUEST', '退款单状态不是退款异常，不能发起异常退款');
    const application: AbnormalRefundApplication = {
      refundId,
      outRefundNo: refund.out_refund_no,
      type: body.type as AbnormalRefundApplication['type'],
    };
    if (body.type === 'USER_BANK_CARD') {
      if (typeof body.bank_type !== 'string' || !(body.bank_type in BANKS)) fail(400, 'PARAM_ERROR', 'bank_type 不是支持的借记卡银行');
      if (typeof body.bank_account !== 'string' || typeof body.real_name !== 'string')
        fail(400, 'PARAM_ERROR', '退款至用户时 bank_account、real_name 必填');
      const key = this.decryptionKey(serial);
      let bankAccount = '';
      let realName = '';
      try {
        bankAccount = decryptSensitive(key, body.bank_account as string);
        realName = decryptSensitive(key, body.real_name as string);
      } catch {
        fail(400, 'PARAM_ERROR', '敏感字段解密失败，请检查加密公钥与 Wechatpay-Serial');
      }
      if (!/^\d{12,30}$/.test(bankAccount)) fail(400, 'PARAM_ERROR', 'bank_account 不是有效的银行卡号');
      if (realName.trim() === '') fail(400, 'PARAM_ERROR', 'real_name 不能为空');
      Object.assign(application, {
        bankType: body.bank_type,
        bankAccount,
        realName,
        encrypted: { bankAccount: body.bank_account, realName: body.real_name },
      });
      refund.channel = 'OTHER_BANKCARD';
      refund.user_received_account = `${BANKS[body.bank_type as string]}借记卡${bankAccount.slice(-4)}`;
    } else {
      refund.user_received_account = '商户结算银行账户';
    }
    this.abnormalApplications.push(application);
    refund.status = 'PROCESSING';
    if (refund.amount.refund % 100 === DEMO_ABNORMAL_REFUND_FEN) this.later(refund.out_refund_no, 'PROCESSING', 'SUCCESS');
    // Processing holds the amount again (settleRefund's rule).
    this.orders.get(refund.out_trade_no)!.refundedFen += refund.amount.refund;
    return refund;
  }

  /** Settles a refund after DEMO_REFUND_OUTCOME_MS, if it is still in the state it was in (a test may have settled it first). */
  private later(outRefundNo: string, from: RefundStatus, to: Exclude<RefundStatus, 'PROCESSING'>): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closed && this.refunds.get(outRefundNo)?.refund.status === from) this.settleRefund(outRefundNo, to);
    }, DEMO_REFUND_OUTCOME_MS);
    this.timers.add(timer);
  }

  /** The private key of the public key or platform certificate a request's `Wechatpay-Serial` names. */
  private decryptionKey(serial: string | string[] | undefined): KeyObject {
    if (typeof serial !== 'string' || serial === '') return fail(400, 'PARAM_ERROR', '敏感字段加密须带 Wechatpay-Serial');
    if (serial === this.options.publicKeyId) return this.publicKeySigner.key;
    return (
      this.platformCertificates.find((c) => c.serial === serial)?.key ??
      fail(400, 'PARAM_ERROR', 'Wechatpay-Serial 不是有效的微信支付公钥ID或平台证书序列号')
    );
  }

  /** §7.10: the day's successful payments (Beijing day of success_time) as WeChat's backtick-prefixed CSV. */
  private tradeBill(query: URLSearchParams): Record<string, string> {
    const day = query.get('bill_date') ?? '';
    if (!/^\d{4}-\d\d-\d\d$/.test(day)) fail(400, 'PARAM_ERROR', 'bill_date 须为 YYYY-MM-DD');
    const paid = [...this.orders.values()].filter((o) => o.paidAt !== null && beijing(o.paidAt).startsWith(day));
    if (paid.length === 0) fail(400, 'NO_STATEMENT_EXIST', '当日无交易记录');
    const cell = (value: string | number) => `\`${value}`;
    const yuan = (fen: number) => (fen / 100).toFixed(2);
    const header =
      '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率';
    const rows = paid.map((o) => {
      const t = o.transaction;
      return [
        beijing(o.paidAt!).slice(0, 19).replace('T', ' '),
        t.appid,
        t.mchid,
        '',
        '',
        t.transaction_id!,
        t.out_trade_no,
        t.payer?.openid ?? '',
        'JSAPI',
        'SUCCESS',
        'OTHERS',
        'CNY',
        yuan(t.amount.total),
        '0.00',
        '0',
        '0',
        '0.00',
        '0.00',
        '',
        '',
        o.description,
        t.attach ?? '',
        '0.00',
        '0.60%',
      ]
        .map(cell)
        .join(',');
    });
    const total = paid.reduce((sum, o) => sum + o.transaction.amount.total, 0);
    const summary = [
      '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额',
      [paid.length, yuan(total), '0.00', '0.00', '0.00', yuan(total), '0.00'].map(cell).join(','),
    ];
    const csv = [header, ...rows, ...summary].join('\r\n') + '\r\n';
    const token = randomBytes(12).toString('hex');
    this.bills.set(token, csv);
    return {
      hash_type: 'SHA1',
      hash_value: createHash('sha1').update(csv, 'utf8').digest('hex'),
      download_url: `${this.url}/v3/billdownload/file?token=${token}`,
    };
  }

  /** `/__fake/*`: pay, notify (any variant), settle refunds, faults, delivery log, paySign check. */
  private hook(method: string, url: URL, raw: string, res: ServerResponse): void {
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    let body: Record<string, unknown>;
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      return send(400, { issue: 'body is not JSON' });
    }
    const path = url.pathname;
    try {
      if (method === 'GET' && path === '/__fake/notifications') return send(200, this.deliveries);
      if (method !== 'POST') return send(405, { issue: 'hooks are POST' });
      let match = /^\/__fake\/pay\/([^/]+)$/.exec(path);
      if (match) return send(200, this.pay(decodeURIComponent(match[1]!), { notify: body.notify !== false }));
      match = /^\/__fake\/notify\/([^/]+)$/.exec(path);
      if (match) {
        void this.deliver(decodeURIComponent(match[1]!), (body.variant as NotificationVariant | undefined) ?? 'valid');
        return send(202, {});
      }
      match = /^\/__fake\/refunds\/([^/]+)\/settle$/.exec(path);
      if (match) return send(200, this.settleRefund(decodeURIComponent(match[1]!), (body.status as 'SUCCESS' | undefined) ?? 'SUCCESS'));
      if (path === '/__fake/fault') {
        this.injectFault({
          path: typeof body.path === 'string' ? body.path : undefined,
          status: typeof body.status === 'number' ? body.status : undefined,
          code: typeof body.code === 'string' ? body.code : undefined,
          delayMs: typeof body.delayMs === 'number' ? body.delayMs : undefined,
        });
        return send(200, {});
      }
      if (path === '/__fake/verify-pay-sign') return send(200, { valid: this.verifyPaySign(body) });
      return send(404, { issue: `unknown hook ${path}` });
    } catch (error) {
      if (error instanceof Refusal) return send(error.status, { code: error.code, message: error.message });
      return send(400, { issue: String(error) });
    }
  }

  /** Whether `wx.requestPayment` would accept these parameters: paySign over appId, timeStamp, nonceStr, package. */
  verifyPaySign(params: Record<string, unknown>): boolean {
    const { appId, timeStamp, nonceStr, package: pkg, paySign } = params as Record<string, string>;
    if (appId !== this.options.appId || !/^\d{10}$/.test(timeStamp ?? '') || !nonceStr || nonceStr.length > 32) return false;
    if (!pkg?.startsWith('prepay_id=') || typeof paySign !== 'string') return false;
    return rsaVerify(this.options.merchantPublicKey, paySignMessage(appId, timeStamp!, nonceStr, pkg), paySign);
  }
}
