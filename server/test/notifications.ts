import { setTimeout as sleep } from 'node:timers/promises';
import { OutboxMessageEntity } from '../src/outbox/outbox-message.entity.js';
import { SubscribeMessageFake } from '../src/wechat/fake/subscribe-message.fake.js';
import type { TestApp } from './test-app.js';
import { wechatFake } from './wechat.js';

/** Polls until `check` returns something other than undefined, failing after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** What tapping 允许 for these templates in `wx.requestSubscribeMessage` records, through the API. */
export async function subscribe(t: TestApp, headers: Record<string, string>, keys: string[]): Promise<void> {
  const res = await t.request('/api/v1/me/subscriptions', {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ results: Object.fromEntries(keys.map((key) => [`dev-${key}`, 'accept'])) }),
  });
  if (res.status !== 200) throw new Error(`subscribe failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** The outbox messages of one alumnus and kind once none of them is pending any more. */
export function settledMessages(t: TestApp, alumnusId: string, kind: string): Promise<OutboxMessageEntity[]> {
  return eventually(async () => {
    const rows = await t.dataSource.getRepository(OutboxMessageEntity).find({ where: { alumnusId, kind }, order: { createdAt: 'ASC' } });
    return rows.length > 0 && rows.every((m) => m.status !== 'pending') ? rows : undefined;
  });
}

export const subscribeFake = (t: TestApp) => wechatFake(t).feature(SubscribeMessageFake);
