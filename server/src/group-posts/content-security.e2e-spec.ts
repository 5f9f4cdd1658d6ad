import { startTestApp, type TestApp } from '../../test/test-app.js';
import { wechatFake } from '../../test/wechat.js';
import { REVIEW_WORD, RISKY_WORD } from '../wechat/fake/content-security.fake.js';
import { WechatContentSecurityClient } from '../wechat/wechat-content-security.client.js';

describe('WeChat content security client (msgSecCheck v2) against the fake', () => {
  let t: TestApp;
  let client: WechatContentSecurityClient;
  const openid = 'o_content_check_1';
  beforeAll(async () => {
    t = await startTestApp();
    client = t.app.get(WechatContentSecurityClient);
  });
  afterAll(() => t.close());

  it('maps result.suggest and its label to the verdict, with the trace id', async () => {
    expect(await client.check({ openid, scene: 'forum', content: '你好' })).toEqual({
      suggest: 'pass',
      label: 100,
      traceId: expect.stringMatching(/^fake-trace-/),
    });
    expect(await client.check({ openid, scene: 'comment', content: `a${REVIEW_WORD}` })).toMatchObject({ suggest: 'review', label: 20012 });
    expect(await client.check({ openid, scene: 'comment', content: `a${RISKY_WORD}` })).toMatchObject({ suggest: 'risky', label: 20006 });
  });

  it('answers unavailable, never pass, when WeChat refuses the call or gives no verdict', async () => {
    expect(await client.check({ openid: 'not-an-openid', scene: 'forum', content: '你好' })).toEqual({
      suggest: 'unavailable',
      reason: expect.stringContaining('40003'),
    });
    expect(await client.check({ openid, scene: 'forum', content: '' })).toMatchObject({
      suggest: 'unavailable',
      reason: expect.stringContaining('44002'),
    });
    // Busy on the call and on its one repeat.
    for (let i = 0; i < 2; i++) wechatFake(t).injectFault({ errcode: -1, path: '/wxa/msg_sec_check' });
    expect(await client.check({ openid, scene: 'forum', content: '你好' })).toMatchObject({ suggest: 'unavailable' });
  });

  it('takes its rules from the fake’s hook, and refuses malformed rules', async () => {
    const hook = (body: unknown) =>
      fetch(`${wechatFake(t).url}/__fake/msg-sec-check/rules`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await hook({ rules: [{ word: '广告', suggest: 'review', label: 10001 }] })).status).toBe(200);
    expect(await client.check({ openid, scene: 'forum', content: '这是广告' })).toMatchObject({ suggest: 'review', label: 10001 });
    expect(await client.check({ openid, scene: 'forum', content: RISKY_WORD })).toMatchObject({ suggest: 'pass' });
    expect((await hook({ rules: [{ word: '', suggest: 'maybe' }] })).status).toBe(400);
    const checks = (await (await fetch(`${wechatFake(t).url}/__fake/msg-sec-checks`)).json()) as { checks: unknown[] };
    expect(checks.checks.at(-1)).toEqual({ openid, scene: 3, content: RISKY_WORD, suggest: 'pass' });
  });

  it('documents the feed routes with the codes they answer, staff routes with FORBIDDEN', async () => {
    const { paths } = (await t.request('/api/openapi.json')).body as { paths: Record<string, Record<string, any>> };
    const codes = (path: string, method: string) =>
      Object.values(paths[path]![method].responses as Record<string, any>).flatMap((r) =>
        Object.keys(r.content?.['application/json']?.examples ?? {}),
      );
    expect(codes('/api/v1/groups/{id}/posts', 'post')).toEqual(
      expect.arrayContaining(['CONTENT_RISKY', 'GROUP_FEED_MUTED', 'GROUP_FEED_MEMBERS_ONLY', 'GROUP_FEED_FORBIDDEN', 'UNAUTHENTICATED']),
    );
    expect(codes('/api/v1/group-posts/{id}/comments', 'post')).toContain('CONTENT_RISKY');
    expect(codes('/api/v1/staff/group-moderation', 'get')).toContain('FORBIDDEN');
    expect(paths['/api/v1/group-post-images/{name}']!.get['x-public']).toBe(true);
  });
});
