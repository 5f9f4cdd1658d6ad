import { applyDecorators, type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { Reflector } from '@nestjs/core';
import { type NestFastifyApplication, RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyRequest, RawServerDefault } from 'fastify';
import { AppError } from './app-error.js';

const RAW_BODY = 'request-body:raw';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set by `@UnparsedBody()`: the route's body is kept as the text it came as, up to this many bytes. */
    unparsedBodyMaxBytes?: number;
  }
}

/**
 * Marks a route that reads its body itself (a webhook verifying the exact bytes it was sent),
 * so the body rules below leave it alone.
 */
export const RawBody = () => SetMetadata(RAW_BODY, true);

/** A request to an `@UnparsedBody()` route: its body as the text it came as. */
export type UnparsedBodyRequest = FastifyRequest & { rawBody?: string };

/**
 * Marks a route that verifies a signature over the exact bytes it was sent (WeChat Pay's
 * notifications): its JSON or XML body is not parsed but kept as the text it came as
 * (`request.rawBody`, and `request.body`), refused over `maxBytes` with 413 PAYLOAD_TOO_LARGE,
 * and the body rules leave it alone (`@RawBody()`). A Fastify route option, read by the parsers
 * registered below after routing: every other route parses as before, at no extra cost. On each
 * handler, not the controller: NestJS reads a Fastify route's config from its handler only.
 */
export const UnparsedBody = (maxBytes: number): MethodDecorator =>
  applyDecorators(RawBody(), RouteConfig({ unparsedBodyMaxBytes: maxBytes }));

/**
 * The server's JSON and XML parsers (bootstrap.ts registers them before NestJS would add its own
 * JSON parser): JSON as Fastify parses it, refusing `__proto__` and `constructor.prototype`
 * keys (400) for every route; XML as text, which only `@UnparsedBody()` routes read (委托代扣's
 * v2 notifications) and the body rules refuse elsewhere.
 */
export function registerBodyParsers(app: NestFastifyApplication): void {
  const json = app.getHttpAdapter().getInstance().getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>('application/json', {}, unparsedOr(json));
  app.useBodyParser<RawServerDefault>(
    ['text/xml', 'application/xml'],
    {},
    unparsedOr((_request, text, done) => done(null, text)),
  );
}

type Done = (error: Error | null, body?: unknown) => void;

/** A parser of the body's text that leaves an `@UnparsedBody()` route's body as it came, within its limit. */
const unparsedOr =
  (parse: (request: FastifyRequest, text: string, done: Done) => void) =>
  (request: FastifyRequest, body: Buffer, done: Done): void => {
    const maxBytes = request.routeOptions.config.unparsedBodyMaxBytes;
    if (maxBytes === undefined) return parse(request, body.toString('utf8'), done);
    if (body.length > maxBytes)
      return done(new AppError('PAYLOAD_TOO_LARGE', [{ issue: `this request's body is at most ${maxBytes} bytes` }]));
    const text = body.toString('utf8');
    (request as UnparsedBodyRequest).rawBody = text;
    done(null, text);
  };

/** `@ApiConsumes(...)`'s metadata key in @nestjs/swagger: the OpenAPI document's request types. */
const API_CONSUMES = 'swagger/apiConsumes';

type BodyKind = 'json' | 'multipart' | 'raw' | 'none';

/** Whether the request carries body bytes (a length over zero, or a chunked body). */
function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  if (length !== undefined) return Number(length) > 0;
  return request.headers['transfer-encoding'] !== undefined;
}

const mediaType = (request: FastifyRequest) => (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();

/** `{}`: what clients send to an action route that takes nothing (accepted as no body). */
const isEmptyObject = (body: unknown) =>
  typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0;

/**
 * Each route takes one kind of body, read from how it is declared, so the OpenAPI document and
 * what the server accepts cannot drift apart:
 * - upload routes (`@ApiConsumes('multipart/form-data')`) read a form with readUpload();
 * - routes with a `@Body()` take JSON only: a form or text sent there is refused with
 *   415 UNSUPPORTED_MEDIA_TYPE (a multipart body used to reach a route whose fields are all
 *   optional as an empty body, and acted on it);
 * - every other route takes no body: anything but nothing or `{}` is refused with
 *   400 BODY_NOT_ALLOWED instead of being silently ignored;
 * - `@RawBody()` routes read their own.
 *
 * A guard (registered after the authentication and rate-limit guards, so those answer first),
 * not an interceptor: a global interceptor puts every request through NestJS's RxJS pipeline
 * (~5% of the trivial endpoint's CPU in a profile, issue 17), a guard is one call.
 */
@Injectable()
export class RequestBodyGuard implements CanActivate {
  private readonly kinds = new WeakMap<object, BodyKind>();

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const kind = this.kindOf(context);
    if (kind === 'json' && hasBody(request) && mediaType(request) !== 'application/json') {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', [
        { issue: `send the body as application/json, not ${mediaType(request) || 'without a type'}` },
      ]);
    }
    if (kind === 'none' && hasBody(request) && !(mediaType(request) === 'application/json' && isEmptyObject(request.body))) {
      throw new AppError('BODY_NOT_ALLOWED', [{ issue: 'this request takes no body: send it without one (or with {})' }]);
    }
    return true;
  }

  private kindOf(context: ExecutionContext): BodyKind {
    const handler = context.getHandler();
    let kind = this.kinds.get(handler);
    if (kind) return kind;
    const targets = [handler, context.getClass()];
    const consumes = this.reflector.getAllAndOverride<string[] | undefined>(API_CONSUMES, targets) ?? [];
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ?? {}) as Record<string, unknown>;
    if (this.reflector.getAllAndOverride<boolean | undefined>(RAW_BODY, targets)) kind = 'raw';
    else if (consumes.includes('multipart/form-data')) kind = 'multipart';
    else if (Object.keys(args).some((key) => key.startsWith(`${RouteParamtypes.BODY}:`))) kind = 'json';
    else kind = 'none';
    this.kinds.set(handler, kind);
    return kind;
  }
}
