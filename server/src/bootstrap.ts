import multipart from '@fastify/multipart';
import { type ModuleMetadata, VersioningType } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger, PinoLogger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module.js';
import { toErrorBody } from './common/error-body.js';
import { assignRequestId, registerRequestLog } from './common/logging.js';
import { applyMethodOverride, refuseOtherOverrides } from './common/method-override.js';
import { registerBodyParsers, RequestBodyGuard } from './common/request-body.js';
import { answerClientError, refuseUnreadableRequests } from './common/request-shape.js';
import { createValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/configuration.js';
import type { DatabaseTarget } from './database/database.module.js';
import { buildOpenApiDocument } from './openapi.js';
import { serializeReply } from './read-cache/read-cache.js';
import { MULTIPART_LIMITS } from './storage/upload.js';
import { serveH5 } from './web/h5-static.js';
import { registerSecurityHeaders } from './web/security-headers.js';

export interface CreatedApp {
  app: NestFastifyApplication;
  /** Whether the H5 build was found and is served at `/`. */
  servesH5: boolean;
}

/**
 * Builds the whole application (not yet listening): Fastify, security headers by kind of
 * answer (web/security-headers.ts), the request log, validation,
 * the error body, OpenAPI, and the H5 build. main.ts and the tests share it, so tests run
 * exactly what production runs.
 */
export async function createApp(
  config: AppConfig,
  database: DatabaseTarget,
  extra: ModuleMetadata['imports'] = [],
  logDestination?: DestinationStream,
): Promise<CreatedApp> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // Keep-alive connections would hold a graceful shutdown open; idle ones close at once.
    forceCloseConnections: 'idle',
    genReqId: assignRequestId,
    // WeChat's wx.request has no PATCH: POST + X-HTTP-Method-Override: PATCH is routed as PATCH.
    rewriteUrl: applyMethodOverride,
    // A malformed URL or an overlong path segment is refused by the router, before Nest.
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
      const { status, body } = toErrorBody(error);
      void reply.status(status).send(body);
    },
    // What Node's parser refuses (headers over 16 KB: 431, an unknown method: 400) in our error body too.
    clientErrorHandler: answerClientError,
  });
  // Fastify sends a Buffer from the serializer as it is, though its type names only strings.
  adapter.getInstance().setReplySerializer(serializeReply as (payload: unknown) => string);
  registerSecurityHeaders(adapter.getInstance(), config);
  adapter.getInstance().addHook('onRequest', refuseOtherOverrides);
  adapter.getInstance().addHook('onRequest', refuseUnreadableRequests);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config, database, extra, logDestination), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  registerRequestLog(adapter.getInstance(), PinoLogger.root);
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(createValidationPipe());
  // After the APP_GUARD guards (authentication, rate limits), which NestFactory.create has registered already.
  app.useGlobalGuards(new RequestBodyGuard(app.get(Reflector)));
  // Without configured origins no browser page elsewhere may call the API: no CORS handling at all.
  if (config.corsOrigins.length > 0) app.enableCors({ origin: config.corsOrigins });

  // JSON and XML; an `@UnparsedBody()` route (a signed webhook) keeps its body as it came instead.
  registerBodyParsers(app);
  // Routes read uploads with readUpload() (storage/upload.ts), which sets each route's own size limit.
  await app.register(multipart, { limits: MULTIPART_LIMITS });

  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
  });
  const servesH5 = await serveH5(app, config.h5Dir);
  return { app, servesH5 };
}
