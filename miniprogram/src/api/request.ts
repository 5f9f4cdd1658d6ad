import Taro from '@tarojs/taro';
import { ERRORS, isErrorBody, type ErrorCode, type ErrorDetail, type SessionDto } from '@alumni/shared';
import { clearSession, loadSession, saveSession } from './session';

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

/** Methods wx.request has (it has no PATCH: partial updates go through `partialUpdate`). */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type QueryValue = string | number | boolean | undefined;

export interface RequestOptions {
  method?: HttpMethod;
  /** Path under the API origin, e.g. `/api/v1/school`. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Extra headers, e.g. `Idempotency-Key` on a write the phone may retry. */
  headers?: Record<string, string>;
}

/** A GET may be sent again safely; a write may not, so only reads are retried. */
const RETRY_DELAYS_MS = [300, 900];

const REFRESH_PATH = '/api/v1/auth/refresh';

/** The signed-in user's access token, or null when signed out. */
function authToken(): string | null {
  return loadSession()?.accessToken ?? null;
}

/** One refresh at a time: a second one would present a spent token, which signs the device out. */
let refreshing: Promise<boolean> | null = null;

/**
 * Trades the refresh token for a new session. False when there is none or the server refuses
 * it; then the device is signed out. A network failure keeps the session for the next try.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const session = loadSession();
    if (!session) return false;
    try {
      saveSession(await send<SessionDto>('POST', API_BASE_URL + REFRESH_PATH, { refreshToken: session.refreshToken }, null));
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) clearSession();
      return false;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** Failures a form on screen shows next to its fields (components/field-errors.ts), one test per save. */
const shownByForms: ((error: ApiError) => boolean)[] = [];

/**
 * Runs a form's save while the form shows the failures `shows` accepts itself, next to the
 * field concerned: those are not toasted as well (one message at a time, issue 16). Every
 * other failure is toasted as always. The scope ends with `run`.
 */
export async function showingErrorsInline<T>(shows: (error: ApiError) => boolean, run: () => Promise<T>): Promise<T> {
  shownByForms.push(shows);
  try {
    return await run();
  } finally {
    shownByForms.splice(shownByForms.indexOf(shows), 1);
  }
}

export async function request<T>({ method = 'GET', path, query, body, headers }: RequestOptions): Promise<T> {
  const retries = method === 'GET' ? RETRY_DELAYS_MS : [];
  let refreshed = false;
  for (let attempt = 0; ; attempt++) {
    try {
      return await send<T>(method, API_BASE_URL + path + queryString(query), body, authToken(), headers);
    } catch (error) {
      const apiError = toApiError(error);
      // An expired access token: renew it once, then send the same call again.
      if (apiError.code === 'UNAUTHENTICATED' && !refreshed && authToken() !== null && (await refreshSession())) {
        refreshed = true;
        attempt--;
        continue;
      }
      if (attempt < retries.length && isTransient(apiError)) {
        await sleep(retries[attempt]);
        continue;
      }
      if (!shownByForms.some((shows) => shows(apiError))) void Taro.showToast({ title: apiError.message, icon: 'none', duration: 2500 });
      throw apiError;
    }
  }
}

async function send<T>(
  method: HttpMethod,
  url: string,
  body: unknown,
  token: string | null,
  extra: Record<string, string> = {},
): Promise<T> {
  const header: Record<string, string> = { ...extra, Accept: 'application/json' };
  // Fastify rejects an empty body announced as JSON, so the type is sent only with a body.
  if (body !== undefined) header['Content-Type'] = 'application/json';
  if (token) header.Authorization = `Bearer ${token}`;

  const response = await Taro.request<unknown>({ url, method, header, data: body, dataType: 'json' });
  if (response.statusCode >= 200 && response.statusCode < 300) return response.data as T;
  throw errorFromResponse(response.statusCode, response.data);
}

/**
 * A partial update (the API's PATCH). WeChat's wx.request has no PATCH (it documents OPTIONS,
 * GET, HEAD, POST, PUT, DELETE, TRACE and CONNECT), so it is sent, in every build alike, as
 * POST with `X-HTTP-Method-Override: PATCH`, which the server routes as the PATCH
 * (docs/architecture.md, "Partial updates").
 */
export function partialUpdate<T>(path: string, body: unknown): Promise<T> {
  return request<T>({ method: 'POST', path, body, headers: { 'X-HTTP-Method-Override': 'PATCH' } });
}

export interface UploadOptions {
  /** The name the server sees; the H5 build's blob URLs have none of their own. */
  fileName?: string;
  /** Upload progress, 0–100. */
  onProgress?: (percent: number) => void;
}

/**
 * Downloads a file only signed-in callers may read (e.g. a claim's evidence photo) to a
 * local temp path that Image and previewImage can show.
 */
export async function downloadFile(path: string): Promise<string> {
  try {
    const header: Record<string, string> = {};
    const token = authToken();
    if (token) header.Authorization = `Bearer ${token}`;
    const response = await Taro.downloadFile({ url: API_BASE_URL + path, header });
    if (response.statusCode >= 200 && response.statusCode < 300) return response.tempFilePath;
    throw errorFromResponse(response.statusCode, undefined);
  } catch (error) {
    const apiError = toApiError(error);
    void Taro.showToast({ title: apiError.message, icon: 'none', duration: 2500 });
    throw apiError;
  }
}

/**
 * Uploads one local file (a temp path from chooseAvatar / chooseImage) as the multipart
 * field `file`; errors end as in request(). Never retried: an upload is a write.
 */
export async function uploadFile<T>(path: string, filePath: string, options: UploadOptions = {}): Promise<T> {
  try {
    const header: Record<string, string> = { Accept: 'application/json' };
    const token = authToken();
    if (token) header.Authorization = `Bearer ${token}`;
    const task = Taro.uploadFile({ url: API_BASE_URL + path, filePath, name: 'file', header, fileName: options.fileName });
    if (options.onProgress) task.progress(({ progress }) => options.onProgress?.(progress));
    const response = await task;
    const data = parseJson(response.data);
    if (response.statusCode >= 200 && response.statusCode < 300) return data as T;
    throw errorFromResponse(response.statusCode, data);
  } catch (error) {
    const apiError = toApiError(error);
    void Taro.showToast({ title: apiError.message, icon: 'none', duration: 2500 });
    throw apiError;
  }
}

/** uploadFile answers text, not parsed JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
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
