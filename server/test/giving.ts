import type { FakeWechatPayServer } from '../src/wechat-pay/fake/fake-wechat-pay.server.js';
import { WechatPayEndpoint } from '../src/wechat-pay/wechat-pay-endpoint.js';
import type { signedIn } from './auth.js';
import type { TestApp } from './test-app.js';

type Who = Awaited<ReturnType<typeof signedIn>>;

/**
 * The in-process WeChat Pay fake of an app. Its notifications reach that app by the notify_url
 * the app itself named (its own bound port: WechatPayClient.notifyUrl), with no redirection.
 */
export function payFake(t: TestApp): FakeWechatPayServer {
  return t.app.get(WechatPayEndpoint).fake!;
}

export const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/** A gift ordered through the API, paid at the fake, its notification delivered and acknowledged. */
export async function giveAndPay(t: TestApp, campaignId: string, who: Who, body: Record<string, unknown>) {
  const res = await t.request(`/api/v1/campaigns/${campaignId}/donations`, post(body, who.headers));
  expect(res.status).toBe(201);
  const { id, outTradeNo } = res.body.donation;
  const fake = payFake(t);
  fake.pay(outTradeNo, { notify: false });
  expect(await fake.deliver(outTradeNo)).toBe(204);
  return { id: id as string, outTradeNo: outTradeNo as string };
}

/** Reads until `done` says yes or `timeoutMs` passes, and answers the last read (the caller's expect says what was wrong). */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
