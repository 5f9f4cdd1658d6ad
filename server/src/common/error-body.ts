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

  if (exception instanceof HttpException) {
    const cause = exception.cause as { code?: string; message?: string } | undefined;
    const fastifyCode = cause?.code ? FASTIFY_CODES[cause.code] : undefined;
    if (fastifyCode) return mapped(fastifyCode, cause?.message ? [{ issue: cause.message }] : []);
    const code = STATUS_CODES[exception.getStatus()];
    if (code) {
      const issue = exception.message;
      return mapped(code, issue && issue !== ERRORS[code].message ? [{ issue }] : []);
    }
  }

  if (isDatabaseUnavailable(exception)) return { ...mapped('DATABASE_UNAVAILABLE'), unexpected: true };
  return mapped('INTERNAL');
}
