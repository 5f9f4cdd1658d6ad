import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { ERRORS, ERROR_CODES, type ErrorCode } from '@alumni/shared';
import { signedIn } from '../test/auth.js';
import { jobBody, offerBody, put, requestBody, resourceBody } from '../test/careers.js';
import { scalar } from '../test/interactions.js';
import { eventually } from '../test/notifications.js';
import {
  nullCases,
  readRoutes,
  requestLineViolations,
  requestsFor,
  toRequestInit,
  writeRoutes,
  type FuzzContext,
  type FuzzRequest,
  resolver,
  type Route,
} from '../test/bad-input.js';
import { campaignFactory, eventFactory } from '../test/factories.js';
import { inHours, surveyBody, voteBody } from '../test/governance.js';
import { groupWith } from '../test/group-feeds.js';
import { classOf } from '../test/memories.js';
import { createDepartments, csvFile, uploadFile } from '../test/roster.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { json } from '../test/wechat.js';
import { PRIVACY_NOTICE } from './identity/privacy-notice.js';

/**
 * Property: for every write route of the OpenAPI document, invalid and hostile requests
 * (bodies, path ids, headers, query strings) are answered with a 4xx and the error body,
 * never a 5xx, and leave the database as it was. FUZZ_SEED reproduces a run, FUZZ_RUNS
 * sets the total number of cases (default 1,200).
 */
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const TOTAL_RUNS = Number(process.env.FUZZ_RUNS ?? 1200);
const CONCURRENCY = 4;

/** Runs `work` over the items, `size` at a time. */
async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return results;
}

/**
 * Tables whose rows may change without a write: the cached WeChat access token, fetched
 * when a request reaches a WeChat call; nothing else is excluded.
 */
const EXCLUDED_TABLES = ['wechat_access_tokens'];

describe('bad input on write routes', () => {
  let t: TestApp;
  let document: any;
  let routes: Route[];
  let ctx: FuzzContext;
  let claimantCtx: FuzzContext;

  /** Row count and checksum of every table, to compare before and after. */
  async function snapshot(): Promise<Record<string, string>> {
    const tables = (await t.dataSource.query(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> ALL($1) ORDER BY 1`,
      [EXCLUDED_TABLES],
    )) as { name: string }[];
    const rows = (await t.dataSource.query(
      tables
        .map(
          ({ name }) =>
            `SELECT '${name}' AS name, count(*) || ':' || md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) AS sum FROM "${name}" r`,
        )
        .join(' UNION ALL '),
    )) as { name: string; sum: string }[];
    return Object.fromEntries(rows.map((row) => [row.name, row.sum]));
  }

  beforeAll(async () => {
    t = await startTestApp({ env: { THROTTLE_LIMIT: '1000000' } });
    document = (await t.request('/api/openapi.json')).body;
    routes = writeRoutes(document);

    // One actor with every role owns the fixtures, so guards pass and the validation layer
    // (then the service, if validation lets something through) answers.
    const departments = await createDepartments(t, ['机械工程学院']);
    const departmentId = [...departments.values()][0]!;
    const consented = { consentVersion: PRIVACY_NOTICE.version, consentedAt: new Date() };
    const actor = await signedIn(t, ['alumnus', 'staff', 'admin'], {
      ...consented,
      verifiedAt: new Date(),
      realName: '张伟',
      graduationYear: 2016,
      departmentId,
    });
    const member = await signedIn(t, ['alumnus'], { ...consented, verifiedAt: new Date() });
    const claimant = await signedIn(t, ['alumnus'], consented);
    const groupId = await groupWith(t, 'approval', [{ member: actor, role: 'owner' }, { member }]);
    // groupWith writes the memberships directly; removing one decrements the kept count.
    await t.dataSource.query(`UPDATE groups SET member_count = 2 WHERE id = $1`, [groupId]);
    const event = await eventFactory(t.dataSource)(48);
    const campaign = await campaignFactory(t.dataSource)();
    const post = await t.request(`/api/v1/groups/${groupId}/posts`, json({ text: '周末聚会' }, actor.headers));
    const comment = await t.request(`/api/v1/group-posts/${post.body.id}/comments`, json({ text: '一定到' }, actor.headers));
    const donation = await t.request(`/api/v1/campaigns/${campaign.id}/donations`, json({ amountFen: 1000 }, actor.headers));
    const monthly = await t.request(
      '/api/v1/me/monthly-pledges',
      json({ campaignId: campaign.id, amountFen: 1000, dayOfMonth: 8 }, actor.headers),
    );
    const claim = await t.request(
      '/api/v1/me/claims',
      json({ name: '李娜', graduationYear: 2016, departmentId, studentNumber: 'S001' }, claimant.headers),
    );
    const rosterImport = await uploadFile(
      t,
      '/api/v1/staff/roster/imports',
      actor.headers,
      csvFile([['王芳', 'S002', '2016', '机械工程学院', '机械', '机械1201班', '本科']]),
      'r.csv',
    );
    const offer = await t.request('/api/v1/careers/me/mentor-offer', put(offerBody(), actor.headers));
    const mentorship = await t.request('/api/v1/careers/mentorships', json(requestBody(offer.body.id), member.headers));
    const job = await t.request('/api/v1/careers/jobs', json(jobBody(), actor.headers));
    await t.request(`/api/v1/staff/careers/jobs/${job.body.id}/approve`, json({}, actor.headers));
    const application = await t.request(
      `/api/v1/careers/jobs/${job.body.id}/applications`,
      json({ sharePhone: false, wechatId: 'wx_member' }, member.headers),
    );
    const resource = await t.request('/api/v1/careers/resources', json(resourceBody(), actor.headers));
    // Opening tomorrow: published, but its audience is not told during the run (that would write to the outbox).
    const vote = await t.request(
      '/api/v1/staff/governance/votes',
      json(voteBody({ opensAt: inHours(24), closesAt: inHours(48) }), actor.headers),
    );
    await t.request(`/api/v1/staff/governance/votes/${vote.body.id}/publish`, json({}, actor.headers));
    const suggestion = await t.request(
      '/api/v1/governance/suggestions',
      json({ title: '建议开放校史馆', category: 'campus', body: '周末也开放' }, member.headers),
    );
    const councilMember = await t.request(
      '/api/v1/staff/governance/council/members',
      json(
        { alumnusId: member.alumnus.id, title: '理事', termStartsOn: '2026-01-01', termEndsOn: '2028-12-31', source: 'appointed' },
        actor.headers,
      ),
    );
    const campusDay = await eventFactory(t.dataSource)(-1, { kind: 'campus_day' });
    const spot = await t.request(`/api/v1/staff/campus-days/${campusDay.id}/spots`, json({ name: '老校门' }, actor.headers));
    const {
      group: classGroup,
      people: [classmate],
    } = await classOf(t, 1);
    const reunion = await t.request(
      '/api/v1/reunions',
      json(
        {
          classGroupId: (await t.request('/api/v1/reunions/classes', { headers: classmate!.headers })).body[0].groupId,
          title: '十周年聚会',
          message: '回母校看看',
          startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + 30 * 86_400_000 + 3_600_000).toISOString(),
        },
        classmate!.headers,
      ),
    );
    const survey = await t.request('/api/v1/staff/surveys', json(surveyBody(), actor.headers));
    const branch = await t.request(
      '/api/v1/staff/branches',
      json({ kind: 'city', name: '模糊测试分会', place: '上海', joinPolicy: 'approval' }, actor.headers),
    );
    // A pair in the duplicate queue: two records of one name, found by the scan.
    for (let i = 0; i < 2; i += 1)
      await signedIn(t, ['alumnus'], { displayName: '模糊测试重名', realName: '模糊测试重名', graduationYear: 2016, departmentId });
    expect((await t.request('/api/v1/staff/duplicates/scan', json({}, actor.headers))).status).toBe(200);
    const [duplicate] = (await t.dataSource.query(`SELECT id FROM duplicate_candidates WHERE status = 'open' LIMIT 1`)) as { id: string }[];
    // A published old photo (its image check passed) and a timeline entry.
    const [memoryPhoto] = (await t.dataSource.query(
      `INSERT INTO memory_photos (uploader_id, year, caption, storage_key, status, image_cleared, caption_cleared)
       VALUES ($1, 2006, '毕业合影', 'memories/' || gen_random_uuid() || '.jpg', 'published', true, true) RETURNING id`,
      [classmate!.alumnus.id],
    )) as { id: string }[];
    const timelineEntry = await t.request(
      '/api/v1/staff/memories/timeline',
      json({ year: 1958, title: '建校', published: true }, actor.headers),
    );
    const story = await t.request('/api/v1/stories', json({ kind: 'news', title: '校友会新闻', body: '<p>正文</p>' }, actor.headers));
    const contactRequest = await t.request(
      '/api/v1/contact-requests',
      json({ recipientId: actor.alumnus.id, note: '老同学你好', sharePhone: false, wechatId: 'wx_member' }, member.headers),
    );
    // Bio text waiting for staff, as the content check leaves it when WeChat asks for a person.
    const [contentReview] = (await t.dataSource.query(
      `INSERT INTO content_reviews (kind, subject_id, field, author_id, text, reason) VALUES ('profile-text', $1, 'bio', $1, '简介', 'review') RETURNING id`,
      [member.alumnus.id],
    )) as { id: string }[];
    for (const fixture of [
      survey,
      branch,
      story,
      post,
      comment,
      donation,
      claim,
      rosterImport,
      offer,
      mentorship,
      job,
      application,
      resource,
      vote,
      suggestion,
      councilMember,
      spot,
      reunion,
      timelineEntry,
      contactRequest,
    ])
      expect(fixture.status, JSON.stringify(fixture.body)).toBeLessThan(300);
    // The fixtures' notifications are delivered (or skipped) before the tables are compared.
    await eventually(async () =>
      (await scalar(t, `SELECT count(*) FROM outbox_messages WHERE status = 'pending'`)) === 0 ? true : undefined,
    );

    const ids: [RegExp, string][] = [
      [/branches\/\{id\}/, branch.body.id],
      [/duplicates\/\{id\}/, duplicate!.id],
      [/campus-days\/\{eventId\}/, campusDay.id],
      [/campus-day-spots\/\{id\}/, spot.body.id],
      [/reunions\/\{id\}/, reunion.body.id],
      [/careers\/mentors\/\{id\}/, offer.body.id],
      [/careers\/mentorships\/\{id\}/, mentorship.body.id],
      [/careers\/jobs\/\{id\}/, job.body.id],
      [/careers\/applications\/\{id\}/, application.body.id],
      [/careers\/resources\/\{id\}/, resource.body.id],
      [/governance\/votes\/\{id\}/, vote.body.id],
      [/governance\/suggestions\/\{id\}/, suggestion.body.id],
      [/council\/members\/\{id\}/, councilMember.body.id],
      [/surveys\/\{id\}/, survey.body.id],
      [/memories\/photos\/\{id\}/, memoryPhoto!.id],
      [/memories\/timeline\/\{id\}/, timelineEntry.body.id],
      [/stories\/\{id\}/, story.body.id],
      [/contact-requests\/\{id\}/, contactRequest.body.id],
      [/content-reviews\/\{id\}/, contentReview!.id],
      [/^\/api\/v1\/(staff\/)?groups\/\{id\}/, groupId],
      [/group-moderation\/posts|group-posts\/\{id\}/, post.body.id],
      [/group-moderation\/comments|group-comments\/\{id\}/, comment.body.id],
      [/events\/\{id\}/, event.id],
      [/campaigns\/\{id\}/, campaign.id],
      [/donations\/\{id\}/, donation.body.donation.id],
      [/monthly-pledges\/\{id\}/, monthly.body.id],
      [/monthly-instalments\/\{id\}/, monthly.body.current.id],
      [/claims\/\{id\}/, claim.body.id],
      [/roster\/imports\/\{id\}/, rosterImport.body.id],
      [/(alumni|staff)\/\{id\}/, member.alumnus.id],
    ];
    const context = (token: string): FuzzContext => ({
      token,
      pathValue(route, param) {
        if (param === 'alumnusId') return member.alumnus.id;
        if (param === 'campaignId') return campaign.id;
        // A real class (the liaison routes, staff's and the branch's), so requests reach validation past the lookup.
        if (param === 'classGroupId') return classGroup.id;
        if (param === 'number') return '1';
        if (param === 'action') return 'approve';
        if (param === 'date') return new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
        return ids.find(([pattern]) => pattern.test(route.path))?.[1] ?? randomUUID();
      },
      uuidFor: (field) => (({ departmentId, groupId, alumnusId: member.alumnus.id }) as Record<string, string>)[field],
    });
    ctx = context(actor.token);
    claimantCtx = context(claimant.token);
    console.log(`bad input: FUZZ_SEED=${SEED} FUZZ_RUNS=${TOTAL_RUNS} over ${routes.length} write routes`);
  });
  afterAll(() => t?.close());

  it('finds the write routes in the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.map((r) => `${r.method} ${r.path}${r.override ? ` as ${r.override}` : ''}`)).toEqual(
      expect.arrayContaining(['POST /api/v1/campaigns/{id}/donations', 'PATCH /api/v1/me', 'POST /api/v1/me as PATCH']),
    );
  });

  async function send(request: FuzzRequest) {
    const response = await fetch(`${t.baseUrl}${request.path}`, toRequestInit(request));
    const text = await response.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: the check below says so.
    }
    return { status: response.status, body };
  }

  /** A GET with a body, which fetch refuses to send. */
  function sendWithBody(path: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: any }> {
    return new Promise((resolve, reject) => {
      // Node sends a GET's body without a length unless told: the server would read it as the next request.
      const sized = { ...headers, 'content-length': String(Buffer.byteLength(body)) };
      const req = httpRequest(`${t.baseUrl}${path}`, { method: 'GET', headers: sized }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: any = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // Not JSON: the check says so.
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  /** What is wrong with an answer to an invalid request, or null when it is right. */
  function problemWith(status: number, body: any): string | null {
    if (status < 400 || status >= 500) return `status ${status}`;
    const code = body?.error?.code as ErrorCode;
    if (!ERROR_CODES.includes(code)) return 'no error code';
    if (ERRORS[code].status !== status) return `${code} is not a ${status}`;
    if (typeof body.error.message !== 'string' || !Array.isArray(body.error.details)) return 'not the error body';
    return null;
  }

  it('answers every invalid request with a 4xx error body and writes nothing', async () => {
    const perRoute = Math.ceil(TOTAL_RUNS / routes.length);
    const before = await snapshot();
    const failures: string[] = [];
    for (const route of routes) {
      const context = route.path.startsWith('/api/v1/me/claims') ? claimantCtx : ctx;
      // Seeded sampling, sent a few at a time; the first wrong answer of a route is reported.
      const cases = fc.sample(requestsFor(route, context, document), { seed: SEED, numRuns: perRoute });
      const problems = await inBatches(cases, CONCURRENCY, async (request) => {
        const { status, body } = await send(request);
        const problem = problemWith(status, body);
        return problem && `${request.violation} (path ${request.path.slice(0, 80)}): ${problem}: ${JSON.stringify(body).slice(0, 200)}`;
      });
      const first = problems.find((problem) => problem !== null);
      const name = `${route.method} ${route.path}${route.override ? ` as ${route.override}` : ''}`;
      if (first) failures.push(`${name}: ${first}`);
      const after = await snapshot();
      const changed = Object.keys(before).filter((table) => before[table] !== after[table]);
      if (changed.length > 0) failures.push(`${name}: changed ${changed.join(', ')}`);
      Object.assign(before, after);
    }
    expect(failures, `reproduce with FUZZ_SEED=${SEED} FUZZ_RUNS=${TOTAL_RUNS}`).toEqual([]);
  }, 300_000);

  it('answers a broken request line, oversized headers and a body on every read route with a 4xx error body', async () => {
    const reads = readRoutes(document);
    expect(reads.length).toBeGreaterThan(50);
    const before = await snapshot();
    const failures: string[] = [];
    for (const route of reads) {
      const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(ctx.pathValue(route, name)));
      const headers = { authorization: `Bearer ${ctx.token}` };
      const answers = await Promise.all([
        ...requestLineViolations().map(async (v) => {
          const { status, body } = await send({
            violation: v.violation,
            method: 'GET',
            path: `${path}${v.query ?? ''}`,
            headers: { ...headers, ...v.headers },
          });
          return [v.violation, status, body] as const;
        }),
        sendWithBody(path, { ...headers, 'content-type': 'application/json' }, '{"q":"校友"}').then(
          ({ status, body }) => ['a JSON body on a GET', status, body] as const,
        ),
      ]);
      for (const [violation, status, body] of answers) {
        const problem = problemWith(status, body);
        if (problem) failures.push(`GET ${route.path}: ${violation}: ${problem}: ${JSON.stringify(body).slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    const after = await snapshot();
    expect(Object.keys(before).filter((table) => before[table] !== after[table])).toEqual([]);
  }, 120_000);

  /**
   * Deterministic, unlike the sampled pass above: `null` in every optional field of every JSON
   * body, alone. A field the document does not mark nullable must be refused by name (not
   * passed on to a default or a NOT NULL column); a nullable one must not be refused for being
   * null, and a 2xx that echoes it echoes null. Last in the file: nullable ones may be stored.
   */
  it('refuses null in every optional field the document does not mark nullable, and takes it where it does', async () => {
    const resolve = resolver(document);
    const failures: string[] = [];
    let sent = 0;
    for (const route of routes) {
      if (route.body?.kind !== 'json') continue;
      const context = route.path.startsWith('/api/v1/me/claims') ? claimantCtx : ctx;
      const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(context.pathValue(route, name)));
      const headers = {
        'content-type': 'application/json',
        ...(route.isPublic ? {} : { authorization: `Bearer ${context.token}` }),
        ...(route.override ? { 'x-http-method-override': route.override } : {}),
      };
      const name = `${route.method} ${route.path}${route.override ? ` as ${route.override}` : ''}`;
      for (const { field, nullable, body } of nullCases(route.body.schema, resolve)) {
        sent += 1;
        const answer = await send({ violation: `${field}: null`, method: route.method, path, headers, body: JSON.stringify(body) });
        const named = answer.status === 400 && answer.body?.error?.details?.some((d: { field: string }) => d.field === field);
        const problem = nullable
          ? answer.status >= 500
            ? `status ${answer.status}`
            : named
              ? 'refused, though the document marks it nullable'
              : answer.status < 300 && answer.body && typeof answer.body === 'object' && field in answer.body && answer.body[field] !== null
                ? `answered ${JSON.stringify(answer.body[field])}, not null`
                : null
          : named
            ? null
            : `status ${answer.status}, null not refused by name`;
        if (problem) failures.push(`${name} ${field}: ${problem}: ${JSON.stringify(answer.body).slice(0, 200)}`);
      }
    }
    expect(sent).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  }, 120_000);
});
