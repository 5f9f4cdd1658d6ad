import type { SessionDto } from '@alumni/shared';
import { vi } from 'vitest';
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

  /**
   * Pays the donation through the fake WeChat Pay and waits for its notification to mark it
   * paid, as the payment page polls for it (it arrives in a moment).
   */
  async function simulatePayment(donationId: string, token: string): Promise<void> {
    await api(`/donations/${donationId}/simulate-payment`, { method: 'POST', token });
    await vi.waitFor(
      async () => {
        const { status } = await api<{ status: string }>(`/donations/${donationId}`, { token });
        if (status !== 'paid') throw new Error(`the simulated payment never arrived: the donation is ${status}`);
      },
      { timeout: 30_000, interval: 500 },
    );
  }

  return { api, session, simulatePayment };
}
