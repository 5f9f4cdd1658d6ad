import { postImageThumbnailUrl } from '@alumni/shared';
import { feedCounts, groupWith, type Member, people } from '../../test/group-feeds.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { wechatFake } from '../../test/wechat.js';
import { contentSecurityFake, REVIEW_WORD, RISKY_WORD } from '../wechat/fake/content-security.fake.js';
import { phonePhoto, picture, pictureFacts } from '../../test/images.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../storage/storage.port.js';

const PNG = await picture('png');

describe('group posts', () => {
  let t: TestApp;
  let p: Record<string, Member>;
  let staff: Member;
  let openGroup: string;
  let closedGroup: string;

  const send = (method: string, path: string, who: Member, body?: unknown) =>
    t.request(`/api/v1${path}`, {
      method,
      headers: { ...who.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const post = (who: Member, groupId: string, body: unknown) => send('POST', `/groups/${groupId}/posts`, who, body);
  const feedTexts = async (who: Member, groupId: string) => {
    const res = await send('GET', `/groups/${groupId}/posts`, who);
    expect(res.status).toBe(200);
    return res.body.items.map((item: { text: string; status: string }) => `${item.text}:${item.status}`);
  };
  /** The permission flags an answer sends (each only when true). */
  const sentFlags = (body: Record<string, unknown>) =>
    Object.keys(body)
      .filter((key) => key.startsWith('may'))
      .sort();
  const upload = (who: Member, body: Buffer, name = 'photo.png') => {
    const form = new FormData();
    form.append('file', new Blob([body]), name);
    return t.request('/api/v1/group-posts/images', { method: 'POST', headers: who.headers, body: form });
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { WECHAT_TIMEOUT_MS: '400' } });
    p = await people(t, ['群主', '管理员', '小明', '小红', '禁言者', '路人']);
    [staff] = Object.values(await people(t, ['校友会老师'], ['alumnus', 'staff']));
    const members = [
      { member: p['群主']!, role: 'owner' as const },
      { member: p['管理员']!, role: 'admin' as const },
      { member: p['小明']! },
      { member: p['小红']! },
      { member: p['禁言者']!, muted: true },
    ];
    openGroup = await groupWith(t, 'open', members);
    closedGroup = await groupWith(t, 'approval', members);
  });
  afterAll(() => t.close());

  describe('content check outcomes', () => {
    it('publishes a post that passes, checked as forum text under the author’s openid, with a groups.posted row', async () => {
      const res = await post(p['小明']!, openGroup, { text: '  周末一起去拍银杏  ' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        text: '周末一起去拍银杏',
        status: 'published',
        author: { id: p['小明']!.alumnus.id, displayName: '小明' },
        group: { id: openGroup, name: expect.stringMatching(/^摄影社/) },
        images: [],
        likeCount: 0,
        commentCount: 0,
        mayLike: true,
        mayComment: true,
        mayEdit: true,
        mayDelete: true,
      });
      expect(contentSecurityFake(wechatFake(t)).checks.at(-1)).toEqual({
        openid: p['小明']!.alumnus.openid,
        scene: 3,
        content: '周末一起去拍银杏',
        suggest: 'pass',
      });
      expect(await feedTexts(p['小红']!, openGroup)).toContain('周末一起去拍银杏:published');
      const rows = await t.dataSource.query(`SELECT kind, subject_id, detail FROM interactions WHERE alumnus_id = $1`, [
        p['小明']!.alumnus.id,
      ]);
      expect(rows).toEqual([{ kind: 'groups.posted', subject_id: res.body.id, detail: { groupId: openGroup, status: 'published' } }]);
    });

    it('refuses risky text with 422 CONTENT_RISKY and writes nothing', async () => {
      const before = await feedCounts(t);
      const res = await post(p['小明']!, openGroup, { text: `出售${RISKY_WORD}` });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('CONTENT_RISKY');
      expect(await feedCounts(t)).toEqual(before);
    });

    it('holds text WeChat wants reviewed: only its author and staff see it until staff approve', async () => {
      const res = await post(p['小明']!, openGroup, { text: `有点${REVIEW_WORD}的内容` });
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('held');
      const text = `有点${REVIEW_WORD}的内容`;
      expect(await feedTexts(p['小明']!, openGroup)).toContain(`${text}:held`);
      expect(await feedTexts(staff, openGroup)).toContain(`${text}:held`);
      expect(await feedTexts(p['小红']!, openGroup)).not.toContain(`${text}:held`);
      expect((await send('GET', `/group-posts/${res.body.id}`, p['小红']!)).body.error.code).toBe('GROUP_POST_NOT_FOUND');

      expect((await send('POST', `/staff/group-moderation/posts/${res.body.id}/approve`, staff, {})).status).toBe(204);
      expect(await feedTexts(p['小红']!, openGroup)).toContain(`${text}:published`);
    });

    it.each([
      [
        'WeChat is busy (errcode -1)',
        (fake: ReturnType<typeof wechatFake>) => fake.injectFault({ errcode: -1, path: '/wxa/msg_sec_check' }),
      ],
      ['the answer is not JSON', (fake: ReturnType<typeof wechatFake>) => fake.injectFault({ garbage: true, path: '/wxa/msg_sec_check' })],
      ['the call times out', (fake: ReturnType<typeof wechatFake>) => fake.injectFault({ delayMs: 1500, path: '/wxa/msg_sec_check' })],
      ['the gateway answers HTTP 502', (fake: ReturnType<typeof wechatFake>) => contentSecurityFake(fake).failNextWithHttp(502)],
    ])('holds the post when the check service fails (%s), and staff approval publishes it', async (_case, fail) => {
      // On the call and on its one repeat.
      fail(wechatFake(t));
      fail(wechatFake(t));
      const text = `检查服务故障时的动态 ${_case}`;
      const res = await post(p['小红']!, closedGroup, { text });
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('held');
      const [row] = await t.dataSource.query(`SELECT status, check_outcome, queued_at FROM group_posts WHERE id = $1`, [res.body.id]);
      expect(row).toMatchObject({ status: 'held', check_outcome: 'unavailable', queued_at: expect.any(Date) });
      expect(await feedTexts(p['小明']!, closedGroup)).not.toContain(`${text}:held`);

      const queue = await send('GET', '/staff/group-moderation?limit=100', staff);
      expect(queue.body.items).toContainEqual(
        expect.objectContaining({ kind: 'post', id: res.body.id, checkOutcome: 'unavailable', status: 'held' }),
      );
      expect((await send('POST', `/staff/group-moderation/posts/${res.body.id}/approve`, staff, { note: '人工审核通过' })).status).toBe(
        204,
      );
      expect(await feedTexts(p['小明']!, closedGroup)).toContain(`${text}:published`);
    });

    it('refreshes a stale access token once and still gets a verdict', async () => {
      wechatFake(t).revokeTokens();
      const res = await post(p['小明']!, openGroup, { text: '令牌过期后照常发布' });
      expect(res.body.status).toBe('published');
    });
  });

  describe('authorisation', () => {
    it('keeps an approval group’s feed from non-members, and tells an unknown group apart', async () => {
      const res = await send('GET', `/groups/${closedGroup}/posts`, p['路人']!);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('GROUP_FEED_FORBIDDEN');
      const [inClosed] = await t.dataSource.query(`SELECT id FROM group_posts WHERE group_id = $1 AND status = 'published' LIMIT 1`, [
        closedGroup,
      ]);
      expect((await send('GET', `/group-posts/${inClosed.id}`, p['路人']!)).body.error.code).toBe('GROUP_FEED_FORBIDDEN');
      expect((await send('GET', `/group-posts/${inClosed.id}/comments`, p['路人']!)).body.error.code).toBe('GROUP_FEED_FORBIDDEN');
      expect((await send('GET', `/groups/00000000-0000-4000-8000-000000000000/posts`, p['路人']!)).body.error.code).toBe('GROUP_NOT_FOUND');
      expect((await send('GET', `/groups/${closedGroup}/posts`, staff)).status).toBe(200);
    });

    it('lets anyone signed in read an open group’s feed, but only members post there', async () => {
      expect((await send('GET', `/groups/${openGroup}/posts`, p['路人']!)).status).toBe(200);
      const before = await feedCounts(t);
      const checks = contentSecurityFake(wechatFake(t)).checks.length;
      const res = await post(p['路人']!, openGroup, { text: '路过' });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('GROUP_FEED_MEMBERS_ONLY');
      expect(await feedCounts(t)).toEqual(before);
      expect(contentSecurityFake(wechatFake(t)).checks).toHaveLength(checks);
    });

    it('keeps muted members from posting and commenting, without calling WeChat', async () => {
      const target = (await post(p['小明']!, openGroup, { text: '禁言测试' })).body.id;
      const before = await feedCounts(t);
      const checks = contentSecurityFake(wechatFake(t)).checks.length;
      for (const res of [
        await post(p['禁言者']!, openGroup, { text: '我想说话' }),
        await send('POST', `/group-posts/${target}/comments`, p['禁言者']!, { text: '我想评论' }),
      ]) {
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('GROUP_FEED_MUTED');
      }
      expect(await feedCounts(t)).toEqual(before);
      expect(contentSecurityFake(wechatFake(t)).checks).toHaveLength(checks);
    });

    it('lets only the author edit, and the author, group admins and staff delete', async () => {
      const make = async () => (await post(p['小明']!, openGroup, { text: '要被删除的动态' })).body.id as string;
      const id = await make();
      const edit = await send('PATCH', `/group-posts/${id}`, p['小红']!, { text: '改你的' });
      expect(edit.status).toBe(403);
      expect(edit.body.error.code).toBe('GROUP_POST_FORBIDDEN');
      const del = await send('DELETE', `/group-posts/${id}`, p['小红']!);
      expect(del.status).toBe(403);
      expect(del.body.error.code).toBe('GROUP_POST_FORBIDDEN');
      const seenByOther = (await send('GET', `/group-posts/${id}`, p['小红']!)).body;
      expect(sentFlags(seenByOther)).toEqual(['mayComment', 'mayLike', 'mayReport']);
      expect(sentFlags((await send('GET', `/group-posts/${id}`, p['管理员']!)).body)).toEqual([
        'mayComment',
        'mayDelete',
        'mayLike',
        'mayPin',
        'mayReport',
      ]);

      for (const who of [p['小明']!, p['管理员']!, staff]) {
        const target = who === p['小明'] ? id : await make();
        expect((await send('DELETE', `/group-posts/${target}`, who)).status).toBe(204);
        expect((await send('GET', `/group-posts/${target}`, p['小明']!)).body.error.code).toBe('GROUP_POST_NOT_FOUND');
      }
      const audits = await t.dataSource.query(`SELECT actor_id FROM audit_entries WHERE action = 'group-post.removed'`);
      expect(audits.map((a: { actor_id: string }) => a.actor_id).sort()).toEqual([p['管理员']!.alumnus.id, staff.alumnus.id].sort());
    });

    it('lets group admins and staff pin up to three announcements, shown above the first page', async () => {
      const ids: string[] = [];
      for (const n of [1, 2, 3, 4]) ids.push((await post(p['群主']!, closedGroup, { text: `公告 ${n}` })).body.id);
      const denied = await send('PUT', `/group-posts/${ids[0]}/pin`, p['小明']!);
      expect(denied.status).toBe(403);
      expect(denied.body.error.code).toBe('GROUP_ADMIN_REQUIRED');
      expect((await send('PUT', `/group-posts/${ids[0]}/pin`, p['管理员']!)).body.pinned).toBe(true);
      expect((await send('PUT', `/group-posts/${ids[0]}/pin`, p['管理员']!)).status).toBe(200);
      expect((await send('PUT', `/group-posts/${ids[1]}/pin`, staff)).status).toBe(200);
      expect((await send('PUT', `/group-posts/${ids[2]}/pin`, p['群主']!)).status).toBe(200);
      const full = await send('PUT', `/group-posts/${ids[3]}/pin`, p['群主']!);
      expect(full.status).toBe(409);
      expect(full.body.error.code).toBe('GROUP_POST_PIN_LIMIT');

      const feed = (await send('GET', `/groups/${closedGroup}/posts?limit=2`, p['小红']!)).body;
      expect(feed.pinned.map((x: { text: string }) => x.text)).toEqual(['公告 3', '公告 2', '公告 1']);
      expect((await send('GET', `/groups/${closedGroup}/posts?limit=2&cursor=${feed.nextCursor}`, p['小红']!)).body.pinned).toEqual([]);
      expect((await send('DELETE', `/group-posts/${ids[0]}/pin`, p['管理员']!)).body).not.toHaveProperty('pinned');
      expect((await send('PUT', `/group-posts/${ids[3]}/pin`, p['群主']!)).status).toBe(200);
    });
  });

  describe('what the viewer may do', () => {
    type Flags = Record<'mayLike' | 'mayComment' | 'mayEdit' | 'mayDelete' | 'mayReport' | 'mayPin', boolean>;
    /** Each flag's route, tried for real: a flag is right when its route succeeds exactly when it says so. */
    const ACTIONS: [keyof Flags, (who: Member, id: string) => Promise<{ status: number }>][] = [
      ['mayLike', (who, id) => send('PUT', `/group-posts/${id}/like`, who)],
      ['mayComment', (who, id) => send('POST', `/group-posts/${id}/comments`, who, { text: '路过' })],
      ['mayEdit', (who, id) => send('PATCH', `/group-posts/${id}`, who, { text: '校友摄影展' })],
      ['mayReport', (who, id) => send('POST', `/group-posts/${id}/reports`, who, { reason: '广告营销' })],
      ['mayPin', (who, id) => send('PUT', `/group-posts/${id}/pin`, who)],
      ['mayDelete', (who, id) => send('DELETE', `/group-posts/${id}`, who)],
    ];
    /** The flags as booleans: the answers send only the true ones, so one left out is false. */
    const flagsOf = (body: Partial<Flags>) => {
      expect(Object.values(body)).not.toContain(false);
      return Object.fromEntries(ACTIONS.map(([flag]) => [flag, body[flag] ?? false]));
    };

    it('answers each viewer’s flags from their membership and role, and every route agrees with them', async () => {
      const viewers: [string, Member, Flags][] = [
        ['author', p['小明']!, { mayLike: true, mayComment: true, mayEdit: true, mayDelete: true, mayReport: false, mayPin: false }],
        ['member', p['小红']!, { mayLike: true, mayComment: true, mayEdit: false, mayDelete: false, mayReport: true, mayPin: false }],
        ['muted', p['禁言者']!, { mayLike: true, mayComment: false, mayEdit: false, mayDelete: false, mayReport: true, mayPin: false }],
        ['admin', p['管理员']!, { mayLike: true, mayComment: true, mayEdit: false, mayDelete: true, mayReport: true, mayPin: true }],
        ['owner', p['群主']!, { mayLike: true, mayComment: true, mayEdit: false, mayDelete: true, mayReport: true, mayPin: true }],
        ['staff', staff, { mayLike: true, mayComment: true, mayEdit: false, mayDelete: true, mayReport: true, mayPin: true }],
        // An open group's feed is read by anyone signed in; doing anything takes membership.
        ['outsider', p['路人']!, { mayLike: false, mayComment: false, mayEdit: false, mayDelete: false, mayReport: false, mayPin: false }],
      ];
      for (const [role, who, expected] of viewers) {
        const id = (await post(p['小明']!, openGroup, { text: `给${role}看的动态` })).body.id as string;
        const flags = flagsOf((await send('GET', `/group-posts/${id}`, who)).body);
        expect([role, flags]).toEqual([role, expected]);
        // The feed pages carry the same flags as the single post.
        const feed = (await send('GET', `/groups/${openGroup}/posts`, who)).body.items as (Flags & { id: string })[];
        expect([role, flagsOf(feed.find((item) => item.id === id)!)]).toEqual([role, expected]);
        for (const [flag, act] of ACTIONS) {
          const res = await act(who, id);
          expect([role, flag, res.status < 300]).toEqual([role, flag, expected[flag]]);
        }
      }
    });

    it('offers only editing and deleting on a held post, to its author and staff', async () => {
      const held = await post(p['小红']!, openGroup, { text: `摄影器材${REVIEW_WORD}` });
      expect(held.body.status).toBe('held');
      const none = { mayLike: false, mayComment: false, mayReport: false, mayPin: false };
      expect(flagsOf(held.body)).toEqual({ ...none, mayEdit: true, mayDelete: true });
      expect(flagsOf((await send('GET', `/group-posts/${held.body.id}`, staff)).body)).toEqual({
        ...none,
        mayEdit: false,
        mayDelete: true,
      });
    });

    it('gives comments their own flags: delete for the author and the group’s admins, report for other members', async () => {
      const id = (await post(p['小明']!, openGroup, { text: '评论权限' })).body.id as string;
      expect((await send('POST', `/group-posts/${id}/comments`, p['小红']!, { text: '第一' })).status).toBe(201);
      const comment = async (who: Member) => {
        const [item] = (await send('GET', `/group-posts/${id}/comments`, who)).body.items;
        expect(Object.values(item)).not.toContain(false);
        return { mayDelete: item.mayDelete ?? false, mayReport: item.mayReport ?? false };
      };
      expect(await comment(p['小红']!)).toEqual({ mayDelete: true, mayReport: false });
      expect(await comment(p['小明']!)).toEqual({ mayDelete: false, mayReport: true });
      expect(await comment(p['禁言者']!)).toEqual({ mayDelete: false, mayReport: true });
      expect(await comment(p['管理员']!)).toEqual({ mayDelete: true, mayReport: true });
      expect(await comment(p['路人']!)).toEqual({ mayDelete: false, mayReport: false });
    });
  });

  describe('editing', () => {
    it('checks the new text again: passing text is saved, review text holds the post, risky text changes nothing', async () => {
      const id = (await post(p['小明']!, openGroup, { text: '第一版' })).body.id;
      const edited = await send('PATCH', `/group-posts/${id}`, p['小明']!, { text: '第二版' });
      expect(edited.body).toMatchObject({ text: '第二版', status: 'published', editedAt: expect.any(String) });

      const risky = await send('PATCH', `/group-posts/${id}`, p['小明']!, { text: `第三版${RISKY_WORD}` });
      expect(risky.status).toBe(422);
      expect(risky.body.error.code).toBe('CONTENT_RISKY');
      expect((await send('GET', `/group-posts/${id}`, p['小红']!)).body.text).toBe('第二版');

      const held = await send('PATCH', `/group-posts/${id}`, p['小明']!, { text: `第四版${REVIEW_WORD}` });
      expect(held.body.status).toBe('held');
      expect((await send('GET', `/group-posts/${id}`, p['小红']!)).status).toBe(404);
      const queue = await send('GET', '/staff/group-moderation?limit=100', staff);
      expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(id);
    });
  });

  describe('images', () => {
    it('attaches uploaded images in order and serves them while the post is shown', async () => {
      const first = await upload(p['小红']!, PNG);
      const second = await upload(p['小红']!, await picture('jpeg'), 'b.jpg');
      expect(first.status).toBe(201);
      expect(first.body.url).toMatch(/^\/api\/v1\/group-post-images\/[0-9a-f-]{36}\.png$/);
      expect((await fetch(`${t.baseUrl}${first.body.url}`)).status).toBe(404);

      const res = await post(p['小红']!, openGroup, { text: '两张照片', imageIds: [second.body.id, first.body.id] });
      expect(res.body.images.map((i: { id: string }) => i.id)).toEqual([second.body.id, first.body.id]);
      const image = await fetch(`${t.baseUrl}${first.body.url}`);
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/png');
      expect(await pictureFacts(await image.arrayBuffer())).toMatchObject({ format: 'png', width: 8, height: 8 });

      const reused = await post(p['小红']!, openGroup, { text: '再用一次', imageIds: [first.body.id] });
      expect(reused.status).toBe(422);
      expect(reused.body.error.code).toBe('GROUP_POST_IMAGE_INVALID');

      const edited = await send('PATCH', `/group-posts/${res.body.id}`, p['小红']!, { text: '只留一张', imageIds: [first.body.id] });
      expect(edited.body.images.map((i: { id: string }) => i.id)).toEqual([first.body.id]);
      expect((await fetch(`${t.baseUrl}${second.body.url}`)).status).toBe(404);

      expect((await send('DELETE', `/group-posts/${res.body.id}`, p['小红']!)).status).toBe(204);
      expect((await fetch(`${t.baseUrl}${first.body.url}`)).status).toBe(404);
    });

    it('makes a thumbnail of each image (480 px, upright, no EXIF), served like the image; an image without one serves itself', async () => {
      const uploaded = await upload(p['小红']!, await phonePhoto(1200, 900), 'phone.jpg');
      expect(uploaded.status).toBe(201);
      // The answer names the picture; its thumbnail's URL is derived from it, beside it.
      expect(uploaded.body).toEqual({ id: expect.any(String), url: expect.stringMatching(/^\/api\/v1\/group-post-images\/.+\.jpg$/) });
      const thumbnailUrl = postImageThumbnailUrl(uploaded.body.url);
      expect(thumbnailUrl).toBe(uploaded.body.url.replace(/\.jpg$/, '.thumb.jpg'));
      expect((await fetch(`${t.baseUrl}${thumbnailUrl}`)).status).toBe(404);

      const res = await post(p['小红']!, openGroup, { text: '一张手机照片', imageIds: [uploaded.body.id] });
      expect(res.body.images).toEqual([uploaded.body]);
      const feed = await send('GET', `/groups/${openGroup}/posts`, p['小明']!);
      expect(feed.body.items.find((i: { id: string }) => i.id === res.body.id).images).toEqual([uploaded.body]);
      const thumbnail = await fetch(`${t.baseUrl}${thumbnailUrl}`);
      expect(thumbnail.status).toBe(200);
      expect(thumbnail.headers.get('content-type')).toBe('image/jpeg');
      expect(await pictureFacts(await thumbnail.arrayBuffer())).toEqual({ format: 'jpeg', width: 480, height: 360, exif: false });
      const full = await fetch(`${t.baseUrl}${uploaded.body.url}`);
      expect(await pictureFacts(await full.arrayBuffer())).toEqual({ format: 'jpeg', width: 1200, height: 900, exif: false });

      // An image uploaded before thumbnails were made has none in the storage: its thumbnail URL serves the image.
      const storage = t.app.get<symbol, ObjectStorage>(OBJECT_STORAGE);
      const key = `group-posts/${uploaded.body.url.split('/').pop()}`;
      const thumbnailKey = key.replace(/\.jpg$/, '.thumb.jpg');
      expect(await storage.get(thumbnailKey)).not.toBeNull();
      await storage.delete(thumbnailKey);
      expect(await storage.get(key)).not.toBeNull();
      const fallback = await fetch(`${t.baseUrl}${thumbnailUrl}`);
      expect(fallback.status).toBe(200);
      expect(await pictureFacts(await fallback.arrayBuffer())).toMatchObject({ width: 1200, height: 900 });

      // An edit that drops an image deletes its file and its thumbnail from the storage.
      const again = await upload(p['小红']!, await picture('png', 600, 300));
      const second = await post(p['小红']!, openGroup, { text: '再来一张', imageIds: [again.body.id] });
      const secondThumbnailUrl = postImageThumbnailUrl(again.body.url);
      const secondThumb = `group-posts/${secondThumbnailUrl.split('/').pop()}`;
      expect(await pictureFacts((await storage.get(secondThumb))!.body)).toMatchObject({ format: 'png', width: 480, height: 240 });
      expect((await send('PATCH', `/group-posts/${second.body.id}`, p['小红']!, { text: '不要图了', imageIds: [] })).status).toBe(200);
      expect(await storage.get(secondThumb)).toBeNull();
      expect((await fetch(`${t.baseUrl}${secondThumbnailUrl}`)).status).toBe(404);
    });

    it('refuses a file that is not an image, whatever its name says', async () => {
      const res = await upload(p['小红']!, Buffer.from('<script>alert(1)</script>'), 'photo.png');
      expect(res.status).toBe(415);
      expect(res.body.error.code).toBe('UPLOAD_TYPE_UNSUPPORTED');
    });

    it('refuses someone else’s upload and writes nothing', async () => {
      const theirs = await upload(p['小明']!, PNG);
      const before = await feedCounts(t);
      const res = await post(p['小红']!, openGroup, { text: '借用图片', imageIds: [theirs.body.id] });
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'GROUP_POST_IMAGE_INVALID', details: [{ field: 'imageIds' }] });
      expect(await feedCounts(t)).toEqual(before);
    });
  });

  describe('bad input', () => {
    it.each([
      ['no text', {}, 'text'],
      ['blank text', { text: '   ' }, 'text'],
      ['text over 2,000 characters', { text: '长'.repeat(2001) }, 'text'],
      ['ten images', { text: '图', imageIds: Array.from({ length: 10 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`) }, 'imageIds'],
      [
        'a repeated image',
        { text: '图', imageIds: ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001'] },
        'imageIds',
      ],
      ['an image id that is not a uuid', { text: '图', imageIds: ['abc'] }, 'imageIds'],
      ['an unknown field', { text: '图', pinned: true }, 'pinned'],
    ])('refuses %s with 400 VALIDATION_FAILED naming the field, and writes nothing', async (_case, body, field) => {
      const before = await feedCounts(t);
      const res = await post(p['小明']!, openGroup, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await feedCounts(t)).toEqual(before);
    });

    it('accepts exactly 2,000 characters', async () => {
      expect((await post(p['小明']!, openGroup, { text: '长'.repeat(2000) })).status).toBe(201);
    });

    it('refuses a forged cursor with 400 INVALID_CURSOR', async () => {
      const res = await send('GET', `/groups/${openGroup}/posts?cursor=garbage`, p['小明']!);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('INVALID_CURSOR');
    });

    it('answers 401 to anonymous callers', async () => {
      expect((await t.request(`/api/v1/groups/${openGroup}/posts`)).status).toBe(401);
    });
  });
});
