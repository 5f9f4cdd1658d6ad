import Taro from '@tarojs/taro';
import { ERRORS, isErrorBody, type ErrorCode, type ErrorDetail } from '@alumni/shared';

/** Failures that never reached the API or came back in a shape it does not send. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE';

const NETWORK_MESSAGE = '网络异常，请稍后重试';

/** Every failed call ends in this one error, whatever went wrong. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    /** HTTP status, or 0 when no response arrived. */
    readonly status: number,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | undefined;

export interface RequestOptions {
  method?: HttpMethod;
  /** Path under the API origin, e.g. `/api/v1/school`. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
}

/** A GET may be sent again safely; a write may not, so only reads are retried. */
const RETRY_DELAYS_MS = [300, 900];

/** The signed-in user's token. Sign-in arrives with the identity feature; until then every call is anonymous. */
function authToken(): string | null {
  return null;
}

export async function request<T>({ method = 'GET', path, query, body }: RequestOptions): Promise<T> {
  const retries = method === 'GET' ? RETRY_DELAYS_MS : [];
  for (let attempt = 0; ; attempt++) {
    try {
      return await send<T>(method, API_BASE_URL + path + queryString(query), body);
    } catch (error) {
      const apiError = toApiError(error);
      if (attempt < retries.length && isTransient(apiError)) {
        await sleep(retries[attempt]);
        continue;
      }
      void Taro.showToast({ title: apiError.message, icon: 'none', duration: 2500 });
      throw apiError;
    }
  }
}

async function send<T>(method: HttpMethod, url: string, body: unknown): Promise<T> {
  const header: Record<string, string> = { Accept: 'application/json' };
  // Fastify rejects an empty body announced as JSON, so the type is sent only with a body.
  if (body !== undefined) header['Content-Type'] = 'application/json';
  const token = authToken();
  if (token) header.Authorization = `Bearer ${token}`;

  const response = await Taro.request<unknown>({ url, method, header, data: body, dataType: 'json' });
  if (response.statusCode >= 200 && response.statusCode < 300) return response.data as T;
  throw errorFromResponse(response.statusCode, response.data);
}

function errorFromResponse(status: number, data: unknown): ApiError {
  if (isErrorBody(data)) {
    const { code, message, details } = data.error;
    return new ApiError(code, message || ERRORS[code].message, status, details ?? []);
  }
  // A proxy or gateway answered instead of the API (HTML error page, empty body).
  return new ApiError('BAD_RESPONSE', ERRORS.INTERNAL.message, status);
}

function toApiError(error: unknown): ApiError {
  // Taro.request rejects only when no HTTP response arrived at all.
  return error instanceof ApiError ? error : new ApiError('NETWORK_ERROR', NETWORK_MESSAGE, 0);
}

function isTransient(error: ApiError): boolean {
  return error.status === 0 || error.status >= 500;
}

function queryString(query: Record<string, QueryValue> = {}): string {
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
