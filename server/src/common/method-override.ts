import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error.js';
import { toErrorBody } from './error-body.js';

/**
 * WeChat's wx.request has no PATCH (it documents OPTIONS, GET, HEAD, POST, PUT, DELETE, TRACE
 * and CONNECT), so every partial update is also reachable as POST with this header set to
 * PATCH: the request is then routed, guarded, validated and logged exactly as the PATCH.
 * Other clients may keep sending PATCH. Documented in docs/architecture.md and the OpenAPI
 * document (`x-method-override` on each PATCH operation).
 */
export const METHOD_OVERRIDE_HEADER = 'x-http-method-override';

/**
 * Fastify picks the route by method before any hook runs; its `rewriteUrl` option is the one
 * step before routing, so the override is applied there (the URL itself is left unchanged).
 */
export function applyMethodOverride(request: IncomingMessage): string {
  const asked = request.headers[METHOD_OVERRIDE_HEADER];
  if (request.method === 'POST' && typeof asked === 'string' && asked.trim().toUpperCase() === 'PATCH') request.method = 'PATCH';
  return request.url ?? '/';
}

/**
 * Any other use of the header (another method, or on a GET) is a client mistake: answered 400,
 * never silently routed as the plain method, which would run a different action.
 */
export function refuseOtherOverrides(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  const asked = request.headers[METHOD_OVERRIDE_HEADER];
  if (asked === undefined || request.raw.method === 'PATCH') return done();
  const { status, body } = toErrorBody(new AppError('METHOD_OVERRIDE_NOT_ALLOWED'));
  void reply.status(status).send(body);
}
