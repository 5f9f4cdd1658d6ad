import type { SessionDto } from '@alumni/shared';
import type { Installation } from './installation.js';

export interface ApiOptions {
  token?: string;
  method?: string;
  body?: unknown;
}

/**
 * The installation's HTTP API, for setting up what a journey starts from. The server's URL is
 * read at each call, as the installation starts in `beforeAll`.
 */
export function apiOf(app: Installation) {
  async function api<T>(path: string, options: ApiOptions = {}): Promise<T> {
    const response = await fetch(`${app.server.url}/api/v1${path}`, {
      method: options.method ?? 'GET',
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${options.method ?? 'GET'} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Signs a demo account in, as its 演示账号 button does. */
  async function session(openid: string): Promise<SessionDto> {
    const { code } = await api<{ code: string }>('/auth/demo-code', { method: 'POST', body: { openid } });
    return api<SessionDto>('/auth/wechat', { method: 'POST', body: { code } });
  }

  return { api, session };
}
