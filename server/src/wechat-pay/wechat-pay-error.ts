/**
 * WeChat Pay's codes that refuse the business of a request, not its form (wechat-contracts.md
 * §7.9): an order or refund it does not know, funds the merchant lacks, a rule of the trade
 * (paid over a year ago, too many refunds, an amount over what is left, an order closed or
 * already paid). Whoever asked is to see these and act on them. Every other 4xx (SIGN_ERROR,
 * PARAM_ERROR, NO_AUTH, MCH_NOT_EXISTS, APPID_MCHID_NOT_MATCH) is a fault of our configuration
 * or code.
 */
const BUSINESS_REFUSALS = new Set([
  'ORDER_NOT_EXIST',
  'RESOURCE_NOT_EXISTS',
  'NOT_ENOUGH',
  'INVALID_REQUEST',
  'TRADE_ERROR',
  'RULE_LIMIT',
  'ACCOUNT_ERROR',
  'USER_ACCOUNT_ABNORMAL',
  'ORDER_CLOSED',
  'ORDERPAID',
  'OUT_TRADE_NO_USED',
]);

/**
 * A WeChat Pay call that did not succeed. `status` is the HTTP status (null when there was no
 * valid answer: network, timeout, or an answer whose signature failed), `code` WeChat Pay's
 * error code (§7.9), e.g. `ORDERPAID`, `SIGN_ERROR`, `SYSTEM_ERROR`.
 */
export class WechatPayError extends Error {
  constructor(
    readonly status: number | null,
    readonly code: string,
    readonly detail: string,
    readonly path: string,
  ) {
    super(`WeChat Pay ${path}: ${status ?? 'no answer'} ${code} ${detail}`);
    this.name = 'WechatPayError';
  }

  /** WeChat Pay answered and refused the request's business (see BUSINESS_REFUSALS); `detail` is its own message. */
  get businessRefusal(): boolean {
    return this.status !== null && this.status >= 400 && this.status < 500 && BUSINESS_REFUSALS.has(this.code);
  }

  /** WeChat-side or transport trouble: the same request may be sent again (§7.9). */
  get retriable(): boolean {
    return this.code === 'NETWORK' || (this.status !== null && (this.status >= 500 || this.status === 429));
  }
}

/** Why a notification (or an answer) was refused: its signature, its age, its key, or its ciphertext. */
export class WechatPayVerificationError extends Error {
  constructor(readonly reason: 'SIGNATURE_INVALID' | 'TIMESTAMP_STALE' | 'SERIAL_UNKNOWN' | 'DECRYPTION_FAILED' | 'MALFORMED') {
    super(`WeChat Pay verification failed: ${reason}`);
    this.name = 'WechatPayVerificationError';
  }
}
