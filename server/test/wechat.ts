import type { SessionDto } from '@alumni/shared';
import type { FakeWechatServer } from '../src/wechat/fake/fake-wechat.server.js';
import { WechatEndpoint } from '../src/wechat/wechat-endpoint.js';
import type { TestApp } from './test-app.js';

/** The fake WeChat server the test app started (DEMO=true in tests). */
export function wechatFake(t: TestApp): FakeWechatServer {
  const fake = t.app.get(WechatEndpoint).fake;
  if (!fake) throw new Error('this test app runs without the WeChat fake');
  return fake;
}

let counter = 0;

/** A fresh openid for this test process. */
export function newOpenid(): string {
  counter += 1;
  return `o_wx_${process.pid}_${counter}`;
}

/** Signs in through the real path (fake code → POST /auth/wechat) and returns the session. */
export async function signInWithWechat(t: TestApp, openid: string = newOpenid(), unionid?: string): Promise<SessionDto> {
  const code = wechatFake(t).mintLoginCode({ openid, unionid });
  const res = await t.request('/api/v1/auth/wechat', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as SessionDto;
}

export const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

export const bearer = (session: SessionDto) => ({ authorization: `Bearer ${session.accessToken}` });
