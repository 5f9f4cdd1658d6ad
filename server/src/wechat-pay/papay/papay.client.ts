import { Injectable, Optional } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HttpAdapterHost } from '@nestjs/core';
import { listeningOrigin } from '../../common/listening-origin.js';
import type { AppConfig, PapayConfig } from '../../config/configuration.js';
import { fromXml, toXml, truncateUtf8, type V2Fields, v2Nonce, v2Sign, v2Verify } from './papay-crypto.js';
import { PapayError, PapayNotificationError } from './papay-error.js';
import { PapayEndpoint } from './papay-endpoint.js';
import {
  type PapayApplyInput,
  type PapayContract,
  type PapayNotification,
  type PapayOrder,
  type PapaySigningInput,
  type PapaySigningRequest,
  SIGNING_MINI_PROGRAM_APPID,
  SIGNING_MINI_PROGRAM_PATH,
} from './papay.types.js';

/**
 * 委托代扣 for a direct merchant, WeChat Pay API v2 (docs/wechat-pay.md, Entrusted deduction):
 * the mini-program signing request (小程序纯签约), 查询签约关系, 申请解约, 申请扣款 (pappayapply),
 * 查询订单 (paporderquery), and the v2 notifications. Every request is XML signed with the
 * APIv2 key; an answer is believed only when `return_code` is SUCCESS and its own `sign`
 * verifies. Only constructed usable when WECHATPAY_PAPAY=true (config.papay).
 */
@Injectable()
export class PapayClient {
  private readonly papay: PapayConfig | null;
  private readonly appId: string;
  private readonly mchid: string;
  private readonly timeoutMs: number;
  private readonly port: number;

  constructor(
    private readonly endpoint: PapayEndpoint,
    config: ConfigService<AppConfig, true>,
    // Absent only where a test builds the client by hand, outside an application.
    @Optional() private readonly adapterHost?: HttpAdapterHost,
  ) {
    this.port = config.get('port', { infer: true });
    this.papay = config.get('wechatPay', { infer: true }).papay;
    this.appId = config.get('wechat', { infer: true }).appId;
    this.mchid = config.get('wechatPay', { infer: true }).mchid;
    this.timeoutMs = config.get('wechat', { infer: true }).timeoutMs;
  }

  /** The merchant has the permission and switched it on. */
  get enabled(): boolean {
    return this.papay !== null;
  }

  private get settings(): PapayConfig {
    if (!this.papay) throw new Error('委托代扣 is off (WECHATPAY_PAPAY): nothing can be signed');
    return this.papay;
  }

  /**
   * Where WeChat Pay sends signing (and, as registered with the template, termination) results
   * and deduction results: WECHATPAY_PAPAY_NOTIFY_URL's `contract-notify` and `pay-notify`,
   * which production requires; in the demo without it, this server's loopback address as bound
   * (as WechatPayClient.notifyUrl does for payments).
   */
  notifyUrl(kind: 'contract' | 'pay'): string {
    const origin = (this.adapterHost && listeningOrigin(this.adapterHost)) ?? `http://127.0.0.1:${this.port}`;
    const base = this.settings.notifyBase ?? `${origin}/api/v1/giving/wechat-pay/papay`;
    return `${base}/${kind}-notify`;
  }

  /** Whom a deduction must name: our mini-program and merchant. */
  get identity(): { appId: string; mchid: string } {
    return { appId: this.appId, mchid: this.mchid };
  }

  get planId(): string {
    return this.settings.planId;
  }

  /**
   * 小程序纯签约: what `wx.navigateToMiniProgram` sends to WeChat Pay's signing mini-program.
   * Every value is a string and all of them but `sign` are signed, MD5: extraData has no
   * `sign_type`, so the default kind (notify_url as it is, not URL-encoded: unverified for the
   * mini-program variant).
   */
  signingRequest(input: PapaySigningInput, now = new Date()): PapaySigningRequest {
    const settings = this.settings;
    const fields: V2Fields = {
      appid: this.appId,
      contract_code: input.contractCode,
      contract_display_account: input.displayAccount,
      mch_id: this.mchid,
      notify_url: this.notifyUrl('contract'),
      plan_id: settings.planId,
      request_serial: input.requestSerial,
      timestamp: String(Math.floor(now.getTime() / 1000)),
    };
    return {
      appId: SIGNING_MINI_PROGRAM_APPID,
      path: SIGNING_MINI_PROGRAM_PATH,
      extraData: { ...fields, sign: v2Sign(fields, settings.apiV2Key, 'MD5') },
    };
  }

  /** 查询签约关系 by plan_id + contract_code; null when WeChat Pay has no such contract (not signed yet). */
  async queryContract(contractCode: string): Promise<PapayContract | null> {
    try {
      const answer = await this.call('/papay/querycontract', {
        appid: this.appId,
        mch_id: this.mchid,
        plan_id: this.settings.planId,
        contract_code: contractCode,
        version: '1.0',
      });
      return {
        contractId: answer.contract_id ?? '',
        contractCode: answer.contract_code ?? contractCode,
        planId: answer.plan_id ?? '',
        openid: answer.openid ?? '',
        signed: answer.contract_state === '0',
        signedTime: answer.contract_signed_time ?? null,
        terminatedTime: answer.contract_terminated_time ?? null,
      };
    } catch (error) {
      // The not-found code is unverified: CONTRACT_NOT_EXIST is what the fake answers.
      if (error instanceof PapayError && error.code === 'CONTRACT_NOT_EXIST') return null;
      throw error;
    }
  }

  /** 申请解约 by contract_id; a contract WeChat Pay no longer has counts as terminated. */
  async terminate(contractId: string, remark: string): Promise<void> {
    try {
      await this.call('/papay/deletecontract', {
        appid: this.appId,
        mch_id: this.mchid,
        contract_id: contractId,
        contract_termination_remark: truncateUtf8(remark, 512),
        version: '1.0',
      });
    } catch (error) {
      if (error instanceof PapayError && error.code === 'CONTRACT_NOT_EXIST') return;
      throw error;
    }
  }

  /**
   * 申请扣款: accepted means WeChat Pay took the order; its outcome comes by the deduction
   * notification (or paporderquery). The same out_trade_no is charged at most once (official),
   * so a request whose answer was lost is sent again with the same number.
   */
  async apply(input: PapayApplyInput): Promise<void> {
    await this.call('/pay/pappayapply', {
      appid: this.appId,
      mch_id: this.mchid,
      nonce_str: v2Nonce(),
      body: truncateUtf8(input.description, 127),
      ...(input.attach ? { attach: truncateUtf8(input.attach, 128) } : {}),
      out_trade_no: input.outTradeNo,
      total_fee: String(input.amountFen),
      fee_type: 'CNY',
      // 调用微信支付API的机器IP (V2-APPLY): this server's, as set (WECHATPAY_PAPAY_SERVER_IP).
      spbill_create_ip: this.settings.serverIp,
      notify_url: this.notifyUrl('pay'),
      trade_type: 'PAP',
      contract_id: input.contractId,
    });
  }

  /** 查询订单 of a deduction; null when WeChat Pay has no such order (ORDERNOTEXIST). */
  async queryOrder(outTradeNo: string): Promise<PapayOrder | null> {
    try {
      const answer = await this.call('/pay/paporderquery', {
        appid: this.appId,
        mch_id: this.mchid,
        out_trade_no: outTradeNo,
        nonce_str: v2Nonce(),
      });
      return toOrder(answer);
    } catch (error) {
      if (error instanceof PapayError && error.code === 'ORDERNOTEXIST') return null;
      throw error;
    }
  }

  /**
   * A v2 notification (signing/termination, or a deduction result), believed only when it is
   * well-formed XML with return_code SUCCESS, its `sign` verifies with the APIv2 key, and it
   * names our merchant (and our appid, when it names one).
   */
  openNotification(raw: string | undefined): PapayNotification {
    const fields = raw === undefined ? null : fromXml(raw);
    if (!fields) throw new PapayNotificationError('MALFORMED');
    if (fields.return_code !== 'SUCCESS') throw new PapayNotificationError('NOT_SUCCESS');
    if (!v2Verify(fields, this.settings.apiV2Key)) throw new PapayNotificationError('SIGNATURE_INVALID');
    if (fields.mch_id !== this.mchid) throw new PapayNotificationError('MCHID_MISMATCH');
    if (fields.appid !== undefined && fields.appid !== this.appId) throw new PapayNotificationError('APPID_MISMATCH');
    return fields;
  }

  /** The order of a deduction result notification. */
  orderOf(notification: PapayNotification): PapayOrder {
    return toOrder(notification);
  }

  /**
   * One v2 request, signed MD5: no 委托代扣 page has a `sign_type` parameter (申请解约 says
   * "签名方式: MD5", 查询订单's `sign` is string[1,32]), and without one MD5 is the default.
   */
  private async call(path: string, fields: V2Fields): Promise<V2Fields> {
    const settings = this.settings;
    const body = toXml({ ...fields, sign: v2Sign(fields, settings.apiV2Key, 'MD5') });
    let text: string;
    try {
      const response = await fetch(`${this.endpoint.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'text/xml; charset=utf-8', 'user-agent': 'AlumniLink-WechatPay/1.0' },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw new PapayError('NETWORK', String(error), path);
    }
    const answer = fromXml(text);
    if (!answer) throw new PapayError('NETWORK', 'the answer is not v2 XML', path);
    if (answer.return_code !== 'SUCCESS') throw new PapayError('RETURN_FAIL', answer.return_msg ?? '', path);
    // Answers are signed like requests; an unsigned or mis-signed one is not believed.
    if (!v2Verify(answer, settings.apiV2Key)) throw new PapayError('SIGNATURE_INVALID', 'answer signature', path);
    if (answer.result_code !== 'SUCCESS') throw new PapayError(answer.err_code || 'FAIL', answer.err_code_des ?? '', path);
    return answer;
  }
}

function toOrder(fields: V2Fields): PapayOrder {
  const fee = fields.total_fee;
  return {
    appid: fields.appid ?? '',
    mchId: fields.mch_id ?? '',
    outTradeNo: fields.out_trade_no ?? '',
    transactionId: fields.transaction_id || null,
    // A result notification with result_code FAIL carries no trade_state: it failed.
    tradeState: fields.trade_state || (fields.result_code === 'SUCCESS' ? 'SUCCESS' : 'PAY_FAIL'),
    totalFee: fee !== undefined && /^\d+$/.test(fee) ? Number(fee) : null,
    contractId: fields.contract_id || null,
    openid: fields.openid || null,
    timeEnd: fields.time_end || null,
    errCode: fields.err_code || null,
  };
}

/** `yyyyMMddHHmmss` in Beijing time (v2's time_end) as a moment. */
export function fromV2Time(value: string | null): Date | null {
  const m = value && /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/.exec(value);
  return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+08:00`) : null;
}

/** A moment as v2's `yyyyMMddHHmmss`, Beijing. */
export function toV2Time(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace(/[-T:]/g, '');
}
