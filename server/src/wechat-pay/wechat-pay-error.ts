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
