/**
 * Every error the API can answer, with its HTTP status and the default Chinese message
 * shown to the user. Codes are stable: clients branch on them, so never rename one.
 * Feature issues add their codes here, in their own section.
 */
export interface ErrorDefinition {
  readonly status: number;
  readonly message: string;
}

export const ERRORS = {
  // Request shape
  VALIDATION_FAILED: { status: 400, message: '请求参数有误，请检查后重试' },
  MALFORMED_JSON: { status: 400, message: '请求内容不是有效的 JSON' },
  INVALID_CURSOR: { status: 400, message: '分页游标无效，请从第一页重新加载' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  FORBIDDEN: { status: 403, message: '没有权限执行此操作' },
  ROUTE_NOT_FOUND: { status: 404, message: '请求的接口不存在' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '请求内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的请求内容类型' },
  RATE_LIMITED: { status: 429, message: '操作过于频繁，请稍后再试' },
  // Server side
  INTERNAL: { status: 500, message: '服务器开小差了，请稍后再试' },
  DATABASE_UNAVAILABLE: { status: 503, message: '服务暂时不可用，请稍后再试' },
  // School
  SCHOOL_NOT_CONFIGURED: { status: 404, message: '学校信息尚未设置' },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERRORS;

export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

/** One problem with the request, e.g. a field that failed validation. */
export interface ErrorDetail {
  /** Dotted path of the offending field, when the problem is about one field. */
  field?: string;
  /** What is wrong and how to fix it. */
  issue: string;
}

/** The one error body every endpoint answers with. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    details: ErrorDetail[];
  };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERRORS, value);
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    isErrorCode((error as { code?: unknown }).code) &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
