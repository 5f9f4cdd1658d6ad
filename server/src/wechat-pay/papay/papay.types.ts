import type { V2Fields } from './papay-crypto.js';

/** WeChat Pay's signing mini-program (小程序纯签约: a fixed appId and path, listed in app.json navigateToMiniProgramAppIdList). */
export const SIGNING_MINI_PROGRAM_APPID = 'wxbd687630cd02ce1d';
export const SIGNING_MINI_PROGRAM_PATH = 'pages/index/index';

/** The `wx.navigateToMiniProgram` arguments of a signing request; extraData carries the v2 signature. */
export interface PapaySigningRequest {
  appId: string;
  path: string;
  extraData: Record<string, string>;
}

export interface PapaySigningInput {
  contractCode: string;
  /** Unique per request, digits, not starting with 0, within int64. */
  requestSerial: string;
  /** Shown on WeChat's signing page as the account signed for; never a WeChat nickname (emoji are refused). */
  displayAccount: string;
}

/**
 * A contract as 查询签约关系 answers it. `contract_state` 0 = signed, 1 = not in force /
 * terminated (our reading of the v2 page; unverified for other values, which we treat as not signed).
 */
export interface PapayContract {
  contractId: string;
  contractCode: string;
  planId: string;
  openid: string;
  signed: boolean;
  signedTime: string | null;
  terminatedTime: string | null;
}

/**
 * A deduction order as 查询订单 (paporderquery) answers it, or a deduction result notification
 * says. `tradeState` (查询订单's page): ACCEPT (received, waiting to charge: templates that
 * charge 24 h after the notice), NOTPAY (momentary), SUCCESS and PAY_FAIL (final); a failure
 * notification has none (PAY_FAIL here). REFUND, CLOSED, REVOKED are unverified for PAP.
 * `totalFee` is null when the message carries no amount (a failure notification).
 */
export interface PapayOrder {
  appid: string;
  mchId: string;
  outTradeNo: string;
  transactionId: string | null;
  tradeState: string;
  totalFee: number | null;
  contractId: string | null;
  openid: string | null;
  /** `yyyyMMddHHmmss`, Beijing. */
  timeEnd: string | null;
  errCode: string | null;
}

export interface PapayApplyInput {
  outTradeNo: string;
  amountFen: number;
  contractId: string;
  /** 商品描述 (≤ 127). */
  description: string;
  attach?: string;
}

/** A verified v2 notification: its fields, with `sign` checked and our merchant's. */
export type PapayNotification = V2Fields;
