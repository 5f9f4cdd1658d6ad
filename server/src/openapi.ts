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
  description?: string;
  'x-method-override'?: { method: 'POST'; header: string; value: 'PATCH' };
  responses: Record<string, ResponseObject>;
  requestBody?: { content?: Record<string, unknown> };
  security?: Record<string, string[]>[];
  [PUBLIC_EXTENSION]?: boolean;
  [ROLES_EXTENSION]?: string[];
}

/** The errors an operation can answer beyond its own: common ones, body parsing, access. */
function implicitErrors(operation: Operation, method: string): ErrorCode[] {
  return [
    ...COMMON_ERRORS,
    ...(method === 'patch' ? (['METHOD_OVERRIDE_NOT_ALLOWED'] as const) : []),
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
          `Partial updates are PATCH. WeChat's wx.request has no PATCH, so each PATCH operation (marked \`x-method-override\`) is also reachable as POST with the header \`X-HTTP-Method-Override: PATCH\`, with the same access rules, body and answers; any other use of that header is 400 \`METHOD_OVERRIDE_NOT_ALLOWED\`.`,
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
    for (const [method, operation] of Object.entries(pathItem)) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      const op = operation as Operation;
      if (op[PUBLIC_EXTENSION]) op.security = [];
      if (method === 'patch') {
        op['x-method-override'] = { method: 'POST', header: 'X-HTTP-Method-Override', value: 'PATCH' };
        op.description = [op.description, "Also as POST with `X-HTTP-Method-Override: PATCH` (WeChat's wx.request has no PATCH)."]
          .filter(Boolean)
          .join('\n\n');
      }
      const responses = op.responses;
      for (const [status, codes] of groupByStatus(implicitErrors(op, method))) {
        const own = responses[status]?.content['application/json'].examples ?? {};
        responses[status] = errorResponse([...(Object.keys(own) as ErrorCode[]), ...codes.filter((c) => !(c in own))]);
      }
    }
  }
  return document;
}
