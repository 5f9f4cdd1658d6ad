import { AppError } from '../common/app-error.js';

/** What went wrong talking to WeChat: a platform `errcode`, or no usable answer at all. */
export class WechatError extends Error {
  constructor(
    /** WeChat's errcode; null when the call timed out, failed in transit or answered garbage. */
    readonly errcode: number | null,
    readonly errmsg: string,
    readonly path: string,
  ) {
    super(`WeChat ${path}: ${errcode ?? 'no answer'} ${errmsg}`);
    this.name = 'WechatError';
  }
}

/** Errcodes that mean "the access token is stale": refresh once and retry (§0). */
export const STALE_TOKEN_ERRCODES = new Set([40001, 40014, 42001]);

/**
 * The code our client sees for a WeChat failure. The caller names what a rejected user
 * code means for its endpoint (a login code, a phone code). Never a 500: anything we do not
 * recognise is WeChat being unavailable to us.
 */
export function toAppError(error: unknown, invalidCode: 'WECHAT_CODE_INVALID' | 'PHONE_CODE_INVALID'): AppError {
  if (error instanceof AppError) return error;
  const errcode = error instanceof WechatError ? error.errcode : null;
  switch (errcode) {
    case 40029:
    case 40163:
      return new AppError(invalidCode);
    case 40226:
      return new AppError('WECHAT_LOGIN_BLOCKED');
    case 45009:
    case 45011:
      return new AppError('WECHAT_RATE_LIMITED');
    default:
      return new AppError('WECHAT_UNAVAILABLE');
  }
}
