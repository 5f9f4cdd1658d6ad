/**
 * A 委托代扣 (v2) call that did not succeed. `code` is WeChat Pay's `err_code` when it answered
 * `result_code` FAIL; `RETURN_FAIL` when `return_code` was FAIL (the request itself: signature,
 * parameters); `SIGNATURE_INVALID` when its answer's signature failed; `NETWORK` when nothing
 * usable came back.
 */
export class PapayError extends Error {
  constructor(
    readonly code: string,
    readonly detail: string,
    readonly path: string,
  ) {
    super(`WeChat Pay (v2) ${path}: ${code} ${detail}`);
    this.name = 'PapayError';
  }

  /**
   * WeChat-side or transport trouble: the same request (same out_trade_no) may be sent again.
   * SYSTEMERROR and BANKERROR are v2's "retry with the same parameters" codes; FREQUENCY_LIMITED
   * is our reading of the rate limit (unverified for papay).
   */
  get retriable(): boolean {
    return ['NETWORK', 'SIGNATURE_INVALID', 'SYSTEMERROR', 'BANKERROR', 'FREQUENCY_LIMITED'].includes(this.code);
  }
}

/** Codes after which trying the contract again this month is pointless: fall back to an invitation at once (unverified list). */
export const PAPAY_FINAL_CODES = new Set(['CONTRACT_NOT_EXIST', 'CONTRACTERROR', 'NOAUTH', 'RULELIMIT', 'ACCOUNTERROR', 'PARAM_ERROR']);

/** Why a v2 notification was refused. */
export class PapayNotificationError extends Error {
  constructor(readonly reason: 'MALFORMED' | 'SIGNATURE_INVALID' | 'MCHID_MISMATCH' | 'APPID_MISMATCH' | 'NOT_SUCCESS') {
    super(`WeChat Pay (v2) notification refused: ${reason}`);
    this.name = 'PapayNotificationError';
  }
}
