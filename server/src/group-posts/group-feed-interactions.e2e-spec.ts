import { feedCounts, groupWith, type Member, people } from '../../test/group-feeds.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { wechatFake } from '../../test/wechat.js';
import { contentSecurityFake, REVIEW_WORD, RISKY_WORD } from '../wechat/fake/content-security.fake.js';

describe('comments, likes, reports and moderation', () => {
  let t: TestApp;
  let p: Record<string, Member>;
  let staff: Member;
  let group: string;

  const send = (method: string, path: string, who: Member, body?: unknown) =>
    t.request(`/api/v1${path}`, {
      method,
      headers: { ...who.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const newPost = async (who: Member, text: string, groupId = group) => {
    const res = await send('POST', `/groups/${groupId}/posts`, who, { text });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const comment = (who: Member, postId: string, text: string) => send('POST', `/group-posts/${postId}/comments`, who, { text });
  const queueIds = async () => (await send('GET', '/staff/group-moderation?limit=100', staff)).body.items.map((i: { id: string }) => i.id);
  const outbox = () =>
    t.dataSource.query(`SELECT alumnus_id, kind, payload FROM outbox_messages WHERE kind = 'groups.post-replied' ORDER BY created_at, id`);

  beforeAll(async () => {
    t = await startTestApp();
    p = await people(t, ['楼主', '同学甲', '同学乙', '外人']);
    [staff] = Object.values(await people(t, ['审核老师'], ['alumnus', 'staff']));
    group = await groupWith(t, 'approval', [{ member: p['楼主']!, role: 'owner' }, { member: p['同学甲']! }, { member: p['同学乙']! }]);
  });
  afterAll(() => t.close());

  describe('comments', () => {
    it('publishes a passing comment oldest first, counts it, and queues the reply message for the post’s author in the same transaction', async () => {
      const postId = await newPost(p['楼主']!, '十周年聚会定在母校礼堂，大家看看时间是否合适？');
      const first = await comment(p['同学甲']!, postId, '没问题，一定到！');
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        postId,
        status: 'published',
        author: { displayName: '同学甲' },
        mayDelete: true,
      });
      expect(first.body).not.toHaveProperty('mayReport');
      expect(contentSecurityFake(wechatFake(t)).checks.at(-1)).toMatchObject({ scene: 2, content: '没问题，一定到！' });
      await comment(p['楼主']!, postId, '好的');

      const list = await send('GET', `/group-posts/${postId}/comments`, p['同学乙']!);
      expect(list.body.items.map((c: { text: string }) => c.text)).toEqual(['没问题，一定到！', '好的']);
      expect((await send('GET', `/group-posts/${postId}`, p['同学乙']!)).body.commentCount).toBe(2);

      // The author's own comment tells nobody.
      expect(await outbox()).toEqual([
        {
          alumnus_id: p['楼主']!.alumnus.id,
          kind: 'groups.post-replied',
          payload: {
            groupId: group,
            groupName: expect.stringMatching(/^摄影社/),
            postId,
            postSnippet: '十周年聚会定在母校礼堂，大家看看时间是…',
            commentId: first.body.id,
            commentSnippet: '没问题，一定到！',
            commenterName: '同学甲',
            repliedAt: first.body.createdAt,
          },
        },
      ]);
      const rows = await t.dataSource.query(`SELECT kind, detail FROM interactions WHERE alumnus_id = $1 AND kind = 'groups.commented'`, [
        p['同学甲']!.alumnus.id,
      ]);
      expect(rows).toEqual([{ kind: 'groups.commented', detail: { groupId: group, commentId: first.body.id, status: 'published' } }]);
    });

    it('holds a comment for review without telling the post’s author, and tells them when staff approve it', async () => {
      const postId = await newPost(p['楼主']!, '求推荐摄影器材');
      const before = (await outbox()).length;
      const held = await comment(p['同学乙']!, postId, `推荐一个${REVIEW_WORD}`);
      expect(held.body.status).toBe('held');
      expect((await send('GET', `/group-posts/${postId}/comments`, p['同学甲']!)).body.items).toEqual([]);
      expect((await send('GET', `/group-posts/${postId}/comments`, p['同学乙']!)).body.items).toHaveLength(1);
      expect((await send('GET', `/group-posts/${postId}`, p['楼主']!)).body.commentCount).toBe(0);
      expect(await outbox()).toHaveLength(before);
      expect(await queueIds()).toContain(held.body.id);

      expect((await send('POST', `/staff/group-moderation/comments/${held.body.id}/approve`, staff, {})).status).toBe(204);
      expect((await send('GET', `/group-posts/${postId}/comments`, p['同学甲']!)).body.items).toHaveLength(1);
      expect((await send('GET', `/group-posts/${postId}`, p['楼主']!)).body.commentCount).toBe(1);
      expect((await outbox()).at(-1)).toMatchObject({ alumnus_id: p['楼主']!.alumnus.id, payload: { postId, commentId: held.body.id } });
      expect(await queueIds()).not.toContain(held.body.id);
      const [audit] = await t.dataSource.query(`SELECT action, actor_id FROM audit_entries WHERE subject_id = $1`, [held.body.id]);
      expect(audit).toEqual({ action: 'group-comment.approved', actor_id: staff.alumnus.id });
    });

    it('refuses a risky comment and bad comments, writing nothing', async () => {
      const postId = await newPost(p['楼主']!, '周末活动');
      const before = await feedCounts(t);
      const risky = await comment(p['同学甲']!, postId, RISKY_WORD);
      expect(risky.status).toBe(422);
      expect(risky.body.error.code).toBe('CONTENT_RISKY');
      for (const body of [{}, { text: '' }, { text: '长'.repeat(501) }, { text: '好', postId }]) {
        const res = await send('POST', `/group-posts/${postId}/comments`, p['同学甲']!, body);
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION_FAILED');
      }
      expect(await feedCounts(t)).toEqual(before);
    });

    it('lets the author, group admins and staff delete a comment, and nobody else', async () => {
      const postId = await newPost(p['同学甲']!, '大家好');
      const ids = await Promise.all([1, 2, 3].map(async (n) => (await comment(p['同学乙']!, postId, `评论${n}`)).body.id as string));
      const denied = await send('DELETE', `/group-comments/${ids[0]}`, p['同学甲']!);
      expect(denied.status).toBe(403);
      expect(denied.body.error.code).toBe('GROUP_POST_FORBIDDEN');
      expect((await send('DELETE', `/group-comments/${ids[0]}`, p['同学乙']!)).status).toBe(204);
      expect((await send('DELETE', `/group-comments/${ids[1]}`, p['楼主']!)).status).toBe(204);
      expect((await send('DELETE', `/group-comments/${ids[2]}`, staff)).status).toBe(204);
      expect((await send('DELETE', `/group-comments/${ids[2]}`, staff)).body.error.code).toBe('GROUP_COMMENT_NOT_FOUND');
      expect((await send('GET', `/group-posts/${postId}`, p['同学甲']!)).body.commentCount).toBe(0);
    });

    it('refuses comments from non-members and on held posts', async () => {
      const postId = await newPost(p['楼主']!, '成员可见');
      const outsider = await comment(p['外人']!, postId, '我来了');
      expect(outsider.status).toBe(403);
      expect(outsider.body.error.code).toBe('GROUP_FEED_FORBIDDEN');
      const heldId = await newPost(p['楼主']!, `待审${REVIEW_WORD}`);
      const onHeld = await comment(p['楼主']!, heldId, '自己评论');
      expect(onHeld.status).toBe(409);
      expect(onHeld.body.error.code).toBe('GROUP_POST_STATE_CONFLICT');
    });
  });

  describe('likes', () => {
    it('counts one like per alumnus however often it is sent, and unliking is idempotent too', async () => {
      const postId = await newPost(p['楼主']!, '点赞测试');
      const likes = await Promise.all([1, 2, 3, 4].map(() => send('PUT', `/group-posts/${postId}/like`, p['同学甲']!)));
      expect(likes.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      expect(likes.map((r) => r.body)).toContainEqual({ liked: true, likeCount: 1 });
      expect((await send('PUT', `/group-posts/${postId}/like`, p['同学乙']!)).body).toEqual({ liked: true, likeCount: 2 });
      expect((await send('GET', `/group-posts/${postId}`, p['同学甲']!)).body).toMatchObject({ likeCount: 2, likedByMe: true });
      const rows = await t.dataSource.query(`SELECT count(*)::int AS n FROM interactions WHERE kind = 'groups.liked' AND subject_id = $1`, [
        postId,
      ]);
      expect(rows).toEqual([{ n: 2 }]);

      expect((await send('DELETE', `/group-posts/${postId}/like`, p['同学甲']!)).body).toEqual({ liked: false, likeCount: 1 });
      expect((await send('DELETE', `/group-posts/${postId}/like`, p['同学甲']!)).body).toEqual({ liked: false, likeCount: 1 });
      const unliked = (await send('GET', `/group-posts/${postId}`, p['同学甲']!)).body;
      expect(unliked).toMatchObject({ likeCount: 1 });
      expect(unliked).not.toHaveProperty('likedByMe');
    });

    it('refuses likes from non-members and on held posts, writing nothing', async () => {
      const openGroup = await groupWith(t, 'open', [{ member: p['楼主']! }]);
      const postId = await newPost(p['楼主']!, '开放群的动态', openGroup);
      const heldId = await newPost(p['楼主']!, `待审${REVIEW_WORD}`, openGroup);
      const before = await feedCounts(t);
      const outsider = await send('PUT', `/group-posts/${postId}/like`, p['外人']!);
      expect(outsider.status).toBe(403);
      expect(outsider.body.error.code).toBe('GROUP_FEED_MEMBERS_ONLY');
      expect((await send('PUT', `/group-posts/${heldId}/like`, p['楼主']!)).body.error.code).toBe('GROUP_POST_STATE_CONFLICT');
      expect(await feedCounts(t)).toEqual(before);
    });
  });

  describe('reports and the moderation queue', () => {
    it('puts a reported post in the queue once, with every reason, and keeping it closes the reports', async () => {
      const postId = await newPost(p['楼主']!, '出售二手相机，私聊');
      const first = await send('POST', `/group-posts/${postId}/reports`, p['同学甲']!, { reason: '广告' });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ postId, reason: '广告' });
      const again = await send('POST', `/group-posts/${postId}/reports`, p['同学甲']!, { reason: '还是广告' });
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(first.body.id);
      await send('POST', `/group-posts/${postId}/reports`, p['同学乙']!, { reason: '刷屏' });

      const queue = (await send('GET', '/staff/group-moderation?limit=100', staff)).body.items;
      expect(queue.filter((i: { id: string }) => i.id === postId)).toEqual([
        expect.objectContaining({
          kind: 'post',
          status: 'published',
          checkOutcome: 'pass',
          reports: { count: 2, reasons: ['广告', '刷屏'] },
        }),
      ]);
      expect((await send('POST', `/staff/group-moderation/posts/${postId}/approve`, staff, { note: '正常交易信息' })).status).toBe(204);
      expect(await queueIds()).not.toContain(postId);
      expect((await send('GET', `/group-posts/${postId}`, p['同学甲']!)).status).toBe(200);
      const again2 = await send('POST', `/staff/group-moderation/posts/${postId}/approve`, staff, {});
      expect(again2.status).toBe(409);
      expect(again2.body.error.code).toBe('GROUP_POST_STATE_CONFLICT');
    });

    it('lists held and reported items oldest first, page by page, and removing a reported post takes it down', async () => {
      await t.dataSource.query(`UPDATE group_posts SET queued_at = NULL`);
      await t.dataSource.query(`UPDATE group_post_comments SET queued_at = NULL`);
      const heldPost = await newPost(p['同学甲']!, `一${REVIEW_WORD}`);
      const reported = await newPost(p['同学乙']!, '二');
      const host = await newPost(p['楼主']!, '三');
      const heldComment = (await comment(p['同学甲']!, host, `四${REVIEW_WORD}`)).body.id;
      await send('POST', `/group-posts/${reported}/reports`, p['楼主']!, { reason: '人身攻击' });

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await send(
          'GET',
          `/staff/group-moderation?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
          staff,
        );
        seen.push(...res.body.items.map((i) => i.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([heldPost, heldComment, reported]);

      expect((await send('POST', `/staff/group-moderation/posts/${reported}/remove`, staff, { note: '违反群规' })).status).toBe(204);
      expect((await send('GET', `/group-posts/${reported}`, p['同学乙']!)).body.error.code).toBe('GROUP_POST_NOT_FOUND');
      expect((await send('POST', `/staff/group-moderation/posts/${heldPost}/reject`, staff, {})).status).toBe(204);
      expect((await send('GET', `/group-posts/${heldPost}`, p['同学甲']!)).body.error.code).toBe('GROUP_POST_NOT_FOUND');
      expect((await send('POST', `/staff/group-moderation/comments/${heldComment}/reject`, staff, {})).status).toBe(204);
      expect(await queueIds()).toEqual([]);
      const reports = await t.dataSource.query(`SELECT resolution, resolved_by FROM group_post_reports WHERE post_id = $1`, [reported]);
      expect(reports).toEqual([{ resolution: 'removed', resolved_by: staff.alumnus.id }]);
    });

    it('queues a reported comment once with every reason; staff keep it (reports closed) or hide it', async () => {
      const postId = await newPost(p['楼主']!, '毕业十周年聚会');
      const commentId = (await comment(p['同学甲']!, postId, '加我微信买保险')).body.id as string;
      const report = (who: Member, reason: string) => send('POST', `/group-comments/${commentId}/reports`, who, { reason });
      const first = await report(p['楼主']!, '广告营销');
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ postId, commentId, reason: '广告营销' });
      const again = await report(p['楼主']!, '还是广告');
      expect([again.status, again.body.id]).toEqual([200, first.body.id]);
      expect((await report(p['同学乙']!, '虚假信息')).status).toBe(201);
      const queued = (await send('GET', '/staff/group-moderation?limit=100', staff)).body.items.filter(
        (i: { id: string }) => i.id === commentId,
      );
      expect(queued).toEqual([
        expect.objectContaining({ kind: 'comment', postId, status: 'published', reports: { count: 2, reasons: ['广告营销', '虚假信息'] } }),
      ]);

      // Kept: out of the queue, still shown and counted once, nobody told again.
      const messages = (await outbox()).length;
      expect((await send('POST', `/staff/group-moderation/comments/${commentId}/approve`, staff, { note: '正常交流' })).status).toBe(204);
      expect(await queueIds()).not.toContain(commentId);
      expect((await send('GET', `/group-posts/${postId}/comments`, p['同学乙']!)).body.items.map((c: { id: string }) => c.id)).toEqual([
        commentId,
      ]);
      expect((await send('GET', `/group-posts/${postId}`, p['楼主']!)).body.commentCount).toBe(1);
      expect(await outbox()).toHaveLength(messages);
      const reports = () =>
        t.dataSource.query(`SELECT resolution, resolved_by FROM group_comment_reports WHERE comment_id = $1 ORDER BY created_at`, [
          commentId,
        ]);
      expect(await reports()).toEqual([
        { resolution: 'kept', resolved_by: staff.alumnus.id },
        { resolution: 'kept', resolved_by: staff.alumnus.id },
      ]);
      const kept = await send('POST', `/staff/group-moderation/comments/${commentId}/approve`, staff, {});
      expect([kept.status, kept.body.error.code]).toEqual([409, 'GROUP_POST_STATE_CONFLICT']);

      // Reported again, then hidden: gone for everyone, uncounted, audited, its report closed.
      expect((await report(p['同学乙']!, '人身攻击')).status).toBe(201);
      expect(await queueIds()).toContain(commentId);
      expect((await send('POST', `/staff/group-moderation/comments/${commentId}/remove`, staff, { note: '广告' })).status).toBe(204);
      expect((await send('GET', `/group-posts/${postId}/comments`, p['同学甲']!)).body.items).toEqual([]);
      expect((await send('GET', `/group-posts/${postId}`, p['楼主']!)).body.commentCount).toBe(0);
      expect((await reports()).at(-1)).toEqual({ resolution: 'removed', resolved_by: staff.alumnus.id });
      expect(await queueIds()).not.toContain(commentId);
      const [audit] = await t.dataSource.query(`SELECT action, after FROM audit_entries WHERE subject_id = $1 AND action LIKE '%removed'`, [
        commentId,
      ]);
      expect(audit).toEqual({ action: 'group-comment.removed', after: { status: 'removed', note: '广告' } });
    });

    it('closes the reports of a removed post’s comments', async () => {
      const postId = await newPost(p['同学乙']!, '要被删除的帖子');
      const commentId = (await comment(p['同学甲']!, postId, '评论也被举报')).body.id as string;
      expect((await send('POST', `/group-comments/${commentId}/reports`, p['楼主']!, { reason: '广告营销' })).status).toBe(201);
      expect((await send('POST', `/staff/group-moderation/posts/${postId}/remove`, staff, {})).status).toBe(204);
      expect(await queueIds()).not.toContain(commentId);
      const rows = await t.dataSource.query(`SELECT resolution FROM group_comment_reports WHERE comment_id = $1`, [commentId]);
      expect(rows).toEqual([{ resolution: 'removed' }]);
    });

    it('refuses comment reports from outsiders, of my own words, of held or unknown comments, and bad reasons, writing nothing', async () => {
      const postId = await newPost(p['楼主']!, '普通动态二');
      const commentId = (await comment(p['同学甲']!, postId, '普通评论')).body.id as string;
      const heldId = (await comment(p['同学乙']!, postId, `可疑评论${REVIEW_WORD}`)).body.id as string;
      const before = await feedCounts(t);
      const queueBefore = await queueIds();
      const cases: [string, Member, unknown, number, string][] = [
        [commentId, p['外人']!, { reason: '广告营销' }, 403, 'GROUP_FEED_FORBIDDEN'],
        [commentId, p['同学甲']!, { reason: '广告营销' }, 403, 'GROUP_REPORT_OWN_CONTENT'],
        // Held: others do not see it at all; staff see it, but it is already in the queue.
        [heldId, p['楼主']!, { reason: '广告营销' }, 404, 'GROUP_COMMENT_NOT_FOUND'],
        [heldId, staff, { reason: '广告营销' }, 409, 'GROUP_POST_STATE_CONFLICT'],
        ['00000000-0000-4000-8000-000000000000', p['楼主']!, { reason: '广告营销' }, 404, 'GROUP_COMMENT_NOT_FOUND'],
        ['not-a-uuid', p['楼主']!, { reason: '广告营销' }, 400, 'VALIDATION_FAILED'],
        [commentId, p['楼主']!, { reason: '  ' }, 400, 'VALIDATION_FAILED'],
        [commentId, p['楼主']!, { reason: '长'.repeat(201) }, 400, 'VALIDATION_FAILED'],
        [commentId, p['楼主']!, { reason: '广告营销', postId }, 400, 'VALIDATION_FAILED'],
      ];
      for (const [id, who, body, status, code] of cases) {
        const res = await send('POST', `/group-comments/${id}/reports`, who, body);
        expect([id, res.status, res.body.error?.code]).toEqual([id, status, code]);
      }
      const ownPost = await send('POST', `/group-posts/${postId}/reports`, p['楼主']!, { reason: '广告营销' });
      expect([ownPost.status, ownPost.body.error.code]).toEqual([403, 'GROUP_REPORT_OWN_CONTENT']);
      expect(await feedCounts(t)).toEqual(before);
      expect(await queueIds()).toEqual(queueBefore);
      expect((await send('POST', `/staff/group-moderation/comments/${commentId}/remove`, p['楼主']!, {})).body.error.code).toBe(
        'FORBIDDEN',
      );
    });

    it('keeps the queue and decisions from non-staff, and refuses bad decisions and reports with named codes', async () => {
      const postId = await newPost(p['楼主']!, '普通动态');
      const denied = await send('GET', '/staff/group-moderation', p['楼主']!);
      expect(denied.status).toBe(403);
      expect(denied.body.error.code).toBe('FORBIDDEN');
      expect((await send('POST', `/staff/group-moderation/posts/${postId}/remove`, p['楼主']!, {})).body.error.code).toBe('FORBIDDEN');
      const before = await feedCounts(t);
      for (const [path, who, body] of [
        [`/staff/group-moderation/posts/${postId}/publish`, staff, {}],
        [`/staff/group-moderation/posts/not-a-uuid/approve`, staff, {}],
        [`/staff/group-moderation/posts/${postId}/remove`, staff, { note: '长'.repeat(201) }],
        [`/group-posts/${postId}/reports`, p['同学甲']!, { reason: '' }],
        [`/group-posts/${postId}/reports`, p['同学甲']!, { reason: '长'.repeat(201) }],
      ] as const) {
        const res = await send('POST', path, who, body);
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION_FAILED');
      }
      const outsider = await send('POST', `/group-posts/${postId}/reports`, p['外人']!, { reason: '广告' });
      expect(outsider.body.error.code).toBe('GROUP_FEED_FORBIDDEN');
      expect(await feedCounts(t)).toEqual(before);
      expect((await send('GET', `/group-posts/${postId}`, p['同学甲']!)).status).toBe(200);
    });
  });
});
