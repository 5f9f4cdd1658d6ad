import { ConfigService } from '@nestjs/config';
import { answer, type Person, sentSurvey, staffOf, surveyBody, unverifiedOf, voter } from '../../test/governance.js';
import { scalar } from '../../test/interactions.js';
import { eventually } from '../../test/notifications.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { json } from '../../test/wechat.js';
import { signStartToken, startTokenKey } from './start-token.js';

describe('surveys: sending, answering, issued / returned / valid, results', () => {
  let t: TestApp;
  let staff: Person;
  beforeAll(async () => {
    t = await startTestApp();
    staff = await staffOf(t);
  });
  afterAll(() => t.close());

  const staffGet = (path: string) => t.request(`/api/v1/staff/surveys${path}`, { headers: staff.headers });
  /** A start token as if the questionnaire had been opened `seconds` ago. */
  const openedAgo = (surveyId: string, who: Person, seconds: number) =>
    signStartToken(
      startTokenKey(t.app.get(ConfigService).get<string>('jwtSecret')!),
      surveyId,
      who.alumnus.id,
      Date.now() - seconds * 1000,
    );
  const responseCount = () => scalar(t, `SELECT count(*) FROM survey_responses`);

  it('sends to an audience counted as issued, takes each alumnus’s answers once, and counts returned and valid by the rules staff set', async () => {
    const [a, b, c] = [await voter(t, 2012, { city: '杭州' }), await voter(t, 2014, { city: '上海' }), await voter(t, 2016)];
    const outsider = await voter(t, 2001);
    const id = await sentSurvey(t, staff, {
      audience: { kind: 'graduation_years', yearFrom: 2010, yearTo: 2019 },
      rules: { requireComplete: true, minSeconds: 30 },
      paperIssued: 7,
    });
    const sent = await staffGet(`/${id}`);
    const audience = await scalar(
      t,
      `SELECT count(DISTINCT e.claimed_by) FROM roster_entries e JOIN alumni a ON a.id = e.claimed_by
        WHERE e.graduation_year BETWEEN 2010 AND 2019 AND a.verified_at IS NOT NULL AND a.deleted_at IS NULL`,
    );
    expect(sent.body).toMatchObject({
      status: 'open',
      counts: { issuedOnline: audience, paperIssued: 7, issued: audience + 7, returned: 0 },
    });
    await eventually(async () =>
      (await scalar(t, `SELECT count(*) FROM outbox_messages WHERE kind = 'surveys.invited' AND payload->>'surveyId' = $1`, [id])) ===
      audience
        ? true
        : undefined,
    );

    const complete = { q1: 1, q2: [1, 2], q3: 5, q4: '多办行业沙龙' };
    // a took their time; b answered in a second; c skipped a required question.
    expect((await answer(t, a, id, complete, openedAgo(id, a, 120))).status).toBe(201);
    expect((await answer(t, b, id, { q1: 2, q2: [3] })).status).toBe(201);
    expect((await answer(t, c, id, { q1: 1 }, openedAgo(id, c, 200))).status).toBe(201);
    expect((await answer(t, a, id, complete, openedAgo(id, a, 120))).body.error.code).toBe('SURVEY_ALREADY_ANSWERED');

    const counts = (await staffGet(`/${id}`)).body.counts;
    expect(counts).toMatchObject({ returned: 3, returnedOnline: 3, valid: 1, incomplete: 1, tooFast: 1 });
    expect(counts.returnRate).toBe(Math.floor((3 * 100) / (audience + 7) + 0.5));
    expect(counts.validityRate).toBe(33);
    // Rules change at any time and every response is recounted.
    const relaxed = await t.request(`/api/v1/staff/surveys/${id}/rules`, {
      ...json({ requireComplete: false, minSeconds: 0, paperIssued: 7 }, staff.headers),
      method: 'PUT',
    });
    expect(relaxed.body.counts).toMatchObject({ valid: 3, validityRate: 100, incomplete: 0, tooFast: 0 });

    expect(await scalar(t, `SELECT count(*) FROM interactions WHERE kind = 'surveys.answered' AND subject_id = $1`, [id])).toBe(3);
    const [stored] = await t.dataSource.query(`SELECT attributes, duration_seconds FROM survey_responses WHERE alumnus_id = $1`, [
      a.alumnus.id,
    ]);
    expect(stored.attributes).toMatchObject({ 毕业年份: '2012', 城市: '杭州' });
    expect(stored.attributes['院系']).toEqual(expect.any(String));
    expect(stored.duration_seconds).toBeGreaterThanOrEqual(120);

    expect((await answer(t, outsider, id, complete)).body.error.code).toBe('SURVEY_NOT_ELIGIBLE');
    expect((await t.request(`/api/v1/surveys/${id}`, { headers: outsider.headers })).body).toMatchObject({
      blockedReason: '这份问卷只发给特定的校友，你不在发放范围内',
      startToken: null,
    });
    const mine = await t.request('/api/v1/me/surveys', { headers: a.headers });
    expect(mine.body).toEqual(expect.arrayContaining([expect.objectContaining({ id, answered: true, questionCount: 4 })]));
    expect((await t.request('/api/v1/me/surveys', { headers: outsider.headers })).body.map((s: { id: string }) => s.id)).not.toContain(id);

    const closed = await t.request(`/api/v1/staff/surveys/${id}/close`, json({}, staff.headers));
    expect(closed.body.status).toBe('closed');
    expect((await answer(t, await voter(t, 2015), id, complete)).body.error.code).toBe('SURVEY_NOT_OPEN');
  });

  it('refuses answers that do not fit the questions, forged start tokens and unverified accounts, writing nothing', async () => {
    const id = await sentSurvey(t, staff);
    const who = await voter(t);
    const before = await responseCount();
    const refusals = [
      [await answer(t, who, id, { q1: 4 }), 422, 'SURVEY_ANSWER_INVALID', 'answers.q1'],
      [await answer(t, who, id, { q1: 1, q2: [1, 2, 3] }), 422, 'SURVEY_ANSWER_INVALID', 'answers.q2'],
      [await answer(t, who, id, { q1: 1, q3: 9 }), 422, 'SURVEY_ANSWER_INVALID', 'answers.q3'],
      [await answer(t, who, id, { q1: 1, q4: 'x'.repeat(201) }), 422, 'SURVEY_ANSWER_INVALID', 'answers.q4'],
      [await answer(t, who, id, { q9: 1 }), 422, 'SURVEY_ANSWER_INVALID', 'answers.q9'],
      [await answer(t, who, id, { q1: '1' }), 422, 'SURVEY_ANSWER_INVALID', 'answers.q1'],
      [await answer(t, who, id, { q1: 1 }, openedAgo(id, await voter(t), 60)), 400, 'SURVEY_START_TOKEN_INVALID', 'startToken'],
      [await answer(t, await unverifiedOf(t), id, { q1: 1 }), 403, 'SURVEY_VERIFICATION_REQUIRED', undefined],
    ] as const;
    for (const [res, status, code, field] of refusals) {
      expect([res.status, res.body.error.code, res.body.error.details[0]?.field]).toEqual([status, code, field]);
    }
    expect(await responseCount()).toBe(before);

    // The same alumnus tapping 提交 three times at once: one response.
    const page = await t.request(`/api/v1/surveys/${id}`, { headers: who.headers });
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        t.request(`/api/v1/surveys/${id}/responses`, json({ answers: { q1: 1, q2: [2] }, startToken: page.body.startToken }, who.headers)),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });

  it('shows percentage tables overall and by college, with both shares for multiple choice, and exports them', async () => {
    const id = await sentSurvey(t, staff);
    const departments = await t.dataSource.query(
      `INSERT INTO departments (name) VALUES ('机械工程学院'), ('经济管理学院') RETURNING id, name`,
    );
    const [mech, econ] = departments as { id: string }[];
    const people = [
      await voter(t, 2012, { departmentId: mech!.id }),
      await voter(t, 2012, { departmentId: mech!.id }),
      await voter(t, 2013, { departmentId: econ!.id }),
    ];
    await answer(t, people[0]!, id, { q1: 1, q2: [1, 2], q3: 5 });
    await answer(t, people[1]!, id, { q1: 1, q2: [1], q3: 4 });
    await answer(t, people[2]!, id, { q1: 2, q2: [1, 2] });

    const results = await staffGet(`/${id}/results?by=${encodeURIComponent('院系')}`);
    expect(results.status).toBe(200);
    expect(results.body.attributes).toEqual(['院系', '毕业年份']);
    expect(results.body.columns.map((c: { label: string; respondents: number }) => [c.label, c.respondents])).toEqual([
      ['全部', 3],
      ['机械工程学院', 2],
      ['经济管理学院', 1],
    ]);
    const [q1, q2, q3] = results.body.questions;
    expect(q1.rows[0]).toMatchObject({
      label: 'A. 满意',
      cells: [
        { count: 2, percent: 67 },
        { count: 2, percent: 100 },
        { count: 0, percent: 0 },
      ],
    });
    // 3 respondents, 5 choices: 行业沙龙 on every questionnaire (100%) and 3 of the 5 choices (60%).
    expect(q2.choices).toEqual([5, 3, 2]);
    expect(q2.rows[0].cells[0]).toEqual({ count: 3, percent: 100, percentOfChoices: 60 });
    expect(q3.means).toEqual([4.5, 4.5, null]);
    expect((await staffGet(`/${id}/results?by=${encodeURIComponent('星座')}`)).body.error.code).toBe('SURVEY_ATTRIBUTE_UNKNOWN');

    const csv = await fetch(`${t.baseUrl}/api/v1/staff/surveys/${id}/results/export?format=csv&by=${encodeURIComponent('院系')}`, {
      headers: staff.headers,
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text).toContain('说明,全部,机械工程学院,经济管理学院');
    expect(text).toContain('A. 满意,2（67%）,2（100%）,0（0%）');
    const raw = await fetch(`${t.baseUrl}/api/v1/staff/surveys/${id}/responses/export?format=xlsx`, { headers: staff.headers });
    expect(raw.headers.get('content-type')).toContain('spreadsheetml');
    expect((await t.request(`/api/v1/surveys/${id}/responses/export`, { headers: people[0]!.headers })).status).toBe(404);
  });

  it('keeps a draft to staff and its questions editable only as a draft; refuses a questionnaire set up wrong', async () => {
    const create = (overrides: Record<string, unknown>) => t.request('/api/v1/staff/surveys', json(surveyBody(overrides), staff.headers));
    const bad = [
      [
        await create({ questions: [{ kind: 'single', title: '只有一个选项', required: true, options: ['是'] }] }),
        422,
        'SURVEY_QUESTIONS_INVALID',
      ],
      [
        await create({ questions: [{ kind: 'single', title: '重复', required: true, options: ['是', '是 '] }] }),
        422,
        'SURVEY_QUESTIONS_INVALID',
      ],
      [
        await create({ questions: [{ kind: 'scale', title: '量表', required: true, scaleMin: 5, scaleMax: 1 }] }),
        422,
        'SURVEY_QUESTIONS_INVALID',
      ],
      [
        await create({ questions: [{ kind: 'text', title: '简答', required: true, options: ['a', 'b'] }] }),
        422,
        'SURVEY_QUESTIONS_INVALID',
      ],
      [await create({ closesAt: new Date(Date.now() - 1000).toISOString() }), 422, 'SURVEY_CLOSING_TIME_INVALID'],
      [await create({ questions: [] }), 400, 'VALIDATION_FAILED'],
    ] as const;
    for (const [res, status, code] of bad) expect([res.status, res.body.error.code]).toEqual([status, code]);

    const draft = await create({});
    const alumnus = await voter(t);
    expect((await t.request(`/api/v1/surveys/${draft.body.id}`, { headers: alumnus.headers })).status).toBe(404);
    const edited = await t.request(`/api/v1/staff/surveys/${draft.body.id}`, {
      ...json(surveyBody({ title: '改过的问卷' }), staff.headers),
      method: 'PUT',
    });
    expect(edited.body.title).toBe('改过的问卷');
    await t.request(`/api/v1/staff/surveys/${draft.body.id}/send`, json({}, staff.headers));
    const again = await t.request(`/api/v1/staff/surveys/${draft.body.id}`, { ...json(surveyBody(), staff.headers), method: 'PUT' });
    expect(again.body.error.code).toBe('SURVEY_STATE_CONFLICT');
    expect((await t.request(`/api/v1/staff/surveys/${draft.body.id}/send`, json({}, staff.headers))).body.error.code).toBe(
      'SURVEY_STATE_CONFLICT',
    );
  });
});
