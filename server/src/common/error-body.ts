import { HttpException } from '@nestjs/common';
import { ERRORS, type ErrorBody, type ErrorCode, type ErrorDetail } from '@alumni/shared';
import { AppError } from './app-error.js';

/** Fastify's own request errors, by their code, as the codes clients see. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  // Raised by the router before any route runs (bootstrap.ts passes them here).
  FST_ERR_BAD_URL: 'VALIDATION_FAILED',
  FST_ERR_MAX_PARAM_LENGTH: 'VALIDATION_FAILED',
};

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'ROUTE_NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'DATABASE_UNAVAILABLE',
};

/** Errors of the database connection itself (not of one query): the service is unavailable. */
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
  '3D000',
]);

/**
 * PostgreSQL's data exceptions (class 22, and two of class 23) a value from a request can cause: too long for its
 * column, out of its type's range, a NUL byte, not valid for its type. They mean a DTO lets
 * through what the column refuses; the client still gets a 400 naming the problem, and the
 * error is logged so the DTO gets its missing rule.
 */
const DATA_ERROR_ISSUES: Record<string, string> = {
  '22001': 'a text is longer than allowed',
  '22003': 'a number is out of range',
  '22007': 'a date or time is not valid',
  '22008': 'a date or time is out of range',
  '22021': 'a text contains a character that cannot be stored (e.g. NUL)',
  '22P02': 'a value is not valid for its type',
  '22P05': 'a text contains a character that cannot be stored',
  // Integrity rules a request value can break when a DTO lets it through: `null` for a required
  // field (class-validator's @IsOptional() passes null as well as a missing field), a value a
  // CHECK constraint refuses.
  '23502': 'a required value is missing (null is not accepted here)',
  '23514': 'a value is outside what is allowed',
};

/**
 * PostgreSQL's answers to two writers meeting — a unique key taken between our check and our
 * insert, a serialization failure, a deadlock — that a service did not turn into its own
 * code. Trying again may well succeed, so the client gets a 409 saying so, not a 500; it is
 * still logged, since the service should handle the race itself.
 */
const CONCURRENCY_ERROR_CODES: Record<string, true> = { '23505': true, '40001': true, '40P01': true };

/** The entry of `table` for an error's code (of the error itself or of its driver error). */
function byCode<T>(table: Record<string, T>, error: unknown): T | undefined {
  const { code, driverError } = (error ?? {}) as { code?: unknown; driverError?: { code?: unknown } };
  const key = code ?? driverError?.code;
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}

function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && CONNECTION_ERROR_CODES.has(code)) return true;
  const driverError = (error as { driverError?: unknown }).driverError;
  if (driverError && driverError !== error) return isDatabaseUnavailable(driverError);
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(error.message);
}

export interface MappedError {
  status: number;
  body: ErrorBody;
  /** True when the error is a fault of ours, to be logged with its stack. */
  unexpected: boolean;
}

function mapped(code: ErrorCode, details: ErrorDetail[] = [], message: string = ERRORS[code].message): MappedError {
  const { status } = ERRORS[code];
  return { status, body: { error: { code, message, details } }, unexpected: status >= 500 && code === 'INTERNAL' };
}

/** Turns anything thrown while serving a request into the one error body. */
export function toErrorBody(exception: unknown): MappedError {
  if (exception instanceof AppError) return mapped(exception.code, exception.details, exception.message);

  // Fastify's own errors come wrapped by Nest (as the cause) or bare from the router.
  const fastifyError = (exception instanceof HttpException ? exception.cause : exception) as { message?: string } | undefined;
  const fastifyCode = byCode(FASTIFY_CODES, fastifyError);
  if (fastifyCode) return mapped(fastifyCode, fastifyError?.message ? [{ issue: fastifyError.message }] : []);

  if (exception instanceof HttpException) {
    const code = STATUS_CODES[exception.getStatus()];
    if (code) {
      const issue = exception.message;
      return mapped(code, issue && issue !== ERRORS[code].message ? [{ issue }] : []);
    }
  }

  if (isDatabaseUnavailable(exception)) return { ...mapped('DATABASE_UNAVAILABLE'), unexpected: true };
  const dataIssue = byCode(DATA_ERROR_ISSUES, exception);
  if (dataIssue) return { ...mapped('VALIDATION_FAILED', [{ issue: dataIssue }]), unexpected: true };
  if (byCode(CONCURRENCY_ERROR_CODES, exception)) return { ...mapped('CONCURRENT_CHANGE'), unexpected: true };
  return mapped('INTERNAL');
}
