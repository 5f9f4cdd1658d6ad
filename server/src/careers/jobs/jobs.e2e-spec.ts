import { graduate, inDays, jobBody, type Person, put, staffMember, student, unverified } from '../../../test/careers.js';
import { scalar } from '../../../test/interactions.js';
import { settledMessages, subscribe } from '../../../test/notifications.js';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { json, wechatFake } from '../../../test/wechat.js';
import { OutboxMessageEntity } from '../../outbox/outbox-message.entity.js';
import { REVIEW_WORD, RISKY_WORD } from '../../wechat/fake/content-security.fake.js';
import { JobPostsService } from './job-posts.service.js';

describe('jobs and internships', () => {
  let t: TestApp;
  let staff: Person;
  beforeAll(async () => {
    t = await startTestApp();
    staff = await staffMember(t);
  });
  afterAll(() => t.close());

  const post = (who: Person, body: unknown = jobBody()) => t.request('/api/v1/careers/jobs', json(body, who.headers));
  const staffStep = (id: string, action: string, body: unknown = {}) =>
    t.request(`/api/v1/staff/careers/jobs/${id}/${action}`, json(body, staff.headers));
  const apply = (who: Person, id: string, body: unknown) => t.request(`/api/v1/careers/jobs/${id}/applications`, json(body, who.headers));
  const board = async (query = '') =>
    (await t.request(`/api/v1/careers/jobs${query}`)).body as { items: { id: string; title: string }[]; nextCursor: string | null };
  const setApproval = (required: boolean) =>
    t.request(
      '/api/v1/staff/careers/settings',
      put({ jobApprovalRequired: required, mentoringTermDays: 90, quietAfterDays: 30 }, staff.headers),
    );
  const outboxOf = (alumnusId: string, kind: string) =>
    t.dataSource.getRepository(OutboxMessageEntity).find({ where: { alumnusId, kind }, order: { createdAt: 'ASC' } });

  /** A published post by a new graduate (approved by staff). */
  async function published(overrides: Record<string, unknown> = {}) {
    const poster = await graduate(t);
    const created = await post(poster, jobBody(overrides));
    expect(created.status).toBe(201);
    expect((await staffStep(created.body.id, 'approve')).status).toBe(200);
    return { poster, id: created.body.id as string };
  }

  describe('posting and approval', () => {
    it('a graduate posts an internship; it waits for staff, who approve it, and then the board shows it', async () => {
      const poster = await graduate(t, { displayName: '学长张' });
      await subscribe(t, poster.headers, ['careersReview']);
      const created = await post(poster);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        status: 'pending',
        publishedAt: null,
        mayEdit: true,
        posterName: '学长张',
        closesOn: inDays(30),
      });
      expect((await board()).items.map((p) => p.id)).not.toContain(created.body.id);
      expect((await t.request(`/api/v1/careers/jobs/${created.body.id}`)).status).toBe(404);
      expect(
        await scalar(t, `SELECT count(*) FROM interactions WHERE alumnus_id = $1 AND kind = 'careers.job_posted'`, [poster.alumnus.id]),
      ).toBe(1);

      const queue = await t.request('/api/v1/staff/careers/jobs?status=pending', { headers: staff.headers });
      expect((queue.body.items as { id: string }[]).map((p) => p.id)).toContain(created.body.id);
      const approved = await staffStep(created.body.id, 'approve');
      expect(approved.body.status).toBe('published');
      expect((await board()).items[0]!.id).toBe(created.body.id);
      const [reviewed] = await settledMessages(t, poster.alumnus.id, 'careers.reviewed');
      expect(reviewed!.status).toBe('sent');
      expect(reviewed!.payload).toMatchObject({ subject: 'job', outcome: '已通过' });
      expect((await staffStep(created.body.id, 'approve')).body.error.code).toBe('JOB_STATE_CONFLICT');
    });

    it('publishes at once when staff turned approval off, unless the content check asks for a person', async () => {
      await setApproval(false);
      try {
        const poster = await graduate(t);
        expect((await post(poster)).body.status).toBe('published');
        const held = await post(poster, jobBody({ description: `欢迎${REVIEW_WORD}投递` }));
        expect(held.body.status).toBe('pending');
      } finally {
        await setApproval(true);
      }
    });

    it('refuses students, unverified accounts, bad salaries and closing dates, and risky text, writing nothing', async () => {
      const before = await scalar(t, `SELECT count(*) FROM job_posts`);
      const refusals = [
        [await post(await student(t)), 403, 'CAREERS_GRADUATE_REQUIRED'],
        [await post(await unverified(t)), 403, 'CAREERS_VERIFICATION_REQUIRED'],
        [await post(await graduate(t), jobBody({ salaryMaxFen: 10_000 })), 422, 'JOB_SALARY_INVALID'],
        [await post(await graduate(t), jobBody({ salaryPeriod: null })), 422, 'JOB_SALARY_INVALID'],
        [await post(await graduate(t), jobBody({ closesOn: inDays(-1) })), 422, 'JOB_CLOSING_DATE_INVALID'],
        [await post(await graduate(t), jobBody({ closesOn: inDays(200) })), 422, 'JOB_CLOSING_DATE_INVALID'],
        [await post(await graduate(t), jobBody({ closesOn: '2026-02-30' })), 400, 'VALIDATION_FAILED'],
        [await post(await graduate(t), jobBody({ title: `${RISKY_WORD}岗位` })), 422, 'CONTENT_RISKY'],
      ] as const;
      for (const [res, status, code] of refusals) expect([res.status, res.body.error.code]).toEqual([status, code]);
      expect(await scalar(t, `SELECT count(*) FROM job_posts`)).toBe(before);
    });

    it('lets the poster edit (back to the queue) and close; staff reject and take down with a reason the poster sees', async () => {
      const { poster, id } = await published({ title: '运营专员' });
      const edited = await t.request(`/api/v1/careers/jobs/${id}`, put(jobBody({ title: '高级运营专员' }), poster.headers));
      expect(edited.body).toMatchObject({ title: '高级运营专员', status: 'pending' });
      const other = await graduate(t);
      expect((await t.request(`/api/v1/careers/jobs/${id}`, put(jobBody(), other.headers))).body.error.code).toBe('JOB_POSTER_ONLY');
      const rejected = await staffStep(id, 'reject', { reason: '请补充工作地点' });
      expect(rejected.body).toMatchObject({ status: 'rejected', moderationNote: '请补充工作地点' });
      const mine = await t.request('/api/v1/careers/me/jobs', { headers: poster.headers });
      expect(mine.body.items[0]).toMatchObject({ id, status: 'rejected', moderationNote: '请补充工作地点' });
      expect((await t.request(`/api/v1/careers/jobs/${id}`, put(jobBody(), poster.headers))).body.status).toBe('pending');
      await staffStep(id, 'approve');
      const down = await staffStep(id, 'take-down', { reason: '岗位信息已过期' });
      expect(down.body.status).toBe('removed');
      expect((await board()).items.map((p) => p.id)).not.toContain(id);
      expect((await t.request(`/api/v1/careers/jobs/${id}/close`, json({}, poster.headers))).body.error.code).toBe('JOB_STATE_CONFLICT');
      expect((await outboxOf(poster.alumnus.id, 'careers.reviewed')).map((m) => m.payload.outcome)).toEqual([
        '已通过',
        '未通过',
        '已通过',
        '已下架',
      ]);

      const second = await published();
      const closed = await t.request(`/api/v1/careers/jobs/${second.id}/close`, json({}, second.poster.headers));
      expect(closed.body.status).toBe('closed');
      expect((await board()).items.map((p) => p.id)).not.toContain(second.id);
      expect((await t.request(`/api/v1/careers/jobs/${second.id}`)).body.mayApply).toBe(false);
    });
  });

  describe('the board', () => {
    it('filters by industry, city, type and keyword (one or two Chinese characters too)', async () => {
      const java = await published({ title: 'Java 后端开发', company: '江州云计算', industry: '互联网', city: '杭州', type: 'full_time' });
      const teacher = await published({
        title: '初中数学教师',
        company: '江州实验中学',
        industry: '教育',
        city: '江州',
        type: 'full_time',
      });
      const ids = async (query: string) => (await board(`${query}&limit=100`)).items.map((p) => p.id);
      expect(await ids('?industry=教育')).toContain(teacher.id);
      expect(await ids('?industry=教育')).not.toContain(java.id);
      expect(await ids('?city=杭州')).toEqual([java.id]);
      expect(await ids('?type=full_time&q=数学')).toEqual([teacher.id]);
      expect(await ids('?q=后端')).toEqual([java.id]);
      expect(await ids('?q=JAVA')).toEqual([java.id]);
      expect(await ids('?q=云')).toEqual([java.id]);
      expect(await ids('?q=江州实验')).toEqual([teacher.id]);
      expect(await ids('?q=%25')).toEqual([]);
    });

    it('pages newest first with a cursor that never repeats or skips a post', async () => {
      for (let i = 0; i < 5; i++) await published({ city: '苏州', title: `苏州岗位${i}` });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await board(`?city=苏州&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.items.map((p) => p.title));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(['苏州岗位4', '苏州岗位3', '苏州岗位2', '苏州岗位1', '苏州岗位0']);
      // A keyword few posts carry sorts just those: the same order and cursor.
      const found: string[] = [];
      do {
        const page = await board(`?q=苏州岗位&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        found.push(...page.items.map((p) => p.title));
        cursor = page.nextCursor;
      } while (cursor);
      expect(found).toEqual(seen);
    });

    it('drops posts on their own once the closing day has passed, and the job marks them expired', async () => {
      const { id } = await published({ city: '无锡' });
      await t.dataSource.query(`UPDATE job_posts SET closes_at = now() - interval '1 minute' WHERE id = $1`, [id]);
      expect((await board('?city=无锡')).items).toEqual([]);
      expect((await t.request(`/api/v1/careers/jobs/${id}`)).body).toMatchObject({ mayApply: false, applyBlockedReason: '该职位已截止' });
      expect(await t.app.get(JobPostsService).expireDue(new Date())).toBeGreaterThanOrEqual(1);
      expect((await t.request(`/api/v1/careers/jobs/${id}`)).body.status).toBe('expired');
    });

    it('counts views by others, not the poster', async () => {
      const { poster, id } = await published();
      await t.request(`/api/v1/careers/jobs/${id}`);
      await t.request(`/api/v1/careers/jobs/${id}`, { headers: (await student(t)).headers });
      const own = await t.request(`/api/v1/careers/jobs/${id}`, { headers: poster.headers });
      expect(own.body.viewCount).toBe(2);
    });
  });

  describe('applications', () => {
    it('sends the poster the applicant’s name and only the contact details chosen; the applicant sees the status', async () => {
      const { poster, id } = await published({ title: '数据分析实习' });
      const applicant = await student(t, { realName: '李小萌', displayName: '小萌' });
      await subscribe(t, poster.headers, ['jobApplication']);
      await subscribe(t, applicant.headers, ['jobApplicationStatus']);
      // A bound phone, through the real path.
      const code = wechatFake(t).mintPhoneCode({ openid: applicant.alumnus.openid!, phoneNumber: '13912345678' });
      expect((await t.request('/api/v1/me/phone', json({ code }, applicant.headers))).status).toBe(200);

      const applied = await apply(applicant, id, { sharePhone: false, email: 'xm@example.com', message: '周一至周四可到岗' });
      expect(applied.status).toBe(201);
      expect(applied.body).toMatchObject({ status: 'submitted', sharedPhone: false, email: 'xm@example.com', jobTitle: '数据分析实习' });
      const [news] = await settledMessages(t, poster.alumnus.id, 'careers.job-applied');
      expect(news!.payload).toMatchObject({ jobId: id, applicantName: '李小萌' });
      expect(
        await scalar(t, `SELECT count(*) FROM interactions WHERE alumnus_id = $1 AND kind = 'careers.job_applied'`, [applicant.alumnus.id]),
      ).toBe(1);

      const list = await t.request(`/api/v1/careers/jobs/${id}/applications`, { headers: poster.headers });
      expect(list.body.items).toEqual([
        expect.objectContaining({ applicantName: '李小萌', stage: 'student', phone: null, email: 'xm@example.com', wechatId: null }),
      ]);
      expect(JSON.stringify(list.body)).not.toContain('13912345678');
      expect((await t.request(`/api/v1/careers/jobs/${id}`, { headers: poster.headers })).body.applicationCount).toBe(1);
      // Nobody else reads them: not another alumnus, not staff.
      for (const who of [await graduate(t), staff]) {
        expect((await t.request(`/api/v1/careers/jobs/${id}/applications`, { headers: who.headers })).body.error.code).toBe(
          'JOB_POSTER_ONLY',
        );
      }

      const appId = list.body.items[0].id;
      const marked = await t.request(`/api/v1/careers/applications/${appId}/status`, put({ status: 'contacted' }, poster.headers));
      expect(marked.body.status).toBe('contacted');
      const [update] = await settledMessages(t, applicant.alumnus.id, 'careers.job-application-updated');
      expect(update!.payload).toMatchObject({ statusLabel: '已沟通' });
      const mine = await t.request('/api/v1/careers/me/applications', { headers: applicant.headers });
      expect(mine.body.items[0]).toMatchObject({ jobId: id, status: 'contacted' });
      const page = await t.request(`/api/v1/careers/jobs/${id}`, { headers: applicant.headers });
      expect(page.body).toMatchObject({ mayApply: false, applyBlockedReason: '你已投递该职位', myApplication: { status: 'contacted' } });

      // Withdrawing clears what was shared; applying again may share something else.
      const withdrawn = await t.request(`/api/v1/careers/applications/${appId}/withdraw`, json({}, applicant.headers));
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn', email: null, message: null });
      expect((await t.request(`/api/v1/careers/jobs/${id}`, { headers: poster.headers })).body.applicationCount).toBe(0);
      expect((await apply(applicant, id, { sharePhone: true })).status).toBe(201);
      const again = await t.request(`/api/v1/careers/jobs/${id}/applications`, { headers: poster.headers });
      expect(again.body.items[0]).toMatchObject({ phone: '13912345678', email: null, status: 'submitted' });
    });

    it('refuses what the rules do not allow, writing nothing', async () => {
      const { poster, id } = await published();
      const applicant = await graduate(t);
      const before = await scalar(t, `SELECT count(*) FROM job_applications`);
      const refusals = [
        [await apply(await unverified(t), id, { sharePhone: false, email: 'a@example.com' }), 403, 'CAREERS_VERIFICATION_REQUIRED'],
        [await apply(poster, id, { sharePhone: false, email: 'a@example.com' }), 422, 'JOB_OWN_POST'],
        [await apply(applicant, id, { sharePhone: false }), 422, 'JOB_CONTACT_REQUIRED'],
        [await apply(applicant, id, { sharePhone: true }), 409, 'JOB_PHONE_NOT_BOUND'],
        [await apply(applicant, id, { sharePhone: false, email: 'not-an-address' }), 400, 'VALIDATION_FAILED'],
        [await apply(applicant, id, { sharePhone: false, wechatId: 'wx1', message: RISKY_WORD }), 422, 'CONTENT_RISKY'],
      ] as const;
      for (const [res, status, code] of refusals) expect([res.status, res.body.error.code]).toEqual([status, code]);
      expect(await scalar(t, `SELECT count(*) FROM job_applications`)).toBe(before);
      expect((await apply(applicant, id, { sharePhone: false, wechatId: 'wx1' })).status).toBe(201);
      expect((await apply(applicant, id, { sharePhone: false, wechatId: 'wx1' })).body.error.code).toBe('JOB_ALREADY_APPLIED');
      await t.request(`/api/v1/careers/jobs/${id}/close`, json({}, poster.headers));
      expect((await apply(await student(t), id, { sharePhone: false, wechatId: 'wx2' })).body.error.code).toBe('JOB_NOT_OPEN');
      const stranger = await graduate(t);
      const appId = (await t.request('/api/v1/careers/me/applications', { headers: applicant.headers })).body.items[0].id;
      const marked = await t.request(`/api/v1/careers/applications/${appId}/status`, put({ status: 'hired' }, stranger.headers));
      expect(marked.status).toBe(404);
    });
  });

  it('exports every post with its counts', async () => {
    await published({ title: '导出测试岗位' });
    const res = await fetch(`${t.baseUrl}/api/v1/staff/careers/jobs/export?format=csv`, { headers: staff.headers });
    const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFF职位,单位,类型,行业,城市,薪资,截止日期,状态,发布人,发布时间,浏览,投递');
    expect(text).toContain('导出测试岗位,江州科技有限公司,实习,互联网,上海,¥200–¥300/天');
  });
});
