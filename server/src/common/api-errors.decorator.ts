import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ERRORS, type ErrorCode } from '@alumni/shared';

/** The OpenAPI schema of the one error body, registered once in the document. */
export const ERROR_BODY_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details'],
      properties: {
        code: { type: 'string', enum: Object.keys(ERRORS) },
        message: { type: 'string' },
        details: {
          type: 'array',
          items: {
            type: 'object',
            required: ['issue'],
            properties: { field: { type: 'string' }, issue: { type: 'string' } },
          },
        },
      },
    },
  },
};

/**
 * An OpenAPI response for one status: the error body schema, with one named example per
 * code, so the codes a route can answer are listed where clients look for them.
 */
export function errorResponse(codes: ErrorCode[]) {
  return {
    description: codes.map((code) => `\`${code}\` ${ERRORS[code].message}`).join('; '),
    content: {
      'application/json': {
        schema: { $ref: '#/components/schemas/ErrorBody' },
        examples: Object.fromEntries(
          codes.map((code) => [code, { value: { error: { code, message: ERRORS[code].message, details: [] } } }]),
        ),
      },
    },
  };
}

export function groupByStatus(codes: ErrorCode[]): Map<number, ErrorCode[]> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const { status } = ERRORS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return byStatus;
}

/**
 * Documents the error codes a route can answer. Errors any route can give (validation,
 * rate limit, internal, database down) are added to every operation when the document is
 * built, so routes list only their own.
 */
export function ApiErrors(...codes: ErrorCode[]): MethodDecorator & ClassDecorator {
  return applyDecorators(...[...groupByStatus(codes)].map(([status, group]) => ApiResponse({ status, ...errorResponse(group) })));
}
