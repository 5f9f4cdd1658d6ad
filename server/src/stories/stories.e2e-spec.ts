import type { Page, StoryCommentDto, StoryManageDto, StorySummaryDto } from '@alumni/shared';
import { storyIdOfScene } from '@alumni/shared';
import { signedIn } from '../../test/auth.js';
import { campaignFactory } from '../../test/factories.js';
import { phonePhoto, pictureFacts } from '../../test/images.js';
import { scalar } from '../../test/interactions.js';
import { consented, del, logged, put, staffOf, type Person } from '../../test/memories.js';
import { uploadFile } from '../../test/roster.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { json, wechatFake } from '../../test/wechat.js';
import { REVIEW_WORD, RISKY_WORD } from '../wechat/fake/content-security.fake.js';
import { MediaCheckFake } from '../wechat/fake/media-check.fake.js';
import { WxacodeFake } from '../wechat/fake/wxacode.fake.js';

describe('stories and news', () => {
  let t: TestApp;
  let staff: Person;
  beforeAll(async () => {
    t = await startTestApp();
    staff = await staffOf(t);
  });
  afterAll(() => t.close());

  const alumnus = (values: Record<string, unknown> = {}) => signedIn(t, ['alumnus'], { ...consented(), verifiedAt: new Date(), ...values });
  const body = (overrides: Record<string, unknown> = {}) => ({
    kind: 'alumni_story',
    title: '毕业二十年',
    body: '<p>正文</p>',
    ...overrides,
  });
  const create = (who: Person, b: unknown = body()) => t.request('/api/v1/stories', json(b, who.headers));
  const act = (who: Person, id: string, action: string, b: unknown = {}) =>
    t.request(`/api/v1/stories/${id}/${action}`, json(b, who.headers));
  const staffAct = (id: string, action: string, b: unknown = {}) =>
    t.request(`/api/v1/staff/stories/${id}/${action}`, json(b, staff.headers));
  const read = (id: string, who?: Person) => t.request(`/api/v1/stories/${id}`, who ? { headers: who.headers } : undefined);
  const list = async (query = '') => ((await t.request(`/api/v1/stories${query}`)).body as Page<StorySummaryDto>).items;
  const inbox = (who: Person, kind: string) =>
    t.dataSource.query(`SELECT title, page FROM inbox_messages WHERE alumnus_id = $1 AND kind = $2`, [who.alumnus.id, kind]);

  /** An alumni story submitted by a new alumnus and published by staff. */
  async function published(overrides: Record<string, unknown> = {}) {
    const author = await alumnus();
    const { id } = (await create(author, body(overrides))).body as StoryManageDto;
    expect((await act(author, id, 'submit')).body.status).toBe('submitted');
    expect((await staffAct(id, 'publish')).body.status).toBe('published');
    return { author, id };
  }

  it('staff profile an outstanding alumnus: she is asked in the app, consents, and the story is published and shareable', async () => {
    const zhang = await alumnus({ displayName: '张伟', realName: '张伟' });
    const draft = await create(
      staff,
      body({
        kind: 'outstanding_alumnus',
        title: '从校园到航天',
        summary: '1998届机械系校友张伟',
        body:
          '<h1>航天</h1><p onclick="x()">二十年<script>alert(1)</script></p><img src="/api/v1/uploads/story-covers/3f0b7a52-1111-4222-8333-444455556666.png" onerror="e()">' +
          '<img src="https://cdn.example.org/unchecked.jpg">',
        subjectAlumnusId: zhang.alumnus.id,
      }),
    );
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const story = draft.body as StoryManageDto;
    expect(story).toMatchObject({ status: 'draft', consentStatus: 'pending', subjectName: '张伟', revision: 1 });
    // Only a picture of our own uploads (through WeChat's image check) stays; a web address's never was checked.
    expect(story.body).toBe(
      '<h2>航天</h2><p>二十年</p><img src="/api/v1/uploads/story-covers/3f0b7a52-1111-4222-8333-444455556666.png" style="max-width:100%;height:auto" />',
    );
    // Not out yet: the person it is about has not been asked, so not even she sees it.
    expect((await read(story.id)).status).toBe(404);
    expect((await read(story.id, zhang)).status).toBe(404);

    // The cover goes through the upload path (cleaned of EXIF and GPS, thumbnail) and WeChat's media check.
    const cover = await uploadFile(t, `/api/v1/stories/${story.id}/cover`, staff.headers, await phonePhoto(40, 30), 'c.jpg', 'image/jpeg');
    expect(cover.status, JSON.stringify(cover.body)).toBe(201);
    expect(cover.body.coverUrl).toMatch(/^\/api\/v1\/uploads\/story-covers\/[0-9a-f-]{36}\.jpg$/);
    await wechatFake(t).feature(MediaCheckFake).settled();
    expect(await scalar(t, `SELECT count(*) FROM media_checks WHERE kind = 'story-cover' AND subject_id = $1`, [story.id])).toBe(1);
    const served = await fetch(new URL(cover.body.coverUrl, t.baseUrl));
    expect(served.status).toBe(200);
    expect(await pictureFacts(await served.arrayBuffer())).toEqual({ format: 'jpeg', width: 40, height: 30, exif: false });

    // Publishing waits for her consent to this version.
    expect((await staffAct(story.id, 'publish')).body.error.code).toBe('STORY_CONSENT_REQUIRED');
    const submitted = await act(staff, story.id, 'submit');
    expect(submitted.body).toMatchObject({ status: 'submitted', consentStatus: 'requested' });
    expect(await inbox(zhang, 'stories.consent-requested')).toEqual([
      { title: '请确认关于你的文章', page: `packages/stories/pages/story/index?id=${story.id}` },
    ]);
    expect((await staffAct(story.id, 'publish')).body.error.code).toBe('STORY_CONSENT_REQUIRED');
    // Only she answers.
    expect((await act(await alumnus(), story.id, 'consent', { given: true })).status).toBe(404);
    expect((await act(staff, story.id, 'consent', { given: true })).body.error.code).toBe('STORY_CONSENT_FORBIDDEN');
    const hers = await read(story.id, zhang);
    expect(hers.body).toMatchObject({ mayConsent: true, status: 'submitted' });
    const consent = await act(zhang, story.id, 'consent', { given: true, note: '可以发布' });
    expect(consent.body.consent).toMatchObject({ status: 'given', method: 'in_app', revision: 1, note: '可以发布' });
    expect((await logged(t, zhang.alumnus.id, 'stories.consented')).map((r) => r.subject_id)).toEqual([story.id]);

    const out = await staffAct(story.id, 'publish');
    expect(out.body).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    expect((await list('?kind=outstanding_alumnus'))[0]).toMatchObject({
      id: story.id,
      title: '从校园到航天',
      coverUrl: cover.body.coverUrl,
    });
    expect((await logged(t, zhang.alumnus.id, 'stories.published'))[0]!.detail).toMatchObject({ role: 'subject' });
    const anyone = await read(story.id);
    expect(anyone.body).toMatchObject({ status: 'published', posterCodeUrl: `/api/v1/stories/${story.id}/poster-code` });
    expect(anyone.body.consent).toBeUndefined();

    // The poster's mini-program code opens the story page with the story's scene.
    const code = await fetch(new URL(anyone.body.posterCodeUrl, t.baseUrl));
    expect(code.status).toBe(200);
    expect(code.headers.get('content-type')).toMatch(/^image\//);
    const issued = wechatFake(t).feature(WxacodeFake).issued.at(-1)!;
    expect(issued.page).toBe('packages/stories/pages/story/index');
    expect(issued.scene.length).toBeLessThanOrEqual(32);
    expect(storyIdOfScene(issued.scene)).toBe(story.id);
  });

  it('an edit after consent asks again; staff may record a consent given on paper; the audit keeps it', async () => {
    const li = await alumnus();
    const { id } = (await create(staff, body({ kind: 'outstanding_alumnus', subjectAlumnusId: li.alumnus.id }))).body;
    await act(staff, id, 'submit');
    await act(li, id, 'consent', { given: false, note: '请删去家庭部分' });
    await staffAct(id, 'return', { note: '按本人意见修改' });
    const edited = await t.request(
      `/api/v1/stories/${id}`,
      put(staff.headers, body({ kind: 'outstanding_alumnus', subjectAlumnusId: li.alumnus.id, title: '修订稿' })),
    );
    expect(edited.body).toMatchObject({ revision: 2, consentStatus: 'pending', title: '修订稿' });
    expect((await act(staff, id, 'submit')).body.consentStatus).toBe('requested');
    const paper = await staffAct(id, 'consent', { note: '本人签署授权书（2026-12-01）' });
    expect(paper.body.consent).toMatchObject({ status: 'given', method: 'offline', revision: 2 });
    expect((await staffAct(id, 'publish')).body.status).toBe('published');
    expect(await scalar(t, `SELECT count(*) FROM audit_entries WHERE subject_id = $1 AND action = 'story.consent-recorded'`, [id])).toBe(1);
    // A person named without an account (consent recorded offline) is also a profile's subject.
    const named = await create(staff, body({ kind: 'outstanding_alumnus', subjectName: '王院士 · 1985届物理' }));
    expect(named.body).toMatchObject({ consentStatus: 'pending', subjectAlumnusId: null });
  });

  it('an alumnus submits a story linked to her campaign; staff return it with a note, she edits, staff publish and she is told', async () => {
    const campaign = await campaignFactory(t.dataSource)();
    const author = await alumnus();
    const links = [{ kind: 'campaign', id: campaign.id }, { kind: 'mentoring' }];
    const { id } = (await create(author, body({ links }))).body;
    await act(author, id, 'submit');
    expect((await logged(t, author.alumnus.id, 'stories.submitted')).map((r) => r.subject_id)).toEqual([id]);
    const queue = (await t.request('/api/v1/staff/stories', { headers: staff.headers })).body as Page<StorySummaryDto>;
    expect(queue.items.map((s) => s.id)).toContain(id);
    const back = await staffAct(id, 'return', { note: '请补充照片' });
    expect(back.body).toMatchObject({ status: 'returned', reviewNote: '请补充照片' });
    expect(await inbox(author, 'stories.reviewed')).toEqual([expect.objectContaining({ title: '投稿审核结果：已退回修改' })]);
    expect((await t.request(`/api/v1/stories/${id}`, put(author.headers, body({ links, title: '补充后' })))).status).toBe(200);
    await act(author, id, 'submit');
    await staffAct(id, 'publish');
    const story = (await read(id)).body;
    expect(story.links).toEqual([
      { kind: 'campaign', id: campaign.id, title: campaign.title, page: `/packages/giving/pages/campaign/index?id=${campaign.id}` },
      { kind: 'mentoring', id: null, title: '校友导师计划', page: '/packages/careers/pages/mentors/index' },
    ]);
    expect(await inbox(author, 'stories.reviewed')).toHaveLength(2);
    const mine = (await t.request('/api/v1/me/stories', { headers: author.headers })).body as Page<StorySummaryDto>;
    expect(mine.items[0]).toMatchObject({ id, status: 'published' });
    // Published, it is no longer editable; staff take it down and it is gone for readers.
    expect((await t.request(`/api/v1/stories/${id}`, put(author.headers, body()))).body.error.code).toBe('STORY_STATE_CONFLICT');
    expect((await staffAct(id, 'withdraw', { note: '应本人要求撤下' })).body.status).toBe('withdrawn');
    expect((await read(id)).status).toBe(404);
  });

  it('takes a cover WeChat’s asynchronous image check calls risky off the story, with its file', async () => {
    const author = await alumnus();
    const { id } = (await create(author)).body as StoryManageDto;
    const media = wechatFake(t).feature(MediaCheckFake);
    media.queueVerdicts({ suggest: 'risky', label: 20002 });
    const cover = await uploadFile(t, `/api/v1/stories/${id}/cover`, author.headers, await phonePhoto(40, 30), 'c.jpg', 'image/jpeg');
    expect(cover.status, JSON.stringify(cover.body)).toBe(201);
    expect((await fetch(new URL(cover.body.coverUrl, t.baseUrl))).status).toBe(200);
    // WeChat answers later, by its signed push to the message push URL.
    await media.settled();
    expect(media.checks.at(-1)).toMatchObject({ openid: author.alumnus.openid, verdict: { suggest: 'risky' }, pushed: { status: 200 } });
    expect((await read(id, author)).body.coverUrl).toBeNull();
    expect((await fetch(new URL(cover.body.coverUrl, t.baseUrl))).status).toBe(404);
  });

  it('counts a reader once a day, never the author, and logs the first read', async () => {
    const { author, id } = await published();
    const reader = await alumnus();
    await read(id, reader);
    await read(id, reader);
    await read(id, author);
    await read(id);
    expect((await read(id, await alumnus())).body.readCount).toBe(2);
    // The next day the same reader counts again, but the log has their first read only.
    await t.dataSource.query(`UPDATE story_reads SET day = day - 1 WHERE story_id = $1 AND alumnus_id = $2`, [id, reader.alumnus.id]);
    expect((await read(id, reader)).body.readCount).toBe(3);
    expect(await logged(t, reader.alumnus.id, 'stories.read')).toHaveLength(1);
    expect(await logged(t, author.alumnus.id, 'stories.read')).toHaveLength(0);
  });

  it('likes once each; comments are checked: risky refused, held ones wait for staff and show to their writer only', async () => {
    const { id } = await published();
    const fan = await alumnus();
    expect((await t.request(`/api/v1/stories/${id}/like`, put(fan.headers))).body).toEqual({ liked: true, likeCount: 1 });
    expect((await t.request(`/api/v1/stories/${id}/like`, put(fan.headers))).body).toEqual({ liked: true, likeCount: 1 });
    expect((await read(id, fan)).body).toMatchObject({ likedByMe: true, likeCount: 1 });
    expect((await t.request(`/api/v1/stories/${id}/like`, del(fan.headers))).body).toEqual({ liked: false, likeCount: 0 });
    await t.request(`/api/v1/stories/${id}/like`, put(fan.headers));
    expect(await logged(t, fan.alumnus.id, 'stories.liked')).toHaveLength(2);

    const comments = async (who?: Person) =>
      ((await t.request(`/api/v1/stories/${id}/comments`, who ? { headers: who.headers } : undefined)).body as Page<StoryCommentDto>).items;
    const said = await act(fan, id, 'comments', { text: '师兄太厉害了' });
    expect(said.body).toMatchObject({ text: '师兄太厉害了', status: 'published', mayDelete: true });
    const risky = await act(fan, id, 'comments', { text: `${RISKY_WORD}广告` });
    expect([risky.status, risky.body.error.code]).toEqual([422, 'CONTENT_RISKY']);
    const held = await act(fan, id, 'comments', { text: `${REVIEW_WORD}的评论` });
    expect(held.body.status).toBe('held');
    expect((await comments()).map((c) => c.text)).toEqual(['师兄太厉害了']);
    expect((await comments(fan)).map((c) => c.text)).toEqual([`${REVIEW_WORD}的评论`, '师兄太厉害了']);
    expect((await read(id)).body.commentCount).toBe(1);
    const reviews = (await t.request('/api/v1/staff/content-reviews?limit=100', { headers: staff.headers })).body.items as {
      id: string;
      kind: string;
      subjectId: string;
    }[];
    const waiting = reviews.find((r) => r.kind === 'story-comment' && r.subjectId === held.body.id)!;
    expect((await t.request(`/api/v1/staff/content-reviews/${waiting.id}/approve`, json({}, staff.headers))).status).toBe(204);
    expect((await comments()).map((c) => c.text)).toEqual([`${REVIEW_WORD}的评论`, '师兄太厉害了']);
    expect((await read(id)).body.commentCount).toBe(2);
    // Only its writer or staff delete a comment.
    expect((await t.request(`/api/v1/story-comments/${said.body.id}`, del((await alumnus()).headers))).status).toBe(403);
    expect((await t.request(`/api/v1/story-comments/${said.body.id}`, del(staff.headers))).status).toBe(204);
    expect((await read(id)).body.commentCount).toBe(1);
  });

  it('a reader reports a comment: not their own, not a missing one; it waits for staff, still shown; upheld, it comes down', async () => {
    const { id } = await published();
    const [writer, reader] = [await alumnus(), await alumnus()];
    const shownTexts = async () =>
      ((await t.request(`/api/v1/stories/${id}/comments`)).body as Page<StoryCommentDto>).items.map((c) => c.text);
    const said = (await act(writer, id, 'comments', { text: '广告：代办证件' })).body as StoryCommentDto;
    const kept = (await act(writer, id, 'comments', { text: '祝贺学长' })).body as StoryCommentDto;
    const report = (who: Person, commentId: string, reason = '广告') =>
      t.request(`/api/v1/story-comments/${commentId}/reports`, json({ reason }, who.headers));
    const queued = async (commentId: string) =>
      ((await t.request('/api/v1/staff/content-reviews?limit=100', { headers: staff.headers })).body.items as Record<string, any>[]).filter(
        (r) => r.kind === 'story-comment' && r.subjectId === commentId,
      );

    expect((await report(writer, said.id)).body.error.code).toBe('STORY_REPORT_OWN_CONTENT');
    const missing = await report(reader, '00000000-0000-4000-8000-000000000000');
    expect([missing.status, missing.body.error.code]).toEqual([404, 'STORY_COMMENT_NOT_FOUND']);
    expect((await report(reader, said.id, '')).status).toBe(400);
    expect(await queued(said.id)).toEqual([]);

    const mayReport = async (who: Person) =>
      ((await t.request(`/api/v1/stories/${id}/comments`, { headers: who.headers })).body as Page<StoryCommentDto>).items.map((c) => [
        c.text,
        c.mayReport,
      ]);
    expect(await mayReport(reader)).toEqual([
      ['祝贺学长', true],
      ['广告：代办证件', true],
    ]);
    expect(await mayReport(writer)).toEqual([
      ['祝贺学长', false],
      ['广告：代办证件', false],
    ]);

    expect((await report(reader, said.id)).status).toBe(204);
    const [first] = await queued(said.id);
    // A second reader's report keeps the one entry in the queue, counted, at its place; the same reader again changes nothing.
    expect((await report(await alumnus(), said.id, '骚扰信息')).status).toBe(204);
    expect((await report(reader, said.id, '重复举报')).status).toBe(204);
    expect((await report(reader, kept.id, '误报')).status).toBe(204);
    const [entry, ...more] = await queued(said.id);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      id: first!.id,
      field: 'report',
      reason: 'reported',
      text: '广告：代办证件',
      detail: '骚扰信息',
      reportCount: 2,
      queuedAt: first!.queuedAt,
    });
    expect(await scalar(t, `SELECT count(*) FROM story_comment_reports WHERE comment_id = $1`, [said.id])).toBe(2);
    expect(await shownTexts()).toEqual(['祝贺学长', '广告：代办证件']);
    // Reported once, not offered again.
    expect(await mayReport(reader)).toEqual([
      ['祝贺学长', false],
      ['广告：代办证件', false],
    ]);

    // Kept: nothing changes, and the reader who reported it cannot queue it again; a new reader can.
    const [keptEntry] = await queued(kept.id);
    expect(keptEntry).toMatchObject({ reportCount: 1, detail: '误报' });
    expect((await t.request(`/api/v1/staff/content-reviews/${keptEntry!.id}/approve`, json({}, staff.headers))).status).toBe(204);
    expect((await report(reader, kept.id, '误报')).status).toBe(204);
    expect(await queued(kept.id)).toEqual([]);
    expect((await report(await alumnus(), kept.id, '其他')).status).toBe(204);
    expect(await queued(kept.id)).toEqual([expect.objectContaining({ reportCount: 1, detail: '其他' })]);
    // Upheld: the comment comes down and no longer counts.
    expect((await t.request(`/api/v1/staff/content-reviews/${entry!.id}/reject`, json({}, staff.headers))).status).toBe(204);
    expect(await shownTexts()).toEqual(['祝贺学长']);
    expect((await read(id)).body.commentCount).toBe(1);
    expect((await report(reader, said.id)).body.error.code).toBe('STORY_COMMENT_NOT_FOUND');
  });

  it('refuses unverified writers, news by alumni, a profile without its subject, a bad link and risky text, writing nothing', async () => {
    const before = await scalar(t, `SELECT count(*) FROM stories`);
    const author = await alumnus();
    const refusals = [
      [await create(await signedIn(t, ['alumnus'], consented())), 403, 'STORY_VERIFICATION_REQUIRED'],
      [await create(await signedIn(t, ['alumnus'], { verifiedAt: new Date() })), 403, 'CONSENT_REQUIRED'],
      [await create(author, body({ kind: 'news' })), 403, 'STORY_KIND_NOT_ALLOWED'],
      [await create(author, body({ kind: 'outstanding_alumnus' })), 422, 'STORY_SUBJECT_REQUIRED'],
      [
        await create(author, body({ links: [{ kind: 'campaign', id: '00000000-0000-4000-8000-000000000000' }] })),
        422,
        'STORY_LINK_INVALID',
      ],
      [await create(author, body({ links: [{ kind: 'campaign' }] })), 422, 'STORY_LINK_INVALID'],
      [await create(author, body({ kind: 'poem' })), 400, 'VALIDATION_FAILED'],
      [await create(author, body({ title: 'x'.repeat(61) })), 400, 'VALIDATION_FAILED'],
      [await create(author, body({ subjectAlumnusId: 'me' })), 400, 'VALIDATION_FAILED'],
    ] as const;
    for (const [res, status, code] of refusals) expect([res.status, res.body.error?.code]).toEqual([status, code]);
    expect(await scalar(t, `SELECT count(*) FROM stories`)).toBe(before);
    const { id } = (await create(author, body({ title: `${RISKY_WORD}标题` }))).body;
    const risky = await act(author, id, 'submit');
    expect([risky.status, risky.body.error.code]).toEqual([422, 'CONTENT_RISKY']);
    expect((await read(id, author)).body.status).toBe('draft');
    // Another alumnus's draft does not exist for them.
    expect((await read(id, await alumnus())).status).toBe(404);
    expect((await act(await alumnus(), id, 'submit')).status).toBe(404);
  });

  it('exports what an alumnus wrote, liked, commented, reported and read, and what was written about them with their consent', async () => {
    const { author, id } = await published();
    const me = await alumnus();
    await read(id, me);
    await t.request(`/api/v1/stories/${id}/like`, put(me.headers));
    await act(me, id, 'comments', { text: '写得好' });
    const theirComment = (await act(author, id, 'comments', { text: '谢谢' })).body as StoryCommentDto;
    await t.request(`/api/v1/story-comments/${theirComment.id}/reports`, json({ reason: '其他' }, me.headers));
    const about = (await create(staff, body({ kind: 'outstanding_alumnus', subjectAlumnusId: me.alumnus.id }))).body.id as string;
    await act(staff, about, 'submit');
    await act(me, about, 'consent', { given: true });
    const exported = (await t.request('/api/v1/me/export', { headers: me.headers })).body.records;
    expect(exported.storyLikes).toEqual([expect.objectContaining({ storyId: id })]);
    expect(exported.storyComments).toEqual([expect.objectContaining({ storyId: id, text: '写得好' })]);
    expect(exported.storyReads).toEqual([expect.objectContaining({ storyId: id })]);
    expect(exported.storyCommentReports).toEqual([expect.objectContaining({ commentId: theirComment.id, reason: '其他' })]);
    expect(exported.storiesAboutMe).toEqual([expect.objectContaining({ id: about, consentStatus: 'given', consentMethod: 'in_app' })]);
    const theirs = (await t.request('/api/v1/me/export', { headers: author.headers })).body.records;
    expect(theirs.stories).toEqual([expect.objectContaining({ id, status: 'published' })]);
  });
});
