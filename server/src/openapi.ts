import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { ErrorCode } from '@alumni/shared';
import { ERROR_BODY_SCHEMA, errorResponse, groupByStatus } from './common/api-errors.decorator.js';

/** Errors any route can answer, whatever it does. */
const COMMON_ERRORS: ErrorCode[] = ['VALIDATION_FAILED', 'RATE_LIMITED', 'INTERNAL', 'DATABASE_UNAVAILABLE'];

type ResponseObject = ReturnType<typeof errorResponse>;

/**
 * Builds the OpenAPI document from the controllers and DTOs, then adds the error body
 * schema and the errors common to every route, merging them with each route's own.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('AlumniLink API')
      .setDescription(
        'Alumni records, groups, events and giving for a college alumni association. Every error has the body `{ error: { code, message, details } }`.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ErrorBody: ERROR_BODY_SCHEMA as never } };

  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem)) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      const responses = operation.responses as Record<string, ResponseObject>;
      for (const [status, codes] of groupByStatus(COMMON_ERRORS)) {
        const own = responses[status]?.content['application/json'].examples ?? {};
        responses[status] = errorResponse([...(Object.keys(own) as ErrorCode[]), ...codes.filter((c) => !(c in own))]);
      }
    }
  }
  return document;
}
