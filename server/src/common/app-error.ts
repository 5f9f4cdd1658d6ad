import { ERRORS, type ErrorCode, type ErrorDetail } from '@alumni/shared';

/**
 * The one error type the application throws. The code decides the HTTP status and the
 * default message (see `@alumni/shared` ERRORS); details say what to fix.
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly details: ErrorDetail[] = [],
    message?: string,
  ) {
    super(message ?? ERRORS[code].message);
    this.name = 'AppError';
    this.status = ERRORS[code].status;
  }
}
