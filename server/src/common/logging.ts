import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Params } from 'nestjs-pino';
import { type DestinationStream, type Logger, stdSerializers } from 'pino';
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
const SECRET_KEYS = new Set([
  'authorization',
  'cookie',
  'x-api-key',
  'set-cookie',
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
]);
const REDACTED = '[redacted]';
/** Deeper than any object we log; a deeper (or cyclic) one is cut off rather than walked. */
const MAX_DEPTH = 8;

/**
 * The logged object with the value of every secret key replaced, at any depth. One walk over
 * plain objects and arrays, copying only what changes: pino's path redaction took ~35 µs a
 * line with these keys at two depths (~2 µs without), a cost every request's log line paid.
 * Requests, responses and errors are class instances and pass untouched: their serializers
 * below keep nothing secret (no headers, no query string, no error fields but the message).
 */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth > MAX_DEPTH) return REDACTED;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, index) => {
      const redacted = redactSecrets(item, depth + 1);
      if (redacted !== item) (copy ??= [...value])[index] = redacted;
    });
    return copy ?? value;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  let copy: Record<string, unknown> | undefined;
  for (const [key, inner] of Object.entries(value)) {
    const redacted = SECRET_KEYS.has(key) ? REDACTED : redactSecrets(inner, depth + 1);
    if (redacted !== inner) (copy ??= { ...value })[key] = redacted;
  }
  return copy ?? value;
}

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

/**
 * Logs go to standard output, or to `destination` when given (tests read them from a stream of
 * their own). nestjs-pino gives the services their loggers; its per-request middleware is not
 * mounted (`forRoutes: []`): it ran every request through Fastify's Express-style middleware
 * layer, built a child logger per request and kept it in an AsyncLocalStorage, which on Node 20
 * turns on promise hooks for every promise of the process. The request line is written by
 * `registerRequestLog` instead; a service's log line names the request id itself where it
 * matters (the exception filter's does).
 */
export function loggerParams(config: AppConfig, destination?: DestinationStream): Params {
  const options: HttpLoggerOptions = {
    level: config.logLevel,
    formatters: { log: (object) => redactSecrets(object) as Record<string, unknown> },
    serializers: { err: loggedError },
  };
  return { pinoHttp: destination ? [options, destination] : options, forRoutes: [] };
}

/**
 * One line per answered request, as pino-http wrote it (`req` id, method and path without
 * the query string, `res` status, `responseTime` in ms), from Fastify's `onResponse` hook.
 * Health probes are not logged: a load balancer asks every few seconds.
 */
export function registerRequestLog(fastify: FastifyInstance, root: Logger): void {
  // The line is built from plain values here: the root's req/res serializers expect Node's request and response.
  // Nor does it need the redaction walk (a tenth of a cached read's log line): its keys are the
  // ones below, none of them secret, and the path is logged without its query string.
  const logger = root.child(
    {},
    {
      serializers: { req: (req: unknown) => req, res: (res: unknown) => res },
      formatters: { log: (object: object) => object },
    },
  );
  fastify.addHook('onResponse', (request, reply, done) => {
    const url = request.url;
    if (!url.startsWith('/api/health')) {
      const queryAt = url.indexOf('?');
      const line = {
        req: { id: request.id, method: request.method, url: queryAt === -1 ? url : url.slice(0, queryAt) },
        res: { statusCode: reply.statusCode },
        responseTime: Math.round(reply.elapsedTime),
      };
      if (reply.statusCode >= 500) logger.error(line, 'request errored');
      else logger.info(line, 'request completed');
    }
    done();
  });
}
