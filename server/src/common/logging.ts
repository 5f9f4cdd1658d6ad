import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import { type DestinationStream, stdSerializers } from 'pino';
import type { Options as HttpLoggerOptions } from 'pino-http';
import type { AppConfig } from '../config/configuration.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * A caller's request id (a gateway's, or the mini-program's) is kept so one request can be
 * followed across systems; otherwise we make one. Fastify calls this once per request; the
 * id is kept on the raw request so the request logger uses the same one.
 */
export function assignRequestId(req: IncomingMessage & { requestId?: string }): string {
  if (req.requestId) return req.requestId;
  const given = req.headers['x-request-id'];
  req.requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  return req.requestId;
}

/**
 * Never logged: credentials, tokens and personal contact data, wherever they appear in a
 * logged object. Phone numbers and secrets belong to the alumni and to the association.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  ...[
    'password',
    'secret',
    'token',
    'accessToken',
    'refreshToken',
    'code',
    'phone',
    'phoneNumber',
    'purePhoneNumber',
    'idCard',
    'sessionKey',
    'session_key',
  ].flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

/**
 * An error as logged: its kind, message, code and stack, and its cause's. Nothing else: the
 * other fields of a database error hold the query and its parameters (phone numbers,
 * names), and a client error's may hold the request it sent.
 */
function loggedError(error: Error & { code?: unknown; cause?: unknown }): Record<string, unknown> {
  const { type, message, stack } = stdSerializers.err(error);
  const cause = error.cause instanceof Error ? loggedError(error.cause) : undefined;
  return { type, message, stack, ...(error.code !== undefined && { code: error.code }), ...(cause && { cause }) };
}

/** Logs go to standard output, or to `destination` when given (tests read them from a stream of their own). */
export function loggerParams(config: AppConfig, destination?: DestinationStream): Params {
  const options: HttpLoggerOptions = {
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    genReqId: assignRequestId,
    autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/api/health') },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url?.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: loggedError,
    },
  };
  return { pinoHttp: destination ? [options, destination] : options };
}
