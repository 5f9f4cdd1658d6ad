import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ERRORS, ERROR_CODES, type ErrorCode } from '@alumni/shared';
import { PUBLIC_EXTENSION, ROLES_EXTENSION } from './auth/auth.decorators.js';
import { ERROR_BODY_SCHEMA, errorResponse, groupByStatus } from './common/api-errors.decorator.js';

/** Errors any route can answer, whatever it does. */
const COMMON_ERRORS: ErrorCode[] = ['VALIDATION_FAILED', 'RATE_LIMITED', 'CONCURRENT_CHANGE', 'INTERNAL', 'DATABASE_UNAVAILABLE'];
/** Errors of routes that take a body, raised before the route's own code runs. */
const BODY_ERRORS: ErrorCode[] = ['MALFORMED_JSON', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'];

/** The whole catalogue, for the document's introduction: clients branch on these codes. */
function errorCatalogue(): string {
  const rows = ERROR_CODES.map((code) => `| \`${code}\` | ${ERRORS[code].status} | ${ERRORS[code].message} |`);
  return ['| code | status | default message |', '|---|---|---|', ...rows].join('\n');
}

interface Operation {
  responses: Record<string, ResponseObject>;
  requestBody?: { content?: Record<string, unknown> };
  security?: Record<string, string[]>[];
  [PUBLIC_EXTENSION]?: boolean;
  [ROLES_EXTENSION]?: string[];
}

/** The errors an operation can answer beyond its own: common ones, body parsing, access. */
function implicitErrors(operation: Operation): ErrorCode[] {
  return [
    ...COMMON_ERRORS,
    ...(operation.requestBody ? BODY_ERRORS : []),
    ...(operation.requestBody?.content?.['multipart/form-data'] ? (['MALFORMED_MULTIPART'] as const) : []),
    ...(operation[PUBLIC_EXTENSION] ? [] : (['UNAUTHENTICATED'] as const)),
    ...(operation[ROLES_EXTENSION] ? (['FORBIDDEN'] as const) : []),
  ];
}

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
        [
          'Alumni records, groups, events and giving for a college alumni association.',
          'Routes need a bearer access token unless marked `x-public`; `x-roles` names the roles a route requires.',
          'Every error has the body `{ error: { code, message, details } }`. The codes:',
          errorCatalogue(),
        ].join('\n\n'),
      )
      .setVersion('1')
      .addBearerAuth()
      .addSecurityRequirements('bearer')
      .build(),
  );
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ErrorBody: ERROR_BODY_SCHEMA as never } };

  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem)) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      const op = operation as Operation;
      if (op[PUBLIC_EXTENSION]) op.security = [];
      const responses = op.responses;
      for (const [status, codes] of groupByStatus(implicitErrors(op))) {
        const own = responses[status]?.content['application/json'].examples ?? {};
        responses[status] = errorResponse([...(Object.keys(own) as ErrorCode[]), ...codes.filter((c) => !(c in own))]);
      }
    }
  }
  return document;
}
