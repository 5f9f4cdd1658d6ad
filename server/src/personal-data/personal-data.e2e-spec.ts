import { shanghaiDay } from '@alumni/shared';
import { createAlumnus, signedIn } from '../../test/auth.js';
import { jobBody, mentorWith, offerBody, requestBody, resourceBody, resourceFile, student } from '../../test/careers.js';
import { campaignFactory, eventFactory } from '../../test/factories.js';
import { giveAndPay, post } from '../../test/giving.js';
import { groupWith } from '../../test/group-feeds.js';
import { subscribe } from '../../test/notifications.js';
import { createDepartments, createRosterEntry } from '../../test/roster.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { PRIVACY_NOTICE } from '../identity/privacy-notice.js';
import { TokenService } from '../auth/token.service.js';
import { signInWithWechat } from '../../test/wechat.js';
import { PersonalDataRegistry } from './personal-data.registry.js';
import { picture } from '../../test/images.js';

type Who = Awaited<ReturnType<typeof signedIn>>;

const PNG = await picture('png');

/** Every column of the schema that holds an alumnus's id (a foreign key to alumni). */
async function columnsNamingAlumni(t: TestApp): Promise<string[]> {
  const rows: { name: string }[] = await t.dataSource.query(
    `SELECT DISTINCT src.relname || '.' || a.attname AS name
       FROM pg_constraint c
       JOIN pg_class src ON src.oid = c.conrelid
       JOIN pg_class dst ON dst.oid = c.confrelid
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
      WHERE c.contype = 'f' AND dst.relname = 'alumni'
      ORDER BY 1`,
  );
  return rows.map((row) => row.name);
}

/**
 * The personal-data export (PIPL's right to a copy) compared with the database, and the
 * erasure (the right to deletion) checked table by table.
 */
describe('personal data: export and erasure', () => {
  let t: TestApp;
  let me: Who;
  let classmate: Who;
  let staff: Who;
  let registry: PersonalDataRegistry;
  const send = (method: string, path: string, who: Who, body?: unknown) =>
    t.request(`/api/v1${path}`, body === undefined ? { method, headers: who.headers } : { ...post(body, who.headers), method });
  const count = async (table: string, column: string, id: string) =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [id]))[0].n as number;

  /** A year of an alumnus's life with the school, through the API wherever an alumnus acts. */
  async function liveAYear(): Promise<{ groupId: string; postId: string; upcomingEventId: string; mentorOfferId: string }> {
    const department = (await createDepartments(t, ['机械工程学院'])).get('机械工程学院')!;
    await createRosterEntry(t, { departmentId: department, name: '林晓', studentNumber: 'S2015007', className: '机械1501班' });
    const claim = await send('POST', '/me/claims', me, {
      name: '林晓',
      studentNumber: 'S2015007',
      graduationYear: 2016,
      departmentId: department,
    });
    expect(claim.body.status).toBe('matched');

    const events = eventFactory(t.dataSource);
    const past = await events(-48);
    const upcoming = await events(72, { capacity: 1, waitlistEnabled: true });
    expect((await send('POST', `/events/${upcoming.id}/registrations`, me, { answers: {} })).body.status).toBe('confirmed');
    // A classmate waits for the one seat.
    expect((await send('POST', `/events/${upcoming.id}/registrations`, classmate, { answers: {} })).body.status).toBe('waitlisted');
    await t.dataSource.query(
      `INSERT INTO event_registrations (event_id, alumnus_id, status, answers, queue_position, checked_in_at, confirmed_at)
       VALUES ($1, $2, 'confirmed', '{"diet":"素食"}', 1, now(), now())`,
      [past.id, me.alumnus.id],
    );

    const campaign = await campaignFactory(t.dataSource)();
    const gift = await giveAndPay(t, campaign.id, me, { amountFen: 5000, message: '愿母校越来越好' });
    // A receipt asked for that gift (its tax number encrypted): exported masked, kept for the accounts after erasure.
    expect(
      (
        await send('POST', '/me/receipts', me, {
          donationIds: [gift.id],
          payerKind: 'person',
          payerName: '林晓',
          taxId: '11010119900307123X',
        })
      ).status,
    ).toBe(201);
    expect((await send('PUT', '/me/giving/preferences', me, { honourRoll: false })).status).toBe(200);
    // A monthly pledge to the same drive: exported with its months, ended by erasure.
    expect((await send('POST', '/me/monthly-pledges', me, { campaignId: campaign.id, amountFen: 2000, dayOfMonth: 5 })).status).toBe(201);
    await subscribe(t, me.headers, ['eventReminder']);

    const groupId = await groupWith(t, 'open', [{ member: classmate, role: 'owner' }]);
    // groupWith writes the membership row alone.
    await t.dataSource.query(`UPDATE groups SET member_count = 1 WHERE id = $1`, [groupId]);
    expect((await send('POST', `/groups/${groupId}/join`, me, {})).body.status).toBe('active');
    const upload = new FormData();
    upload.append('file', new Blob([PNG], { type: 'image/png' }), 'photo.png');
    const image = await t.request('/api/v1/group-posts/images', { method: 'POST', headers: me.headers, body: upload });
    expect(image.status).toBe(201);
    const mine = await send('POST', `/groups/${groupId}/posts`, me, { text: '毕业十年，回校看看', imageIds: [image.body.id] });
    expect(mine.status).toBe(201);
    const theirs = await send('POST', `/groups/${groupId}/posts`, classmate, { text: '欢迎回来' });
    const comment = await send('POST', `/group-posts/${theirs.body.id}/comments`, me, { text: '谢谢老同学' });
    expect(comment.status).toBe(201);
    expect((await send('PUT', `/group-posts/${theirs.body.id}/like`, me)).status).toBe(200);
    expect((await send('PUT', `/group-posts/${mine.body.id}/like`, classmate)).status).toBe(200);
    expect((await send('POST', `/group-posts/${theirs.body.id}/reports`, me, { reason: '广告' })).status).toBe(201);
    const theirComment = await send('POST', `/group-posts/${mine.body.id}/comments`, classmate, { text: '好久不见' });
    expect((await send('POST', `/group-comments/${theirComment.body.id}/reports`, me, { reason: '骚扰' })).status).toBe(201);
    await t.dataSource.query(
      `INSERT INTO groups (kind, name, intro, join_policy, status, created_by) VALUES ('interest', '校友摄影协会', '', 'open', 'proposed', $1)`,
      [me.alumnus.id],
    );

    // Mentoring on both sides: asked a mentor, met once; offered to mentor, and a student asked.
    const mentor = await mentorWith(t);
    const myOffer = await send('PUT', '/careers/me/mentor-offer', me, offerBody());
    expect(myOffer.status).toBe(200);
    const asked = await send('POST', '/careers/mentorships', me, requestBody(mentor.offerId));
    expect(asked.status).toBe(201);
    expect((await t.request(`/api/v1/careers/mentorships/${asked.body.id}/accept`, post({}, mentor.headers))).status).toBe(200);
    const met = await send('POST', `/careers/mentorships/${asked.body.id}/meetings`, me, {
      occurredOn: shanghaiDay(new Date()),
      format: 'online',
      notes: '聊了简历',
    });
    expect(met.status).toBe(201);
    const pupil = await student(t);
    expect((await t.request('/api/v1/careers/mentorships', post(requestBody(myOffer.body.id), pupil.headers))).status).toBe(201);

    // A job posted, and an application to the mentor's (published without review, as staff may set).
    await t.dataSource.query(`UPDATE careers_settings SET job_approval_required = false`);
    expect((await send('POST', '/careers/jobs', me, jobBody())).status).toBe(201);
    const theirJob = await t.request('/api/v1/careers/jobs', post(jobBody({ title: '运营专员' }), mentor.headers));
    const applied = await send('POST', `/careers/jobs/${theirJob.body.id}/applications`, me, {
      sharePhone: false,
      email: 'lx@example.com',
    });
    expect(applied.status).toBe(201);

    // A resource of files written, and the mentor's guide (published by staff) kept.
    const file = await t.request('/api/v1/careers/resources/files', resourceFile(me.headers));
    expect(file.status).toBe(201);
    expect((await send('POST', '/careers/resources', me, resourceBody({ kind: 'file', fileIds: [file.body.id] }))).status).toBe(201);
    const guide = await t.request('/api/v1/careers/resources', post(resourceBody({ title: '制造业行业概览' }), mentor.headers));
    await t.request(`/api/v1/careers/resources/${guide.body.id}/submit`, post({}, mentor.headers));
    expect((await t.request(`/api/v1/staff/careers/resources/${guide.body.id}/approve`, post({}, staff.headers))).status).toBe(200);
    expect((await send('PUT', `/careers/resources/${guide.body.id}/bookmark`, me)).status).toBe(200);

    // Stories: mine submitted; the mentor's published one read, liked and commented on, his comment reported; a profile of me, consented and published.
    const story = (who: { headers: Record<string, string> }, body: Record<string, unknown>) =>
      t.request('/api/v1/stories', post({ kind: 'alumni_story', title: '毕业十年', body: '<p>正文</p>', ...body }, who.headers));
    const myStory = await story(me, {});
    expect(myStory.status).toBe(201);
    await send('POST', `/stories/${myStory.body.id}/submit`, me, {});
    const mentorsStory = (await story(mentor, { title: '同学的故事' })).body.id as string;
    await t.request(`/api/v1/stories/${mentorsStory}/submit`, post({}, mentor.headers));
    expect((await t.request(`/api/v1/staff/stories/${mentorsStory}/publish`, post({}, staff.headers))).status).toBe(200);
    await send('GET', `/stories/${mentorsStory}`, me);
    expect((await send('PUT', `/stories/${mentorsStory}/like`, me)).status).toBe(200);
    expect((await send('POST', `/stories/${mentorsStory}/comments`, me, { text: '写得真好' })).status).toBe(201);
    const mentorsComment = (await t.request(`/api/v1/stories/${mentorsStory}/comments`, post({ text: '谢谢大家' }, mentor.headers))).body
      .id;
    expect((await send('POST', `/story-comments/${mentorsComment}/reports`, me, { reason: '其他' })).status).toBe(204);
    const profile = (await story(staff, { kind: 'outstanding_alumnus', title: '林晓的十年', subjectAlumnusId: me.alumnus.id })).body
      .id as string;
    await t.request(`/api/v1/stories/${profile}/submit`, post({}, staff.headers));
    expect((await send('POST', `/stories/${profile}/consent`, me, { given: true })).status).toBe(200);
    expect((await t.request(`/api/v1/staff/stories/${profile}/publish`, post({}, staff.headers))).status).toBe(200);

    // Governance, written as its module stores it: a vote taken, a suggestion written and one co-signed, a council seat.
    const [vote] = await t.dataSource.query(
      `INSERT INTO votes (title, purpose, choice, max_choices, options, option_count, audience, opens_at, closes_at, results_visibility,
                          secret, status, published_at)
       VALUES ('校友会章程修订', 'poll', 'single', 1, '["赞成","反对"]', 2, '{"kind":"all_verified"}', now() - interval '1 day',
               now() + interval '6 days', 'live', false, 'published', now()) RETURNING id`,
    );
    await t.dataSource.query(`INSERT INTO vote_participations (vote_id, alumnus_id, choices) VALUES ($1, $2, '{0}')`, [
      vote.id,
      me.alumnus.id,
    ]);
    for (const author of [me, classmate]) {
      await t.dataSource.query(
        `INSERT INTO suggestions (author_id, title, category, body, status, check_outcome, threshold, collect_until)
         VALUES ($1, '图书馆延长开放', 'campus', '考试周延长到夜间十一点', 'collecting', 'pass', 20, now() + interval '30 days')`,
        [author.alumnus.id],
      );
    }
    await t.dataSource.query(
      `WITH cosigned AS (INSERT INTO suggestion_cosigns (suggestion_id, alumnus_id) SELECT id, $1 FROM suggestions WHERE author_id = $2
                         RETURNING suggestion_id)
       UPDATE suggestions SET cosign_count = cosign_count + 1 WHERE id IN (SELECT suggestion_id FROM cosigned)`,
      [me.alumnus.id, classmate.alumnus.id],
    );
    // Content checks, as the content-security module stores them: bio text waiting for staff, an avatar sent to WeChat.
    await t.dataSource.query(
      `INSERT INTO content_reviews (kind, subject_id, field, author_id, text, reason) VALUES ('profile-text', $1, 'bio', $1, '热爱生活', 'review')`,
      [me.alumnus.id],
    );
    await t.dataSource.query(
      `INSERT INTO media_checks (kind, subject_id, author_id, image_key, fetch_token, status)
       VALUES ('avatar', $1, $1, 'avatars/00000000-0000-4000-8000-000000000000.png', 'personal-data-test-token-0000000', 'pass')`,
      [me.alumnus.id],
    );
    // A questionnaire answered, as the surveys module stores it.
    await t.dataSource.query(
      `WITH survey AS (
         INSERT INTO surveys (title, questions, audience, status, closes_at, opened_at, issued_online)
         VALUES ('校友发展状况调查',
                 '[{"key":"q1","number":1,"kind":"single","title":"总体满意度","required":true,"options":["满意","一般"],"maxChoices":null,"scaleMin":null,"scaleMax":null,"minLabel":null,"maxLabel":null}]',
                 '{"kind":"verified"}', 'open', now() + interval '7 days', now(), 100) RETURNING id)
       INSERT INTO survey_responses (survey_id, alumnus_id, source, answers, attributes, complete, duration_seconds)
       SELECT id, $1, 'online', '{"q1": 1}', '{"城市": "江州"}', true, 95 FROM survey`,
      [me.alumnus.id],
    );
    await t.dataSource.query(
      `INSERT INTO council_members (alumnus_id, title, term_starts_on, term_ends_on, source)
       VALUES ($1, '理事', current_date - 30, current_date + 700, 'appointed')`,
      [me.alumnus.id],
    );

    // A branch I run (the appointment as the branches module stores it; my memberships are the groups module's).
    await t.dataSource.query(
      `WITH home AS (
         INSERT INTO groups (kind, name, intro, city, join_policy, status) VALUES ('city', '上海校友分会', '', '上海', 'open', 'active') RETURNING id),
       branch AS (INSERT INTO branches (kind, name, place, group_id) SELECT 'city', '上海校友分会', '上海', id FROM home RETURNING id)
       INSERT INTO branch_admins (branch_id, alumnus_id, appointed_by) SELECT id, $1, $2 FROM branch`,
      [me.alumnus.id, staff.alumnus.id],
    );

    // Back on campus: the one spot of the day stamped (the set complete); a reunion proposed for my class.
    const campusDay = await events(-1, { kind: 'campus_day' });
    const spot = await t.request(`/api/v1/staff/campus-days/${campusDay.id}/spots`, post({ name: '老校门' }, staff.headers));
    expect((await send('POST', '/campus-days/stamps', me, { token: spot.body.token })).body.day.complete).toBe(true);
    const [myClass] = (await send('GET', '/reunions/classes', me)).body;
    const reunion = await send('POST', '/reunions', me, {
      classGroupId: myClass.groupId,
      title: '毕业十周年聚会',
      message: '回母校看看',
      startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 30 * 86_400_000 + 3_600_000).toISOString(),
    });
    expect(reunion.status).toBe(201);
    // Staff appoint me liaison of my class.
    const appointed = await t.request(
      `/api/v1/staff/liaison-classes/${myClass.groupId}/liaisons`,
      post({ alumnusId: me.alumnus.id }, staff.headers),
    );
    expect(appointed.status).toBe(200);

    // Old photos: one shared on my class wall (WeChat's verdict set as the check would), one upload not used yet;
    // a classmate in it tagged by me, I tagged (waiting) in staff's photo, 我在这里, a comment, a report.
    const oldPhoto = () => {
      const form = new FormData();
      form.append('file', new Blob([PNG], { type: 'image/png' }), 'old.png');
      return t.request('/api/v1/memories/images', { method: 'POST', headers: me.headers, body: form });
    };
    const photo = await send('POST', '/memories/photos', me, {
      imageId: (await oldPhoto()).body.id,
      year: 2014,
      place: '老校门',
      caption: '毕业前合影',
      classGroupId: myClass.groupId,
    });
    expect(photo.status).toBe(201);
    expect((await oldPhoto()).status).toBe(201);
    await t.dataSource.query(`UPDATE memory_photos SET status = 'published', image_cleared = true WHERE id = $1`, [photo.body.id]);
    const [staffPhoto] = (await t.dataSource.query(
      `INSERT INTO memory_photos (uploader_id, year, caption, storage_key, status, image_cleared, caption_cleared)
       VALUES ($1, 2013, '运动会', 'memories/' || gen_random_uuid() || '.jpg', 'published', true, true) RETURNING id`,
      [staff.alumnus.id],
    )) as { id: string }[];
    expect((await send('POST', `/memories/photos/${photo.body.id}/tags`, me, { alumnusId: staff.alumnus.id })).status).toBe(201);
    expect((await send('POST', `/memories/photos/${staffPhoto!.id}/tags`, staff, { alumnusId: me.alumnus.id })).status).toBe(201);
    expect((await send('PUT', `/memories/photos/${staffPhoto!.id}/presence`, me)).status).toBe(200);
    expect((await send('POST', `/memories/photos/${staffPhoto!.id}/comments`, me, { text: '那天真热闹' })).status).toBe(201);
    expect((await send('POST', `/memories/photos/${staffPhoto!.id}/reports`, me, { reason: '照片年份不对' })).status).toBe(204);
    // 校友录: I ask staff to be in touch; a mentor's request to me waits.
    const contact = { sharePhone: false, wechatId: 'linxiao_wx' };
    expect((await send('POST', '/contact-requests', me, { ...contact, recipientId: staff.alumnus.id, note: '您好' })).status).toBe(201);
    expect((await send('POST', '/contact-requests', mentor, { ...contact, recipientId: me.alumnus.id })).status).toBe(201);

    // A session opened through WeChat sign-in, as the phone does.
    expect((await signInWithWechat(t, me.alumnus.openid!)).alumnus.id).toBe(me.alumnus.id);
    return { groupId, postId: theirs.body.id, upcomingEventId: upcoming.id, mentorOfferId: mentor.offerId };
  }

  beforeAll(async () => {
    t = await startTestApp();
    const consented = { consentVersion: PRIVACY_NOTICE.version, consentedAt: new Date() };
    me = await signedIn(t, ['alumnus'], { ...consented, displayName: '林晓' });
    staff = await signedIn(t, ['alumnus', 'staff'], { ...consented, verifiedAt: new Date() });
    classmate = await signedIn(t, ['alumnus'], { ...consented, displayName: '陈同学' });
    registry = t.app.get(PersonalDataRegistry);
  });
  afterAll(() => t.close());

  it('covers every column that names an alumnus: exported, or left out with a reason', async () => {
    const sections = registry.sections().map((section) => `${section.table}.${section.column}`);
    const notExported = Object.keys(registry.notExported());
    const columns = await columnsNamingAlumni(t);
    expect([...sections, ...notExported].sort()).toEqual(columns);
    for (const reason of Object.values(registry.notExported())) expect(reason.length).toBeGreaterThan(10);
  });

  let life: Awaited<ReturnType<typeof liveAYear>>;

  it('exports every record about the alumnus: each section holds exactly the rows the database has', async () => {
    life = await liveAYear();
    const res = await send('GET', '/me/export', me);
    expect(res.status).toBe(200);
    expect(res.body.profile).toMatchObject({ id: me.alumnus.id, displayName: '林晓', realName: '林晓' });
    for (const section of registry.sections()) {
      const rows = await count(section.table, section.column, me.alumnus.id);
      expect({ section: section.key, exported: res.body.records[section.key].length }).toEqual({ section: section.key, exported: rows });
      expect({ section: section.key, rows: rows > 0 }).toEqual({ section: section.key, rows: true });
    }
    const { records } = res.body;
    expect(records.donations).toEqual([
      expect.objectContaining({
        amountFen: 5000,
        message: '愿母校越来越好',
        status: 'paid',
        certificateNo: expect.any(String),
        refunds: [],
      }),
    ]);
    expect(records.registrations).toEqual([
      expect.objectContaining({ eventId: life.upcomingEventId, status: 'confirmed', checkedInAt: null }),
      expect.objectContaining({ status: 'confirmed', answers: { diet: '素食' }, checkedInAt: expect.any(String) }),
    ]);
    expect(records.memberships).toEqual([expect.objectContaining({ groupId: life.groupId, status: 'active', role: 'member' })]);
    expect(records.posts).toEqual([expect.objectContaining({ text: '毕业十年，回校看看', likeCount: 1, commentCount: 1 })]);
    expect(records.comments).toEqual([expect.objectContaining({ text: '谢谢老同学', status: 'published' })]);
    expect(records.claims).toEqual([expect.objectContaining({ status: 'matched', name: '林晓', studentNumber: 'S2015007' })]);
    expect(records.rosterRecord).toEqual([expect.objectContaining({ name: '林晓', className: '机械1501班' })]);
    expect(records.givingPreferences).toEqual([expect.objectContaining({ honourRoll: false })]);
    expect(records.monthlyPledges).toEqual([expect.objectContaining({ amountFen: 2000, dayOfMonth: 5, status: 'active' })]);
    expect(records.donationReceipts).toEqual([
      expect.objectContaining({ payerName: '林晓', taxIdMasked: '1101**********123X', amountFen: 5000, status: 'requested' }),
    ]);
    expect(JSON.stringify(records.donationReceipts)).not.toContain('11010119900307123X');
    expect(records.surveyResponses).toEqual([
      expect.objectContaining({ title: '校友发展状况调查', answers: [{ question: '总体满意度', answer: 'A. 满意' }] }),
    ]);
    expect(records.votesTaken).toEqual([expect.objectContaining({ title: '校友会章程修订', secret: false })]);
    expect(records.sessions[0]).not.toHaveProperty('tokenHash');
    expect(records.interactions.at(-1)).toMatchObject({ kind: 'identity.data_exported' });
  });

  it('erases: words, pictures, likes, choices and future seats go; counts stay true; the accounts keep the gift, nameless', async () => {
    const res = await send('DELETE', '/me', me);
    expect(res.status).toBe(204);
    const id = me.alumnus.id;
    const [myPost] = await t.dataSource.query(`SELECT text, status FROM group_posts WHERE author_id = $1`, [id]);
    expect(myPost).toEqual({ text: '（内容已随账号注销删除）', status: 'removed' });
    expect(await t.dataSource.query(`SELECT status FROM group_post_comments WHERE author_id = $1`, [id])).toEqual([{ status: 'removed' }]);
    for (const [table, column] of [
      ['group_post_likes', 'alumnus_id'],
      ['group_post_images', 'uploader_id'],
      ['notification_subscriptions', 'alumnus_id'],
      ['giving_preferences', 'alumnus_id'],
      ['roster_entries', 'claimed_by'],
      ['interactions', 'alumnus_id'],
      ['idempotency_records', 'alumnus_id'],
      ['campus_day_stamps', 'alumnus_id'],
      ['campus_day_completions', 'alumnus_id'],
      ['reunion_interests', 'alumnus_id'],
      ['reunion_proposals', 'proposer_id'],
      ['branch_admins', 'alumnus_id'],
      ['class_liaisons', 'alumnus_id'],
    ] as const) {
      expect({ table, rows: await count(table, column, id) }).toEqual({ table, rows: 0 });
    }
    // The classmate's post lost my like and my comment from its counts; the group lost a member.
    const [theirs] = await t.dataSource.query(`SELECT like_count, comment_count FROM group_posts WHERE id = $1`, [life.postId]);
    expect(theirs).toEqual({ like_count: 0, comment_count: 0 });
    const [group] = await t.dataSource.query(
      `SELECT member_count, (SELECT count(*)::int FROM group_memberships WHERE group_id = g.id AND status = 'active') AS active
         FROM groups g WHERE id = $1`,
      [life.groupId],
    );
    expect(group).toEqual({ member_count: 1, active: 1 });
    // The seat of the coming event went to the classmate waiting for it.
    const seats = await t.dataSource.query(
      `SELECT alumnus_id = $2 AS mine, status, answers FROM event_registrations WHERE event_id = $1 ORDER BY mine`,
      [life.upcomingEventId, id],
    );
    expect(seats).toEqual([
      { mine: false, status: 'confirmed', answers: {} },
      { mine: true, status: 'cancelled', answers: {} },
    ]);
    expect(
      await t.dataSource.query(`SELECT answers FROM event_registrations WHERE alumnus_id = $1 AND checked_in_at IS NOT NULL`, [id]),
    ).toEqual([{ answers: {} }]);
    const [gift] = await t.dataSource.query(
      `SELECT amount_fen::int AS amount, message, payer_openid, certificate_no FROM donations WHERE alumnus_id = $1`,
      [id],
    );
    expect(gift).toEqual({ amount: 5000, message: '', payer_openid: '', certificate_no: expect.any(String) });
    expect(await t.dataSource.query(`SELECT name, evidence_key FROM verification_claims WHERE alumnus_id = $1`, [id])).toEqual([
      { name: '已注销校友', evidence_key: null },
    ]);
    // The mentor's offer has room again; the student's request to me was declined.
    expect(await t.dataSource.query(`SELECT active_count, waiting_count FROM mentor_offers WHERE id = $1`, [life.mentorOfferId])).toEqual([
      { active_count: 0, waiting_count: 0 },
    ]);
    expect(
      await t.dataSource.query(`SELECT status, end_reason FROM mentorships WHERE mentor_id = $1 OR mentee_id = $1 ORDER BY status`, [id]),
    ).toEqual([
      { status: 'declined', end_reason: null },
      { status: 'ended', end_reason: 'account_deleted' },
    ]);
    expect(await t.dataSource.query(`SELECT status FROM job_posts WHERE poster_id = $1`, [id])).toEqual([{ status: 'removed' }]);
    expect(await t.dataSource.query(`SELECT status, email FROM job_applications WHERE applicant_id = $1`, [id])).toEqual([
      { status: 'withdrawn', email: null },
    ]);
    // The withdrawn application no longer counts on the mentor's post.
    expect(await t.dataSource.query(`SELECT application_count FROM job_posts WHERE title = '运营专员'`)).toEqual([
      { application_count: 0 },
    ]);
    // No one is invited to pay a month for an erased account.
    expect(await t.dataSource.query(`SELECT status FROM monthly_pledges WHERE alumnus_id = $1`, [id])).toEqual([{ status: 'cancelled' }]);
    // Contact requests sent and received go with the account.
    expect(await count('contact_requests', 'sender_id', id)).toBe(0);
    expect(await count('contact_requests', 'recipient_id', id)).toBe(0);
    expect(await count('suggestions', 'author_id', id)).toBe(0);
    // My suggestion had not reached the school: withdrawn. My co-signature is taken back from the classmate's.
    expect(await t.dataSource.query(`SELECT status FROM suggestions WHERE author_id IS NULL`)).toEqual([{ status: 'withdrawn' }]);
    expect(await t.dataSource.query(`SELECT cosign_count FROM suggestions WHERE author_id = $1`, [classmate.alumnus.id])).toEqual([
      { cosign_count: 0 },
    ]);
    expect(await count('suggestion_cosigns', 'alumnus_id', id)).toBe(0);
    // My resource and its file are gone; the mentor's guide no longer counts my bookmark.
    expect(await count('career_resources', 'author_id', id)).toBe(0);
    expect(await count('career_resource_files', 'uploader_id', id)).toBe(0);
    expect(await count('career_resource_bookmarks', 'alumnus_id', id)).toBe(0);
    expect(await t.dataSource.query(`SELECT bookmark_count FROM career_resources WHERE title = '制造业行业概览'`)).toEqual([
      { bookmark_count: 0 },
    ]);
    // My story is gone, and my like, comment, report and reads are off the mentor's; the published profile of me stays, unlinked.
    expect(await count('stories', 'author_id', id)).toBe(0);
    expect(await count('story_likes', 'alumnus_id', id)).toBe(0);
    expect(await count('story_reads', 'alumnus_id', id)).toBe(0);
    expect(await count('story_comment_reports', 'reporter_id', id)).toBe(0);
    // The mentor's own comment, which I reported, stays.
    expect(await t.dataSource.query(`SELECT like_count, comment_count FROM stories WHERE title = '同学的故事'`)).toEqual([
      { like_count: 0, comment_count: 1 },
    ]);
    expect(await t.dataSource.query(`SELECT status, subject_alumnus_id FROM stories WHERE title = '林晓的十年'`)).toEqual([
      { status: 'published', subject_alumnus_id: null },
    ]);
    // My answers stay in the survey's figures, nameless.
    expect(await count('survey_responses', 'alumnus_id', id)).toBe(0);
    expect(await t.dataSource.query(`SELECT attributes FROM survey_responses WHERE alumnus_id IS NULL`)).toEqual([
      { attributes: { 城市: '江州' } },
    ]);
    expect(await count('vote_participations', 'alumnus_id', id)).toBe(0);
    expect(await t.dataSource.query(`SELECT ended_on IS NOT NULL AS ended FROM council_members WHERE alumnus_id = $1`, [id])).toEqual([
      { ended: true },
    ]);
    // The roster record can be claimed again by the same graduate's new account.
    const again = await createAlumnus(t, { consentVersion: PRIVACY_NOTICE.version, consentedAt: new Date() });
    const { token } = t.app.get(TokenService).issueAccessToken({ id: again.id, roles: ['alumnus'] });
    const [department] = await t.dataSource.query(`SELECT id FROM departments WHERE name = '机械工程学院'`);
    const reclaim = await t.request(
      '/api/v1/me/claims',
      post(
        { name: '林晓', studentNumber: 'S2015007', graduationYear: 2016, departmentId: department.id },
        { authorization: `Bearer ${token}` },
      ),
    );
    expect(reclaim.body.status).toBe('matched');
  });
});
