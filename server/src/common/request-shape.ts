import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ERRORS, type ErrorBody, type ErrorCode } from '@alumni/shared';
import { AppError } from './app-error.js';
import { toErrorBody } from './error-body.js';

/**
 * What Node's HTTP parser refuses before Fastify sees a request (`clientError`): a request
 * line or headers over the size limit (Node's maxHeaderSize, 16 KB), a method Node does not
 * know, a broken header, a request that took too long to arrive. Fastify's default answers
 * these with a body of its own; they get the one error body every other 4xx carries.
 */
const CLIENT_ERRORS: Record<string, ErrorCode> = {
  HPE_HEADER_OVERFLOW: 'REQUEST_HEADERS_TOO_LARGE',
  ERR_HTTP_REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
};

const ISSUES: Partial<Record<ErrorCode, string>> = {
  REQUEST_HEADERS_TOO_LARGE: 'the request line and headers must fit in 16 KB together',
  REQUEST_TIMEOUT: 'the request did not arrive in time',
};

/** Fastify's `clientErrorHandler`: writes the error body on the raw socket, then closes it. */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has nobody left to answer (as in Fastify's own handler).
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code = CLIENT_ERRORS[error.code ?? ''] ?? 'MALFORMED_HTTP_REQUEST';
  const { status, message } = ERRORS[code];
  const body: ErrorBody = {
    error: { code, message, details: [{ issue: ISSUES[code] ?? `${error.code ?? 'parse error'}: ${error.message}` }] },
  };
  const text = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        'X-Content-Type-Options: nosniff\r\n' +
        'Connection: close\r\n' +
        `Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
    );
  }
  socket.destroy(error);
}

/** A `charset` parameter of a Content-Type, lower case and unquoted, or null without one. */
function charsetOf(contentType: string): string | null {
  const match = /;\s*charset\s*=\s*("?)([^";\s]*)\1/i.exec(contentType);
  return match ? match[2]!.toLowerCase() : null;
}

/**
 * Refuses, before routing work is done, what the request line and headers already show to be
 * unreadable as the client meant it:
 * - a body in another charset than UTF-8 (every parser reads UTF-8, so `charset=utf-16` would
 *   be read as garbage): 415 UNSUPPORTED_CHARSET;
 * - a query string that is not percent-encoded UTF-8 (`%ZZ`, `%E0%A4`): the query parser
 *   would take the escape as literal text, so a search would run for something nobody typed:
 *   400 MALFORMED_QUERY.
 * (A malformed path is refused by the router: FST_ERR_BAD_URL in error-body.ts.)
 */
export function refuseUnreadableRequests(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  const refusal = unreadable(request);
  if (!refusal) return done();
  const { status, body } = toErrorBody(refusal);
  void reply.status(status).send(body);
}

function unreadable(request: FastifyRequest): AppError | null {
  const contentType = request.headers['content-type'];
  if (typeof contentType === 'string') {
    const charset = charsetOf(contentType);
    if (charset !== null && charset !== 'utf-8' && charset !== 'utf8') {
      return new AppError('UNSUPPORTED_CHARSET', [
        { issue: `send the body as UTF-8 (charset=utf-8), not ${charset || 'an empty charset'}` },
      ]);
    }
  }
  const url = request.raw.url ?? '';
  const at = url.indexOf('?');
  if (at >= 0) {
    try {
      decodeURIComponent(url.slice(at + 1).replace(/\+/g, ' '));
    } catch {
      return new AppError('MALFORMED_QUERY', [
        { issue: 'every % in the query string must start an escape of UTF-8 bytes (%E6%A0%A1); write a literal % as %25' },
      ]);
    }
  }
  return null;
}
