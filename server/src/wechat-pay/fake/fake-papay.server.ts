import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { isIPv4 } from 'node:net';
import { text as readBody } from 'node:stream/consumers';
import { fromXml, toXml, type V2Fields, v2Nonce, v2Sign, v2SignatureMatches } from '../papay/papay-crypto.js';
import { toV2Time } from '../papay/papay.client.js';
import { listenOnLoopback, LoopbackFake } from './loopback.js';

/**
 * A local stand-in for WeChat Pay's 委托代扣 API v2 (docs/wechat-pay.md, Entrusted deduction),
 * speaking the same wire contract as api.mch.weixin.qq.com: XML bodies, every request's
 * v2 signature checked with the APIv2 key as MD5, the only kind the 委托代扣 pages use (no
 * `sign_type` parameter: any other signature is `return_code` FAIL 签名错误), every answer
 * and notification signed MD5, the fields' documented lengths and forms enforced. Contracts
 * are made by the signing hook (`sign`, what the donor does in WeChat Pay's signing
 * mini-program), deductions are accepted and then settled (at once by default, or by the
 * test) with a result notification retried until acknowledged.
 * Error codes marked (unverified) in docs/wechat-pay.md are the fake's choice.
 */
export interface FakePapayOptions {
  appId: string;
  mchid: string;
  planId: string;
  apiV2Key: string;
  /** Milliseconds per second of the notification retry schedule (1 turns 15 s into 15 ms). */
  retryMsPerSecond?: number;
}

interface FakeContract {
  contractId: string;
  contractCode: string;
  openid: string;
  displayAccount: string;
  state: 'signed' | 'terminated';
  signedAt: number;
  terminatedAt: number | null;
  /** 0 not terminated, 2 by the user, 3 by the merchant's API (unverified numbering). */
  terminationMode: number;
  notifyUrl: string;
}

interface FakeDeduction {
  outTradeNo: string;
  contractId: string;
  totalFee: number;
  body: string;
  attach: string;
  notifyUrl: string;
  openid: string;
  state: 'ACCEPT' | 'SUCCESS' | 'PAY_FAIL';
  errCode: string | null;
  transactionId: string | null;
  timeEnd: string | null;
}

export interface PapayDelivery {
  kind: 'contract' | 'deduction';
  key: string;
  attempt: number;
  status: number | null;
  /** What the merchant answered in XML: SUCCESS means acknowledged. */
  returnCode: string | null;
}

/** What the merchant did wrong or what the test wants a notification to get wrong. */
export type PapayNotificationVariant = 'valid' | 'bad-signature' | 'wrong-mchid' | 'wrong-amount' | 'wrong-openid';

// Official retry schedules (seconds): contract notifications 0/10/10/10/30/30/30/300…, deduction results 0/15/15/30/180/1800/1800/1800/1800/3600.
const CONTRACT_RETRY_S = [10, 10, 10, 30, 30, 30, 300, 300, 300];
const DEDUCTION_RETRY_S = [15, 15, 30, 180, 1800, 1800, 1800, 1800, 3600];
// 查询订单: out_trade_no is digits, letters and _-|*@, up to 32.
const OUT_TRADE_NO = /^[A-Za-z0-9_\-|*@]{1,32}$/;
// 小程序纯签约: digits and letters; 32 on the older page (the newer says 128): the stricter.
const CONTRACT_CODE = /^[A-Za-z0-9]{1,32}$/;
/** A UTF-8 character of more than three bytes (emoji): contract_display_account refuses them. */
const FOUR_BYTE_CHARACTER = /[\u{10000}-\u{10FFFF}]/u;
const bytes = (value: string | undefined) => Buffer.byteLength(value ?? '', 'utf8');
/**
 * A notify_url as the v2 pages ask: an absolute https address without a query, at most 256.
 * Plain http only to this machine (the fake's allowance, so the demo and tests can be reached).
 */
const notifyUrlProblem = (value: string | undefined): string | null => {
  if (!value || bytes(value) > 256) return 'notify_url 必填且不超过 256';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'notify_url 格式错误';
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return 'notify_url 必须为 https';
  if (url.search !== '' || url.hash !== '') return 'notify_url 不能携带参数';
  return null;
};

class V2Refusal extends Error {
  constructor(
    /** 'RETURN' for a return_code FAIL (the request itself), else the err_code of a result_code FAIL. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
const refuse = (code: string, message: string): never => {
  throw new V2Refusal(code, message);
};

export class FakePapayServer extends LoopbackFake {
  readonly deliveries: PapayDelivery[] = [];
  /** Requests in order, path and fields, for tests to read what the client sent. */
  readonly requests: { path: string; fields: V2Fields }[] = [];
  /** Settle each accepted deduction at once (and notify); tests switch it off to decide outcomes themselves. */
  autoSettle = true;
  private readonly contracts = new Map<string, FakeContract>();
  private readonly serials = new Set<string>();
  private readonly deductions = new Map<string, FakeDeduction>();
  /** Outcomes for the next deductions: a refusal of the request itself (`refuse`) or a failed charge (`fail`). */
  private readonly next: (({ refuse: string } | { fail: string }) & { contractCode?: string })[] = [];
  private constructor(
    server: Server,
    private readonly options: FakePapayOptions,
  ) {
    super(server);
  }

  static async start(options: FakePapayOptions): Promise<FakePapayServer> {
    return new FakePapayServer(await listenOnLoopback(), options);
  }

  /**
   * The donor confirms in WeChat Pay's signing mini-program with these extraData: checked as
   * WeChat Pay would (signature, merchant, template, codes), the contract made, the signing
   * notification sent to its notify_url. Answers what `referrerInfo.extraData` brings back.
   */
  sign(
    extraData: Record<string, string>,
    openid: string,
    { notify = true }: { notify?: boolean } = {},
  ): { return_code: 'SUCCESS' | 'FAIL'; return_msg?: string; contract_id?: string } {
    const fields = { ...extraData };
    if (!v2SignatureMatches(fields, this.options.apiV2Key, 'MD5')) return { return_code: 'FAIL', return_msg: '签名错误' };
    if (fields.appid !== this.options.appId || fields.mch_id !== this.options.mchid)
      return { return_code: 'FAIL', return_msg: '商户信息错误' };
    if (fields.plan_id !== this.options.planId) return { return_code: 'FAIL', return_msg: '模板不存在' };
    const code = fields.contract_code ?? '';
    if (!CONTRACT_CODE.test(code)) return { return_code: 'FAIL', return_msg: '签约协议号格式错误' };
    if (!/^[1-9]\d{0,18}$/.test(fields.request_serial ?? '') || this.serials.has(fields.request_serial!))
      return { return_code: 'FAIL', return_msg: '请求序列号错误' };
    const display = fields.contract_display_account ?? '';
    if (display === '' || [...display].length > 32 || FOUR_BYTE_CHARACTER.test(display))
      return { return_code: 'FAIL', return_msg: '用户账户展示名称错误' };
    if (!/^\d{10}$/.test(fields.timestamp ?? '')) return { return_code: 'FAIL', return_msg: '时间戳错误' };
    const notifyProblem = notifyUrlProblem(fields.notify_url);
    if (notifyProblem) return { return_code: 'FAIL', return_msg: notifyProblem };
    // A contract code is never used twice, whether signed or terminated (official).
    if (this.contracts.has(code)) return { return_code: 'FAIL', return_msg: '签约协议号已使用' };
    this.serials.add(fields.request_serial!);
    const contract: FakeContract = {
      contractId: `Wx${Date.now()}${randomBytes(6).toString('hex')}`.slice(0, 32),
      contractCode: code,
      openid,
      displayAccount: fields.contract_display_account,
      state: 'signed',
      signedAt: Date.now(),
      terminatedAt: null,
      terminationMode: 0,
      notifyUrl: fields.notify_url ?? '',
    };
    this.contracts.set(code, contract);
    if (notify) void this.deliverContract(code, 'valid', 0);
    return { return_code: 'SUCCESS', contract_id: contract.contractId };
  }

  /** The donor ends the contract in WeChat (我 › 服务 › 钱包 › 支付设置 › 自动续费): the termination notification goes out. */
  terminateByUser(contractCode: string, { notify = true }: { notify?: boolean } = {}): void {
    const contract = this.contract(contractCode);
    contract.state = 'terminated';
    contract.terminatedAt = Date.now();
    contract.terminationMode = 2;
    if (notify) void this.deliverContract(contractCode, 'valid', 0);
  }

  contract(contractCode: string): FakeContract {
    const contract = this.contracts.get(contractCode);
    if (!contract) throw new Error(`the fake has no contract ${contractCode}`);
    return contract;
  }

  deduction(outTradeNo: string): FakeDeduction | undefined {
    return this.deductions.get(outTradeNo);
  }

  /** The next deduction request (on this contract, when named) is refused (result_code FAIL with this err_code). */
  refuseNext(errCode: string, contractCode?: string): void {
    this.next.push({ refuse: errCode, contractCode });
  }

  /** The next accepted deduction (on this contract, when named) fails when settled (e.g. NOTENOUGH: the donor's balance). */
  failNext(errCode: string, contractCode?: string): void {
    this.next.push({ fail: errCode, contractCode });
  }

  /** Decides an accepted deduction and (by default) sends its result notification. */
  settle(outTradeNo: string, outcome: 'SUCCESS' | { fail: string } = 'SUCCESS', { notify = true } = {}): FakeDeduction {
    const deduction = this.deductions.get(outTradeNo);
    if (!deduction) throw new Error(`the fake has no deduction ${outTradeNo}`);
    if (deduction.state === 'ACCEPT') {
      if (outcome === 'SUCCESS') {
        deduction.state = 'SUCCESS';
        deduction.transactionId = `4200${Date.now()}${randomBytes(4).toString('hex')}`.slice(0, 32);
        deduction.timeEnd = toV2Time(new Date());
      } else {
        deduction.state = 'PAY_FAIL';
        deduction.errCode = outcome.fail;
      }
    }
    if (notify) void this.deliverDeduction(outTradeNo, 'valid', 0);
    return deduction;
  }

  /** A signed (or deliberately broken) contract notification, as WeChat Pay would POST it. */
  contractNotification(contractCode: string, variant: PapayNotificationVariant = 'valid'): string {
    const c = this.contract(contractCode);
    const fields: V2Fields = {
      return_code: 'SUCCESS',
      result_code: 'SUCCESS',
      mch_id: variant === 'wrong-mchid' ? '1900000999' : this.options.mchid,
      contract_code: c.contractCode,
      plan_id: this.options.planId,
      openid: variant === 'wrong-openid' ? `${c.openid}x` : c.openid,
      change_type: c.state === 'signed' ? 'ADD' : 'DELETE',
      operate_time: beijingSeconds(c.terminatedAt ?? c.signedAt),
      contract_id: c.contractId,
      contract_expired_time: beijingSeconds(c.signedAt + 10 * 365 * 86400_000),
      request_serial: '',
      ...(c.state === 'terminated' ? { contract_termination_mode: String(c.terminationMode) } : {}),
    };
    return this.signed(fields, variant);
  }

  /**
   * A signed (or deliberately broken) deduction result notification. A success carries the
   * order (扣款结果通知's fields); a failure only says which order failed and why, with no
   * amount or state (as WeChat Pay was seen to send one: result_code FAIL, err_code, err_code_des).
   */
  deductionNotification(outTradeNo: string, variant: PapayNotificationVariant = 'valid'): string {
    const d = this.deductions.get(outTradeNo);
    if (!d) throw new Error(`the fake has no deduction ${outTradeNo}`);
    const head: V2Fields = {
      return_code: 'SUCCESS',
      return_msg: 'OK',
      appid: this.options.appId,
      mch_id: variant === 'wrong-mchid' ? '1900000999' : this.options.mchid,
      nonce_str: v2Nonce(),
      out_trade_no: d.outTradeNo,
      contract_id: d.contractId,
    };
    if (d.state !== 'SUCCESS') {
      return this.signed({ ...head, result_code: 'FAIL', err_code: d.errCode ?? 'SYSTEMERROR', err_code_des: '扣款失败' }, variant);
    }
    return this.signed(
      {
        ...head,
        result_code: 'SUCCESS',
        openid: d.openid,
        is_subscribe: 'N',
        bank_type: 'OTHERS',
        total_fee: String(variant === 'wrong-amount' ? d.totalFee + 1 : d.totalFee),
        fee_type: 'CNY',
        cash_fee: String(d.totalFee),
        trade_state: 'SUCCESS',
        transaction_id: d.transactionId!,
        time_end: d.timeEnd!,
        ...(d.attach ? { attach: d.attach } : {}),
      },
      variant,
    );
  }

  /** Delivers a contract notification once (no retries) and answers the merchant's HTTP status. */
  deliverContractOnce(contractCode: string, variant: PapayNotificationVariant = 'valid'): Promise<number | null> {
    return this.deliverContract(contractCode, variant, null);
  }

  /** Delivers a deduction result notification once (no retries) and answers the merchant's HTTP status. */
  deliverDeductionOnce(outTradeNo: string, variant: PapayNotificationVariant = 'valid'): Promise<number | null> {
    return this.deliverDeduction(outTradeNo, variant, null);
  }

  private deliverContract(code: string, variant: PapayNotificationVariant, retry: number | null): Promise<number | null> {
    // A termination goes to the template's address, which the merchant registers at WeChat Pay and
    // we document as the signing address itself: the fake sends both there.
    const c = this.contract(code);
    return this.post(c.notifyUrl, () => this.contractNotification(code, variant), { kind: 'contract', key: code }, retry, CONTRACT_RETRY_S);
  }

  private deliverDeduction(outTradeNo: string, variant: PapayNotificationVariant, retry: number | null): Promise<number | null> {
    const d = this.deductions.get(outTradeNo)!;
    return this.post(
      d.notifyUrl,
      () => this.deductionNotification(outTradeNo, variant),
      { kind: 'deduction', key: outTradeNo },
      retry,
      DEDUCTION_RETRY_S,
    );
  }

  private signed(fields: V2Fields, variant: PapayNotificationVariant): string {
    const clean = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '')) as V2Fields;
    const sign = v2Sign(clean, this.options.apiV2Key, 'MD5');
    return toXml({ ...clean, sign: variant === 'bad-signature' ? sign.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) : sign });
  }

  private async post(
    notifyUrl: string,
    build: () => string,
    record: Pick<PapayDelivery, 'kind' | 'key'>,
    retryIndex: number | null,
    schedule: number[],
  ): Promise<number | null> {
    if (this.closed || !notifyUrl) return null;
    let status: number | null = null;
    let returnCode: string | null = null;
    try {
      const response = await fetch(notifyUrl, {
        method: 'POST',
        headers: { 'content-type': 'text/xml' },
        body: build(),
        signal: AbortSignal.timeout(5000),
      });
      status = response.status;
      returnCode = fromXml(await response.text())?.return_code ?? null;
    } catch {
      // No answer (refused, or over 5 s): a failed delivery, retried on the schedule.
    }
    this.deliveries.push({ ...record, attempt: (retryIndex ?? 0) + 1, status, returnCode });
    // v2 reads the answer's XML: anything but return_code SUCCESS is a failed delivery.
    if (returnCode !== 'SUCCESS' && retryIndex !== null && retryIndex < schedule.length && !this.closed) {
      const timer = setTimeout(
        () => {
          this.timers.delete(timer);
          void this.post(notifyUrl, build, record, retryIndex + 1, schedule);
        },
        schedule[retryIndex]! * (this.options.retryMsPerSecond ?? 1),
      );
      this.timers.add(timer);
    }
    return status;
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const answer = (fields: V2Fields) => {
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(toXml(fields));
    };
    const fields = fromXml(raw);
    if (!fields) return answer({ return_code: 'FAIL', return_msg: 'XML格式错误' });
    this.requests.push({ path, fields });
    // v2 answers a failed signature with return_code FAIL, unsigned. MD5 over every field sent
    // but `sign`: a `sign_type` is just another field, so an HMAC-SHA256 signature fails.
    if (!v2SignatureMatches(fields, this.options.apiV2Key, 'MD5')) return answer({ return_code: 'FAIL', return_msg: '签名错误' });
    try {
      if (fields.mch_id !== this.options.mchid) refuse('RETURN', '商户号错误');
      if (fields.appid !== this.options.appId) refuse('RETURN', 'appid和mch_id不匹配');
      const result = this.route(path, fields);
      answer(this.signedAnswer({ return_code: 'SUCCESS', return_msg: 'OK', result_code: 'SUCCESS', ...result }));
    } catch (error) {
      if (!(error instanceof V2Refusal)) return answer({ return_code: 'FAIL', return_msg: String(error) });
      if (error.code === 'RETURN') return answer({ return_code: 'FAIL', return_msg: error.message });
      answer(this.signedAnswer({ return_code: 'SUCCESS', result_code: 'FAIL', err_code: error.code, err_code_des: error.message }));
    }
  }

  private signedAnswer(fields: V2Fields): V2Fields {
    const base = { appid: this.options.appId, mch_id: this.options.mchid, nonce_str: v2Nonce(), ...fields };
    return { ...base, sign: v2Sign(base, this.options.apiV2Key, 'MD5') };
  }

  private route(path: string, f: V2Fields): V2Fields {
    if (path === '/papay/querycontract') return this.queryContract(f);
    if (path === '/papay/deletecontract') return this.deleteContract(f);
    if (path === '/pay/pappayapply') return this.apply(f);
    if (path === '/pay/paporderquery') return this.queryOrder(f);
    return refuse('RETURN', `no route ${path}`);
  }

  private findContract(f: V2Fields): FakeContract {
    if (f.version !== '1.0') refuse('RETURN', 'version 必须为 1.0');
    if (f.contract_id) {
      for (const c of this.contracts.values()) if (c.contractId === f.contract_id) return c;
      return refuse('CONTRACT_NOT_EXIST', '签约协议不存在');
    }
    if (f.plan_id !== this.options.planId || !f.contract_code) refuse('PARAM_ERROR', '需要 contract_id，或 plan_id 和 contract_code');
    return this.contracts.get(f.contract_code!) ?? refuse('CONTRACT_NOT_EXIST', '签约协议不存在');
  }

  private queryContract(f: V2Fields): V2Fields {
    const c = this.findContract(f);
    return {
      contract_id: c.contractId,
      plan_id: this.options.planId,
      contract_code: c.contractCode,
      contract_display_account: c.displayAccount,
      contract_state: c.state === 'signed' ? '0' : '1',
      contract_signed_time: beijingSeconds(c.signedAt),
      contract_expired_time: beijingSeconds(c.signedAt + 10 * 365 * 86400_000),
      openid: c.openid,
      ...(c.terminatedAt
        ? { contract_terminated_time: beijingSeconds(c.terminatedAt), contract_termination_mode: String(c.terminationMode) }
        : {}),
    };
  }

  private deleteContract(f: V2Fields): V2Fields {
    const c = this.findContract(f);
    if (!f.contract_termination_remark || bytes(f.contract_termination_remark) > 512) refuse('PARAM_ERROR', '解约备注必填且不超过 512');
    if (c.state === 'signed') {
      c.state = 'terminated';
      c.terminatedAt = Date.now();
      c.terminationMode = 3;
      void this.deliverContract(c.contractCode, 'valid', 0);
    }
    return { contract_id: c.contractId, plan_id: this.options.planId, contract_code: c.contractCode };
  }

  private apply(f: V2Fields): V2Fields {
    if (f.trade_type !== 'PAP') refuse('PARAM_ERROR', 'trade_type 必须为 PAP');
    if (!OUT_TRADE_NO.test(f.out_trade_no ?? '')) refuse('PARAM_ERROR', 'out_trade_no 格式错误');
    if (!/^[1-9]\d*$/.test(f.total_fee ?? '')) refuse('PARAM_ERROR', 'total_fee 必须为正整数（分）');
    if (!f.nonce_str || bytes(f.nonce_str) > 32) refuse('PARAM_ERROR', 'nonce_str 必填且不长于 32 位');
    if (!f.body || bytes(f.body) > 127) refuse('PARAM_ERROR', 'body 必填且不超过 127');
    if (f.attach !== undefined && bytes(f.attach) > 128) refuse('PARAM_ERROR', 'attach 不超过 128');
    if (f.fee_type !== undefined && f.fee_type !== 'CNY') refuse('PARAM_ERROR', 'fee_type 只能为 CNY');
    if (!f.contract_id) refuse('PARAM_ERROR', '缺少必填参数');
    // 调用微信支付API的机器IP, String(16): a dotted IPv4 address (an IPv6 one would not fit).
    if (!isIPv4(f.spbill_create_ip ?? '')) refuse('PARAM_ERROR', 'spbill_create_ip 必须为调用方机器的 IPv4 地址');
    const notifyProblem = notifyUrlProblem(f.notify_url);
    if (notifyProblem) refuse('PARAM_ERROR', notifyProblem);
    const existing = this.deductions.get(f.out_trade_no!);
    if (existing) {
      // The same order again is the same order (charged at most once); other values under its number are refused.
      if (existing.totalFee !== Number(f.total_fee) || existing.contractId !== f.contract_id) refuse('OUT_TRADE_NO_USED', '商户订单号重复');
      if (existing.state === 'SUCCESS') refuse('ORDERPAID', '订单已支付');
      return {};
    }
    const contract = [...this.contracts.values()].find((c) => c.contractId === f.contract_id);
    if (!contract || contract.state !== 'signed') refuse('CONTRACT_NOT_EXIST', '签约协议不存在或已解约');
    const index = this.next.findIndex((o) => o.contractCode === undefined || o.contractCode === contract!.contractCode);
    const outcome = index < 0 ? undefined : this.next.splice(index, 1)[0];
    if (outcome && 'refuse' in outcome) refuse(outcome.refuse, '扣款请求被拒绝');
    const deduction: FakeDeduction = {
      outTradeNo: f.out_trade_no!,
      contractId: f.contract_id!,
      totalFee: Number(f.total_fee),
      body: f.body!,
      attach: f.attach ?? '',
      notifyUrl: f.notify_url!,
      openid: contract!.openid,
      state: 'ACCEPT',
      errCode: null,
      transactionId: null,
      timeEnd: null,
    };
    this.deductions.set(deduction.outTradeNo, deduction);
    const failure = outcome && 'fail' in outcome ? { fail: outcome.fail } : null;
    if (this.autoSettle) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (!this.closed) this.settle(deduction.outTradeNo, failure ?? 'SUCCESS');
      }, 10);
      this.timers.add(timer);
    } else if (failure) {
      this.settle(deduction.outTradeNo, failure, { notify: false });
    }
    return {};
  }

  private queryOrder(f: V2Fields): V2Fields {
    if (!f.nonce_str || bytes(f.nonce_str) > 32) refuse('PARAM_ERROR', 'nonce_str 必填且不长于 32 位');
    if (!f.out_trade_no && !f.transaction_id) refuse('PARAM_ERROR', 'transaction_id、out_trade_no 二选一');
    const d =
      (f.transaction_id
        ? [...this.deductions.values()].find((x) => x.transactionId === f.transaction_id)
        : this.deductions.get(f.out_trade_no!)) ?? refuse('ORDERNOTEXIST', '订单不存在');
    return {
      out_trade_no: d.outTradeNo,
      openid: d.openid,
      trade_type: 'PAP',
      trade_state: d.state,
      trade_state_desc: d.state === 'SUCCESS' ? '支付成功' : d.state === 'ACCEPT' ? '已接收，等待扣款' : '扣款失败',
      bank_type: 'OTHERS',
      total_fee: String(d.totalFee),
      fee_type: 'CNY',
      contract_id: d.contractId,
      ...(d.attach ? { attach: d.attach } : {}),
      ...(d.state === 'SUCCESS' ? { cash_fee: String(d.totalFee), transaction_id: d.transactionId!, time_end: d.timeEnd! } : {}),
      ...(d.errCode ? { err_code: d.errCode } : {}),
    };
  }
}

/** `yyyy-MM-dd HH:mm:ss`, Beijing: how the contract APIs write times. */
function beijingSeconds(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}
