import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContentReviewDto, MyProfileDto, Page } from '@alumni/shared';
import { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { DEVELOPMENT_WECHAT_PUSH_TOKEN } from '../config/wechat.config.js';
import { PRIVACY_NOTICE } from '../identity/privacy-notice.js';
import { REVIEW_WORD, RISKY_WORD } from '../wechat/fake/content-security.fake.js';
import { MediaCheckFake } from '../wechat/fake/media-check.fake.js';
import { signedIn } from '../../test/auth.js';
import { picture } from '../../test/images.js';
import { campaignFactory } from '../../test/factories.js';
import { giveAndPay, post } from '../../test/giving.js';
import { groupWith } from '../../test/group-feeds.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { wechatFake } from '../../test/wechat.js';
import { MediaCheckEntity } from './media-check.entity.js';
import { pushSignature } from './message-push.controller.js';

const CONSENTED = { consentVersion: PRIVACY_NOTICE.version, consentedAt: new Date() };
/** A real picture (uploads are decoded and re-encoded), a different size for each test. */
const png = (n: number) => picture('png', 8 + n, 8);

describe('content security beyond posts: profile text, images, the staff queue', () => {
  let t: TestApp;
  let dataDir: string;
  let staff: Awaited<ReturnType<typeof signedIn>>;
  let media: MediaCheckFake;
  const alumni = () => t.dataSource.getRepository(AlumnusEntity);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'alumnilink-content-security-'));
    t = await startTestApp({ env: { DATA_DIR: dataDir } });
    staff = await signedIn(t, ['alumnus', 'staff']);
    media = wechatFake(t).feature(MediaCheckFake);
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const patch = (headers: Record<string, string>, body: unknown) =>
    t.request('/api/v1/me', { method: 'PATCH', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const uploadAvatar = (headers: Record<string, string>, body: Buffer) => {
    const form = new FormData();
    form.append('file', new Blob([body], { type: 'image/png' }), 'avatar.png');
    return t.request('/api/v1/me/avatar', { method: 'POST', headers, body: form });
  };
  const queue = async (): Promise<ContentReviewDto[]> => {
    const res = await t.request('/api/v1/staff/content-reviews?limit=100', { headers: staff.headers });
    expect(res.status).toBe(200);
    return (res.body as Page<ContentReviewDto>).items;
  };
  const queued = async (subjectId: string) => (await queue()).filter((item) => item.subjectId === subjectId);
  const decide = (id: string, action: string, note?: string) =>
    t.request(`/api/v1/staff/content-reviews/${id}/${action}`, {
      method: 'POST',
      headers: { ...staff.headers, 'content-type': 'application/json' },
      body: JSON.stringify(note ? { note } : {}),
    });
  const storedAvatars = () => readdir(join(dataDir, 'uploads', 'avatars')).catch(() => [] as string[]);

  describe('profile text', () => {
    it('applies text WeChat passes at once, and keeps text it wants reviewed waiting for staff', async () => {
      const me = await signedIn(t, ['alumnus'], { ...CONSENTED, bio: '旧简介' });
      const res = await patch(me.headers, { city: '杭州', bio: `新简介${REVIEW_WORD}` });
      expect(res.status).toBe(200);
      const profile = res.body as MyProfileDto;
      expect(profile).toMatchObject({ city: '杭州', bio: '旧简介', pendingReview: [{ field: 'bio', text: `新简介${REVIEW_WORD}` }] });
      expect(await alumni().findOneByOrFail({ id: me.alumnus.id })).toMatchObject({ city: '杭州', bio: '旧简介' });

      const [item, ...rest] = await queued(me.alumnus.id);
      expect(rest).toEqual([]);
      expect(item).toMatchObject({
        kind: 'profile-text',
        field: 'bio',
        text: `新简介${REVIEW_WORD}`,
        reason: 'review',
        label: 20012,
        detail: null,
        imageUrl: null,
        author: { id: me.alumnus.id },
      });

      expect((await decide(item!.id, 'approve', '措辞无碍')).status).toBe(204);
      expect(await alumni().findOneByOrFail({ id: me.alumnus.id })).toMatchObject({ bio: `新简介${REVIEW_WORD}` });
      expect(((await t.request('/api/v1/me', { headers: me.headers })).body as MyProfileDto).pendingReview).toEqual([]);
      expect(await queued(me.alumnus.id)).toEqual([]);
      expect(await t.dataSource.getRepository(AuditEntryEntity).findOneByOrFail({ subjectId: me.alumnus.id })).toMatchObject({
        actorId: staff.alumnus.id,
        action: 'content-review.approved',
        subjectType: 'profile-text',
        after: { decision: 'approved', note: '措辞无碍' },
      });
      // Decided once: a second decision finds nothing waiting.
      expect((await decide(item!.id, 'reject')).body.error.code).toBe('CONTENT_REVIEW_NOT_FOUND');
    });

    it('refuses risky text naming the field, and writes nothing', async () => {
      const me = await signedIn(t, ['alumnus'], { ...CONSENTED, city: '宁波' });
      const res = await patch(me.headers, { city: '杭州', jobTitle: `经理${RISKY_WORD}` });
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'CONTENT_RISKY', details: [{ field: 'jobTitle' }] });
      expect(await alumni().findOneByOrFail({ id: me.alumnus.id })).toMatchObject({ city: '宁波', jobTitle: null });
      expect(await queued(me.alumnus.id)).toEqual([]);
    });

    it('holds text when WeChat cannot answer, says why, and a rejection leaves the profile as it was', async () => {
      const me = await signedIn(t, ['alumnus'], { ...CONSENTED, employer: '甲公司' });
      // Busy on the call and on its one repeat.
      for (let i = 0; i < 2; i++) wechatFake(t).injectFault({ errcode: -1, path: '/wxa/msg_sec_check' });
      const res = await patch(me.headers, { employer: '乙公司' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ employer: '甲公司', pendingReview: [{ field: 'employer', text: '乙公司' }] });
      const [item] = await queued(me.alumnus.id);
      expect(item).toMatchObject({ reason: 'unavailable', label: null, detail: expect.stringContaining('-1') });

      expect((await decide(item!.id, 'reject')).status).toBe(204);
      expect(await alumni().findOneByOrFail({ id: me.alumnus.id })).toMatchObject({ employer: '甲公司' });
      expect(((await t.request('/api/v1/me', { headers: me.headers })).body as MyProfileDto).pendingReview).toEqual([]);
    });

    it('forgets waiting text once its author writes the field again', async () => {
      const me = await signedIn(t, ['alumnus'], CONSENTED);
      await patch(me.headers, { major: `机械${REVIEW_WORD}` });
      expect(await queued(me.alumnus.id)).toHaveLength(1);
      const res = await patch(me.headers, { major: '机械工程' });
      expect(res.body).toMatchObject({ major: '机械工程', pendingReview: [] });
      expect(await queued(me.alumnus.id)).toEqual([]);
    });
  });

  describe('donor messages', () => {
    it('keeps a message WeChat wants reviewed off the wall until staff approve it; refuses a risky one before any order', async () => {
      const campaign = await campaignFactory(t.dataSource)();
      const donor = await signedIn(t, ['alumnus'], CONSENTED);
      const wall = async () => (await t.request(`/api/v1/campaigns/${campaign.id}/donors`)).body.items as { message: string }[];

      const risky = await t.request(
        `/api/v1/campaigns/${campaign.id}/donations`,
        post({ amountFen: 1000, message: RISKY_WORD }, donor.headers),
      );
      expect(risky.status).toBe(422);
      expect(risky.body.error).toMatchObject({ code: 'CONTENT_RISKY', details: [{ field: 'message' }] });
      expect(await t.dataSource.query(`SELECT id FROM donations WHERE alumnus_id = $1`, [donor.alumnus.id])).toEqual([]);

      const gift = await giveAndPay(t, campaign.id, donor, { amountFen: 1000, message: `祝母校${REVIEW_WORD}` });
      expect(await wall()).toMatchObject([{ message: '' }]);
      const [item] = await queued(gift.id);
      expect(item).toMatchObject({ kind: 'donation-message', field: 'message', text: `祝母校${REVIEW_WORD}`, reason: 'review' });
      expect((await decide(item!.id, 'approve')).status).toBe(204);
      expect(await wall()).toMatchObject([{ message: `祝母校${REVIEW_WORD}` }]);

      const second = await giveAndPay(t, campaign.id, donor, { amountFen: 500, message: `再捐${REVIEW_WORD}` });
      const [again] = await queued(second.id);
      expect((await decide(again!.id, 'reject')).status).toBe(204);
      expect((await wall()).map((entry) => entry.message).sort()).toEqual(['', `祝母校${REVIEW_WORD}`]);
    });
  });

  describe('images (mediaCheckAsync and its push)', () => {
    it('sends an uploaded avatar to WeChat by an absolute URL it downloads, and keeps it on pass', async () => {
      const me = await signedIn(t, ['alumnus'], CONSENTED);
      const body = await png(3);
      const res = await uploadAvatar(me.headers, body);
      expect(res.status).toBe(200);
      await media.settled();
      const sent = media.checks.at(-1)!;
      expect(sent).toMatchObject({
        openid: me.alumnus.openid,
        scene: 1,
        verdict: { suggest: 'pass' },
        pushed: { status: 200, body: 'success' },
      });
      expect(sent.mediaUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/media-checks\/[\w-]{32}$/);
      // What WeChat downloaded is what the avatar URL serves (uploads are re-encoded, so not the bytes sent).
      const served = Buffer.from(
        await (await fetch(`${t.baseUrl.replace(/\/$/, '')}${new URL(res.body.avatarUrl, t.baseUrl).pathname}`)).arrayBuffer(),
      );
      expect(sent.sha256).toBe(createHash('sha256').update(served).digest('hex'));
      expect(await t.dataSource.getRepository(MediaCheckEntity).findOneByOrFail({ traceId: sent.traceId })).toMatchObject({
        kind: 'avatar',
        status: 'pass',
        label: 100,
      });
      // Once judged, the check's URL no longer serves the image.
      expect((await fetch(sent.mediaUrl)).status).toBe(404);
      expect((await alumni().findOneByOrFail({ id: me.alumnus.id })).avatarKey).not.toBeNull();
      expect(await queued(me.alumnus.id)).toEqual([]);
    });

    it('takes a risky avatar down and deletes the file', async () => {
      const me = await signedIn(t, ['alumnus'], CONSENTED);
      media.queueVerdicts({ suggest: 'risky', label: 20002 });
      expect((await uploadAvatar(me.headers, await png(4))).status).toBe(200);
      const key = (await alumni().findOneByOrFail({ id: me.alumnus.id })).avatarKey!;
      await media.settled();
      expect((await alumni().findOneByOrFail({ id: me.alumnus.id })).avatarKey).toBeNull();
      expect(await storedAvatars()).not.toContain(key.split('/')[1]);
      expect(await t.dataSource.getRepository(MediaCheckEntity).findOneByOrFail({ imageKey: key })).toMatchObject({
        status: 'risky',
        label: 20002,
      });
    });

    it('puts an avatar WeChat wants reviewed in the staff queue with the image to look at; a rejection takes it down', async () => {
      const me = await signedIn(t, ['alumnus'], CONSENTED);
      media.queueVerdicts({ suggest: 'review', label: 20012 });
      const body = await png(5);
      await uploadAvatar(me.headers, body);
      await media.settled();
      const [item] = await queued(me.alumnus.id);
      expect(item).toMatchObject({ kind: 'avatar', field: '', text: null, reason: 'review', label: 20012 });
      const image = await fetch(`${t.baseUrl}${item!.imageUrl}`);
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/png');
      expect((await image.arrayBuffer()).byteLength).toBeGreaterThan(0);

      expect((await decide(item!.id, 'reject')).status).toBe(204);
      expect((await alumni().findOneByOrFail({ id: me.alumnus.id })).avatarKey).toBeNull();
      expect((await fetch(`${t.baseUrl}${item!.imageUrl}`)).status).toBe(404);
    });

    it('holds an image for staff when WeChat refuses the check, and when its verdict never comes', async () => {
      const me = await signedIn(t, ['alumnus'], CONSENTED);
      wechatFake(t).injectFault({ errcode: 45011, path: '/wxa/media_check_async' });
      await uploadAvatar(me.headers, await png(6));
      const [refused] = await queued(me.alumnus.id);
      expect(refused).toMatchObject({ kind: 'avatar', reason: 'unavailable', detail: expect.stringContaining('45011') });
      expect((await decide(refused!.id, 'approve')).status).toBe(204);
      expect((await alumni().findOneByOrFail({ id: me.alumnus.id })).avatarKey).not.toBeNull();

      const other = await signedIn(t, ['alumnus'], CONSENTED);
      media.hold();
      await uploadAvatar(other.headers, await png(7));
      const checks = t.dataSource.getRepository(MediaCheckEntity);
      const pending = await checks.findOneByOrFail({ subjectId: other.alumnus.id });
      expect(pending.status).toBe('pending');
      await checks.update({ id: pending.id }, { createdAt: new Date(Date.now() - 31 * 60_000) });
      await t.app.get((await import('./media-checks.service.js')).MediaChecksService).holdOverdue();
      expect(await queued(other.alumnus.id)).toMatchObject([{ reason: 'unavailable', detail: expect.stringContaining('no verdict') }]);
      // The late verdict finds the check no longer pending and changes nothing.
      await media.release();
      expect((await checks.findOneByOrFail({ id: pending.id })).status).toBe('unavailable');
      expect(await queued(other.alumnus.id)).toHaveLength(1);
    });
  });

  describe('every other kind of image, and group proposals', () => {
    const form = (body: Buffer) => {
      const data = new FormData();
      data.append('file', new Blob([body], { type: 'image/png' }), 'photo.png');
      return data;
    };

    it('takes a risky group cover off its group, drops a rejected post photo, and strips a risky fund-use photo from its entry', async () => {
      const owner = await signedIn(t, ['alumnus'], { ...CONSENTED, verifiedAt: new Date() });
      const groupId = await groupWith(t, 'open', [{ member: owner, role: 'owner' }]);
      media.queueVerdicts({ suggest: 'risky', label: 20001 });
      expect(
        (await t.request(`/api/v1/groups/${groupId}/cover`, { method: 'POST', headers: owner.headers, body: form(await png(8)) })).status,
      ).toBe(200);
      await media.settled();
      expect((await t.dataSource.query(`SELECT cover_key FROM groups WHERE id = $1`, [groupId]))[0].cover_key).toBeNull();

      media.queueVerdicts({ suggest: 'review', label: 20012 });
      const photo = await t.request('/api/v1/group-posts/images', { method: 'POST', headers: owner.headers, body: form(await png(9)) });
      expect(photo.status).toBe(201);
      await media.settled();
      const [held] = await queued(photo.body.id);
      expect(held).toMatchObject({ kind: 'post-image', reason: 'review', author: { id: owner.alumnus.id } });
      expect((await decide(held!.id, 'reject')).status).toBe(204);
      expect(await t.dataSource.query(`SELECT id FROM group_post_images WHERE id = $1`, [photo.body.id])).toEqual([]);

      media.queueVerdicts({ suggest: 'risky', label: 20002 });
      media.hold();
      const uploaded = await t.request('/api/v1/staff/campaigns/photos', {
        method: 'POST',
        headers: staff.headers,
        body: form(await png(10)),
      });
      expect(uploaded.status).toBe(201);
      const campaign = await campaignFactory(t.dataSource)();
      const [entry] = (await t.dataSource.query(
        `INSERT INTO campaign_disbursements (campaign_id, purpose, amount_fen, spent_on, photo_urls)
         VALUES ($1, '购买图书', 1000, '2026-11-01', $2::jsonb) RETURNING id`,
        [campaign.id, JSON.stringify([uploaded.body.url, 'https://example.org/other.jpg'])],
      )) as { id: string }[];
      await media.release();
      expect((await t.dataSource.query(`SELECT photo_urls FROM campaign_disbursements WHERE id = $1`, [entry!.id]))[0].photo_urls).toEqual([
        'https://example.org/other.jpg',
      ]);
      expect((await fetch(`${t.baseUrl}${uploaded.body.url}`)).status).toBe(404);
    });

    it('refuses a group proposal whose name or intro is risky', async () => {
      const proposer = await signedIn(t, ['alumnus'], { ...CONSENTED, verifiedAt: new Date() });
      const res = await t.request('/api/v1/groups/proposals', {
        method: 'POST',
        headers: { ...proposer.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'interest', name: '摄影爱好者', intro: `欢迎${RISKY_WORD}` }),
      });
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'CONTENT_RISKY', details: [{ field: 'name' }] });
    });
  });

  describe('the message push endpoint', () => {
    const signed = (timestamp = String(Math.floor(Date.now() / 1000)), token = DEVELOPMENT_WECHAT_PUSH_TOKEN) => {
      const nonce = '12345';
      return `signature=${pushSignature(token, timestamp, nonce)}&timestamp=${timestamp}&nonce=${nonce}`;
    };

    it('answers the server-address check with echostr only when the signature is ours', async () => {
      const ok = await t.request(`/api/v1/wechat/message-push?${signed()}&echostr=hello123`);
      expect(ok).toMatchObject({ status: 200, body: 'hello123' });
      expect((await t.request(`/api/v1/wechat/message-push?${signed(undefined, 'wrongtoken')}&echostr=x`)).status).toBe(401);
    });

    it('refuses unsigned, wrongly signed and stale pushes, so nobody can forge a verdict', async () => {
      const push = (query: string) =>
        t.request(`/api/v1/wechat/message-push?${query}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ Event: 'wxa_media_check', trace_id: 'x', result: { suggest: 'risky', label: 20002 } }),
        });
      expect((await push('')).status).toBe(401);
      expect((await push(signed(undefined, 'wrongtoken'))).status).toBe(401);
      expect((await push(signed(String(Math.floor(Date.now() / 1000) - 3600)))).status).toBe(401);
      // Signed, but about a trace id we never sent: acknowledged and ignored.
      expect(await push(signed())).toMatchObject({ status: 200, body: 'success' });
    });
  });
});
