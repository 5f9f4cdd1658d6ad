import { shanghaiDay } from '@alumni/shared';
import { graduate, mentorWith, offerBody, type Person, put, requestBody, staffMember, student, unverified } from '../../../test/careers.js';
import { scalar } from '../../../test/interactions.js';
import { settledMessages, subscribe } from '../../../test/notifications.js';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { json } from '../../../test/wechat.js';
import { OutboxMessageEntity } from '../../outbox/outbox-message.entity.js';
import { REVIEW_WORD, RISKY_WORD } from '../../wechat/fake/content-security.fake.js';
import { MentorshipsService } from './mentorships.service.js';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('mentoring', () => {
  let t: TestApp;
  let staff: Person;
  beforeAll(async () => {
    t = await startTestApp();
    staff = await staffMember(t);
  });
  afterAll(() => t.close());

  const ask = (who: Person, body: unknown) => t.request('/api/v1/careers/mentorships', json(body, who.headers));
  const step = (who: Person, id: string, action: string, body: unknown = {}) =>
    t.request(`/api/v1/careers/mentorships/${id}/${action}`, json(body, who.headers));
  const suggestions = (who: Person, query = '') => t.request(`/api/v1/careers/mentors/suggestions${query}`, { headers: who.headers });
  const outboxOf = (alumnusId: string, kind: string) =>
    t.dataSource.getRepository(OutboxMessageEntity).find({ where: { alumnusId, kind }, order: { createdAt: 'ASC' } });
  const interactionsOf = (alumnusId: string, kind: string) =>
    scalar(t, `SELECT count(*) FROM interactions WHERE alumnus_id = $1 AND kind = $2`, [alumnusId, kind]);

  describe('who may do what', () => {
    it('tells each account its stage: a roster student, a graduate, an unverified account', async () => {
      const [s, g, u] = await Promise.all([student(t), graduate(t), unverified(t)]);
      const stage = async (p: Person) => (await t.request('/api/v1/careers/me', { headers: p.headers })).body;
      expect(await stage(s)).toMatchObject({ stage: 'student', mayParticipate: true, mayContribute: false });
      expect(await stage(g)).toMatchObject({ stage: 'graduate', mayParticipate: true, mayContribute: true });
      expect(await stage(u)).toMatchObject({ stage: 'unverified', mayParticipate: false, mayContribute: false });
    });

    it('counts the verified graduation year, not the one a student types into their profile', async () => {
      const s = await student(t, { graduationYear: 2010 });
      const res = await t.request('/api/v1/careers/mentors/suggestions', { headers: s.headers });
      expect(res.status).toBe(200);
      const offer = await t.request('/api/v1/careers/me/mentor-offer', put(offerBody(), s.headers));
      expect(offer.status).toBe(403);
      expect(offer.body.error.code).toBe('CAREERS_GRADUATE_REQUIRED');
    });

    it('refuses an unverified account with a clear error, and writes nothing', async () => {
      const { offerId } = await mentorWith(t);
      const u = await unverified(t);
      for (const res of [await suggestions(u), await ask(u, requestBody(offerId))]) {
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('CAREERS_VERIFICATION_REQUIRED');
      }
      expect(await scalar(t, `SELECT count(*) FROM mentorships WHERE mentee_id = $1`, [u.alumnus.id])).toBe(0);
    });
  });

  describe('suggestions', () => {
    it('puts a mentor from another industry on the first page, even when the asker’s own industry could fill it', async () => {
      // Six mentors of the asker's own industry, all matching the topic; two from other fields that do not.
      const own = [];
      for (let i = 0; i < 6; i++) own.push(await mentorWith(t, { industry: '制造业', topics: ['career_change'], city: '江州' }));
      const finance = await mentorWith(t, { industry: '金融', topics: ['entrepreneurship'], city: '北京' });
      const teaching = await mentorWith(t, { industry: '教育', topics: ['further_study'], city: '北京' });
      const asker = await student(t, { industry: '制造业', city: '江州' });

      const res = await suggestions(asker, '?targetIndustry=制造业&topic=career_change&limit=6');
      expect(res.status).toBe(200);
      const page = res.body.items as { id: string; industry: string; crossIndustry: boolean; score: number; reasons: string[] }[];
      expect(page).toHaveLength(6);
      expect(page.some((m) => m.crossIndustry)).toBe(true);
      // Every third place goes to someone from another field while one is left.
      expect(page[2]!.crossIndustry).toBe(true);
      expect(page[2]!.industry).not.toBe('制造业');
      expect(page[2]!.reasons).toContain('跨行业视角');
      expect(page[5]!.crossIndustry).toBe(true);
      // Own-industry mentors score on topic (3), target industry (2), city (1) and free places (1).
      expect(page[0]).toMatchObject({
        industry: '制造业',
        crossIndustry: false,
        score: 7,
        reasons: ['话题匹配', '目标行业', '同城可见面'],
      });
      // Walking every page finds each mentor once, the low-scored ones from other fields included.
      const seen: string[] = page.map((m) => m.id);
      for (let cursor = res.body.nextCursor as string | null; cursor !== null;) {
        const next = await suggestions(asker, `?targetIndustry=制造业&topic=career_change&limit=6&cursor=${cursor}`);
        seen.push(...(next.body.items as { id: string }[]).map((m) => m.id));
        cursor = next.body.nextCursor;
      }
      expect(new Set(seen).size).toBe(seen.length);
      for (const m of [...own, finance, teaching]) expect(seen).toContain(m.offerId);
    });

    it('leaves out my own offer, full and paused mentors, held offers, and mentors I already asked', async () => {
      const me = await mentorWith(t, { industry: '能源' });
      const paused = await mentorWith(t, { industry: '能源', accepting: false });
      const held = await mentorWith(t, { industry: '能源', intro: `欢迎咨询${REVIEW_WORD}` });
      const asked = await mentorWith(t, { industry: '能源' });
      const full = await mentorWith(t, { industry: '能源', capacity: 1 });
      const taker = await student(t);
      const id = (await ask(taker, requestBody(full.offerId))).body.id;
      expect((await step(full, id, 'accept')).status).toBe(200);
      expect((await ask(me, requestBody(asked.offerId))).status).toBe(201);

      const res = await suggestions(me, '?targetIndustry=能源&limit=100');
      const ids = (res.body.items as { id: string }[]).map((m) => m.id);
      for (const hidden of [me, paused, held, asked, full]) expect(ids).not.toContain(hidden.offerId);
      const heldOffer = await t.request(`/api/v1/careers/mentors/${held.offerId}`, { headers: taker.headers });
      expect(heldOffer.status).toBe(404);
    });

    it('refuses a forged cursor', async () => {
      const res = await suggestions(await student(t), '?cursor=bm9wZQ');
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('INVALID_CURSOR');
    });
  });

  describe('a pairing from request to feedback', () => {
    it('asks, accepts, meets, closes and collects feedback, telling the other side at each step', async () => {
      const mentor = await mentorWith(t, { capacity: 2 }, { displayName: '导师王' });
      const mentee = await student(t, { displayName: '学生李' });
      await subscribe(t, mentor.headers, ['mentoringRequest', 'mentoringUpdate']);
      await subscribe(t, mentee.headers, ['mentoringResult', 'mentoringUpdate']);

      const asked = await ask(mentee, requestBody(mentor.offerId, { format: 'online' }));
      expect(asked.status).toBe(201);
      expect(asked.body).toMatchObject({ status: 'requested', myRole: 'mentee', mayWithdraw: true, mayAccept: false });
      const id = asked.body.id as string;
      const [requested] = await settledMessages(t, mentor.alumnus.id, 'careers.mentoring-requested');
      expect(requested!.status).toBe('sent');
      expect(requested!.payload).toMatchObject({ mentorshipId: id, menteeName: '学生李', topic: '转行转岗' });
      expect(await interactionsOf(mentee.alumnus.id, 'careers.mentoring_requested')).toBe(1);

      const mine = await t.request('/api/v1/careers/me/mentoring', { headers: mentor.headers });
      expect(mine.body.offer).toMatchObject({ waitingCount: 1, activeCount: 0 });
      expect(mine.body.asMentor[0]).toMatchObject({ id, mayAccept: true, mayDecline: true, mentee: { stage: 'student' } });

      // The asker cannot answer their own request.
      expect((await step(mentee, id, 'accept')).status).toBe(403);
      const accepted = await step(mentor, id, 'accept', { message: '周六线上聊聊' });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ status: 'active', replyMessage: '周六线上聊聊', mayLogMeeting: true, mayClose: true });
      const term = Date.parse(accepted.body.endsAt) - Date.parse(accepted.body.decidedAt);
      expect(term).toBe(90 * DAY_MS);
      const [decided] = await settledMessages(t, mentee.alumnus.id, 'careers.mentoring-decided');
      expect(decided!.payload).toMatchObject({ accepted: true, mentorName: '导师王', message: '周六线上聊聊' });
      expect(await interactionsOf(mentor.alumnus.id, 'careers.mentoring_accepted')).toBe(1);
      expect(await interactionsOf(mentee.alumnus.id, 'careers.mentoring_started')).toBe(1);

      const today = shanghaiDay(new Date());
      const future = shanghaiDay(new Date(Date.now() + 2 * DAY_MS));
      const early = await step(mentee, id, 'meetings', { occurredOn: future, format: 'online', notes: '聊了简历' });
      expect(early.status).toBe(422);
      expect(early.body.error.code).toBe('MENTORING_MEETING_DATE_INVALID');
      const met = await step(mentee, id, 'meetings', {
        occurredOn: today,
        format: 'online',
        durationMinutes: 45,
        notes: '聊了简历和作品集',
      });
      expect(met.status).toBe(201);
      expect(met.body).toMatchObject({ meetingCount: 1, meetings: [{ occurredOn: today, loggedBy: 'mentee', durationMinutes: 45 }] });
      const [meetingNews] = await settledMessages(t, mentor.alumnus.id, 'careers.mentoring-updated');
      expect(meetingNews!.payload).toMatchObject({ event: 'meeting', otherName: '学生李' });
      expect(await interactionsOf(mentee.alumnus.id, 'careers.mentoring_met')).toBe(1);

      // Feedback waits for the end; then once per side.
      expect((await step(mentee, id, 'feedback', { rating: 5 })).status).toBe(409);
      const closed = await step(mentor, id, 'close', { note: '祝求职顺利' });
      expect(closed.body).toMatchObject({ status: 'ended', endReason: 'closed_by_mentor', mayGiveFeedback: true });
      const ended = await settledMessages(t, mentee.alumnus.id, 'careers.mentoring-updated');
      expect(ended.at(-1)!.payload).toMatchObject({ event: 'ended', reason: 'closed_by_mentor' });
      expect(await interactionsOf(mentor.alumnus.id, 'careers.mentoring_ended')).toBe(1);
      expect(await interactionsOf(mentee.alumnus.id, 'careers.mentoring_ended')).toBe(1);

      const given = await step(mentee, id, 'feedback', { rating: 5, comment: '很有帮助' });
      expect(given.body.myFeedback).toMatchObject({ rating: 5, comment: '很有帮助' });
      expect((await step(mentor, id, 'feedback', { rating: 4 })).status).toBe(200);
      const again = await step(mentee, id, 'feedback', { rating: 1 });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('MENTORSHIP_FEEDBACK_GIVEN');
      // The other side's feedback is for staff only.
      const seen = await t.request(`/api/v1/careers/mentorships/${id}`, { headers: mentor.headers });
      expect(seen.body.myFeedback.rating).toBe(4);
      expect(JSON.stringify(seen.body)).not.toContain('很有帮助');
      const offer = (await t.request('/api/v1/careers/me/mentoring', { headers: mentor.headers })).body.offer;
      expect(offer).toMatchObject({ activeCount: 0, waitingCount: 0 });
    });

    it('declines the other waiting requests as full when the last place is taken, telling each asker', async () => {
      const mentor = await mentorWith(t, { capacity: 1 });
      const [first, second, third] = await Promise.all([student(t), student(t), graduate(t)]);
      const ids: string[] = [];
      for (const who of [first, second, third]) ids.push((await ask(who, requestBody(mentor.offerId))).body.id);
      expect((await step(mentor, ids[1]!, 'accept')).status).toBe(200);
      for (const [who, id] of [
        [first, ids[0]],
        [third, ids[2]],
      ] as const) {
        const res = await t.request(`/api/v1/careers/mentorships/${id}`, { headers: who.headers });
        expect(res.body).toMatchObject({ status: 'declined', declinedAsFull: true });
        expect((await outboxOf(who.alumnus.id, 'careers.mentoring-decided'))[0]!.payload).toMatchObject({ accepted: false, full: true });
      }
      const offer = (await t.request('/api/v1/careers/me/mentoring', { headers: mentor.headers })).body.offer;
      expect(offer).toMatchObject({ activeCount: 1, waitingCount: 0, freePlaces: 0 });
      const late = await ask(await student(t), requestBody(mentor.offerId));
      expect(late.status).toBe(409);
      expect(late.body.error.code).toBe('MENTOR_FULL');
    });

    it('lets the asker withdraw and the mentor decline, each telling the other', async () => {
      const mentor = await mentorWith(t);
      const [a, b] = await Promise.all([student(t), student(t)]);
      const first = (await ask(a, requestBody(mentor.offerId))).body.id;
      const second = (await ask(b, requestBody(mentor.offerId))).body.id;
      expect((await step(a, first, 'withdraw')).body.status).toBe('withdrawn');
      expect((await outboxOf(mentor.alumnus.id, 'careers.mentoring-updated'))[0]!.payload).toMatchObject({ event: 'withdrawn' });
      const declined = await step(mentor, second, 'decline', { message: '最近太忙，抱歉' });
      expect(declined.body).toMatchObject({ status: 'declined', replyMessage: '最近太忙，抱歉', declinedAsFull: false });
      expect((await outboxOf(b.alumnus.id, 'careers.mentoring-decided'))[0]!.payload).toMatchObject({ accepted: false, full: false });
      expect((await step(mentor, second, 'accept')).body.error.code).toBe('MENTORSHIP_STATE_CONFLICT');
      // A declined asker may ask again.
      expect((await ask(b, requestBody(mentor.offerId))).status).toBe(201);
    });
  });

  describe('refusals write nothing', () => {
    it('refuses asking oneself, asking twice, too many open requests, and risky text', async () => {
      const mentor = await mentorWith(t);
      const self = await ask(mentor, requestBody(mentor.offerId));
      expect(self.body.error.code).toBe('MENTOR_SELF');

      const asker = await graduate(t);
      expect((await ask(asker, requestBody(mentor.offerId))).status).toBe(201);
      expect((await ask(asker, requestBody(mentor.offerId))).body.error.code).toBe('MENTORSHIP_ALREADY_OPEN');
      for (let i = 0; i < 2; i++) expect((await ask(asker, requestBody((await mentorWith(t)).offerId))).status).toBe(201);
      const fourth = await mentorWith(t);
      const limited = await ask(asker, requestBody(fourth.offerId));
      expect(limited.status).toBe(409);
      expect(limited.body.error.code).toBe('MENTEE_LIMIT');

      const risky = await ask(await student(t), requestBody(fourth.offerId, { goals: `想聊聊${RISKY_WORD}` }));
      expect(risky.status).toBe(422);
      expect(risky.body.error.code).toBe('CONTENT_RISKY');
      expect(await scalar(t, `SELECT count(*) FROM mentorships WHERE offer_id = $1`, [fourth.offerId])).toBe(0);
      expect(await scalar(t, `SELECT waiting_count FROM mentor_offers WHERE id = $1`, [fourth.offerId])).toBe(0);
      expect((await outboxOf(fourth.alumnus.id, 'careers.mentoring-requested')).length).toBe(0);
    });

    it('answers 404 to someone outside a pairing, staff read it', async () => {
      const mentor = await mentorWith(t);
      const id = (await ask(await student(t), requestBody(mentor.offerId))).body.id;
      const stranger = await graduate(t);
      expect((await t.request(`/api/v1/careers/mentorships/${id}`, { headers: stranger.headers })).status).toBe(404);
      expect((await step(stranger, id, 'accept')).status).toBe(404);
      expect((await t.request(`/api/v1/careers/mentorships/${id}`, { headers: staff.headers })).status).toBe(200);
    });
  });

  describe('the term', () => {
    it('ends pairings past the staff-set term on their own, telling both sides', async () => {
      const set = await t.request(
        '/api/v1/staff/careers/settings',
        put({ jobApprovalRequired: true, mentoringTermDays: 30, quietAfterDays: 14 }, staff.headers),
      );
      expect(set.status).toBe(200);
      const mentor = await mentorWith(t);
      const mentee = await student(t);
      const id = (await ask(mentee, requestBody(mentor.offerId))).body.id;
      const accepted = await step(mentor, id, 'accept');
      expect(Date.parse(accepted.body.endsAt) - Date.parse(accepted.body.decidedAt)).toBe(30 * DAY_MS);

      const service = t.app.get(MentorshipsService);
      expect(await service.endDueTerms(new Date(Date.now() + 29 * DAY_MS))).toBe(0);
      expect(await service.endDueTerms(new Date(Date.now() + 31 * DAY_MS))).toBeGreaterThanOrEqual(1);
      const ended = await t.request(`/api/v1/careers/mentorships/${id}`, { headers: mentee.headers });
      expect(ended.body).toMatchObject({ status: 'ended', endReason: 'term_ended' });
      for (const who of [mentor, mentee]) {
        expect((await outboxOf(who.alumnus.id, 'careers.mentoring-updated')).map((m) => m.payload.reason)).toContain('term_ended');
      }
      await t.request(
        '/api/v1/staff/careers/settings',
        put({ jobApprovalRequired: true, mentoringTermDays: 90, quietAfterDays: 30 }, staff.headers),
      );
    });
  });

  describe('offers and the staff’s programme', () => {
    it('holds an offer the content check did not pass until staff release it', async () => {
      const mentor = await mentorWith(t, { intro: `资深${REVIEW_WORD}从业者` });
      const mine = await t.request('/api/v1/careers/me/mentoring', { headers: mentor.headers });
      expect(mine.body.offer.status).toBe('held');
      const queue = await t.request('/api/v1/staff/careers/mentors?status=held', { headers: staff.headers });
      expect((queue.body.items as { id: string }[]).map((o) => o.id)).toContain(mentor.offerId);
      const released = await t.request(`/api/v1/staff/careers/mentors/${mentor.offerId}/approve`, json({}, staff.headers));
      expect(released.body.status).toBe('open');
      const again = await t.request(`/api/v1/staff/careers/mentors/${mentor.offerId}/approve`, json({}, staff.headers));
      expect(again.body.error.code).toBe('MENTOR_OFFER_STATE_CONFLICT');
      expect(
        await scalar(t, `SELECT count(*) FROM audit_entries WHERE action = 'mentor-offer.approved' AND subject_id = $1`, [mentor.offerId]),
      ).toBe(1);
      // An unchanged intro stays released when the mentor edits something else.
      const edited = await t.request(
        '/api/v1/careers/me/mentor-offer',
        put(offerBody({ intro: `资深${REVIEW_WORD}从业者`, capacity: 5 }), mentor.headers),
      );
      expect(edited.body).toMatchObject({ status: 'open', capacity: 5 });
    });

    it('shows staff the pairs, waiting requests, quiet pairings and supply against demand, and exports them', async () => {
      const mentor = await mentorWith(t, { industry: '医疗健康', capacity: 4 });
      const [a, b] = await Promise.all([student(t), student(t)]);
      const active = (await ask(a, requestBody(mentor.offerId, { targetIndustry: '医疗健康' }))).body.id;
      const waiting = (await ask(b, requestBody(mentor.offerId, { targetIndustry: '医疗健康' }))).body.id;
      await step(mentor, active, 'accept');
      await t.dataSource.query(`UPDATE mentorships SET last_activity_at = now() - interval '45 days' WHERE id = $1`, [active]);

      const overview = await t.request('/api/v1/staff/careers/mentoring/overview', { headers: staff.headers });
      expect(overview.status).toBe(200);
      expect(overview.body.quietPairs).toBeGreaterThanOrEqual(1);
      const health = overview.body.industries.find((i: { industry: string }) => i.industry === '医疗健康');
      expect(health).toMatchObject({ mentors: 1, freePlaces: 3, waiting: 1, active: 1 });

      const list = async (view: string) =>
        (await t.request(`/api/v1/staff/careers/mentoring/pairs?view=${view}&limit=100`, { headers: staff.headers })).body.items as {
          id: string;
          quietDays: number;
        }[];
      expect((await list('quiet')).find((p) => p.id === active)!.quietDays).toBe(45);
      expect((await list('waiting')).map((p) => p.id)).toContain(waiting);
      expect((await list('active')).map((p) => p.id)).toContain(active);

      const csv = await fetch(`${t.baseUrl}/api/v1/staff/careers/mentoring/export?format=csv`, { headers: staff.headers });
      expect(csv.headers.get('content-type')).toContain('text/csv');
      const text = Buffer.from(await csv.arrayBuffer()).toString('utf8');
      expect(text.split('\r\n')[0]).toBe(
        '\uFEFF状态,导师,导师行业,学员,学员身份,目标行业,话题,跨行业,申请时间,开始时间,结束时间,结束原因,最近互动,交流次数,导师评分,学员评分',
      );
      expect(text).toContain('辅导中');
      const xlsx = await fetch(`${t.baseUrl}/api/v1/staff/careers/mentoring/export?format=xlsx`, { headers: staff.headers });
      expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    });
  });
});
