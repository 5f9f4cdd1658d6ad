import { DECIDED_IN_SERVICE, MATRIX, POLICIES, type Outcome, type PolicyName } from '../../test/authorisation-matrix.js';
import { CALLERS, createWorld, type Caller, type World } from '../../test/authorisation-world.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

/** What fills a path parameter, by the segments before it (most specific first). */
const PARAMS: Record<string, (ids: World['ids']) => string> = {
  'staff/groups/{id}': (ids) => ids.proposedGroup,
  'groups/{id}': (ids) => ids.group,
  'by-scene/{scene}': () => 'unknown',
  'join-requests/{alumnusId}': (ids) => ids.applicant,
  'members/{alumnusId}': (ids) => ids.bystander,
  'group-posts/{id}': (ids) => ids.post,
  'posts/{id}': (ids) => ids.post,
  'group-comments/{id}': (ids) => ids.comment,
  'comments/{id}': (ids) => ids.comment,
  '{action}': () => 'approve',
  'events/{id}': (ids) => ids.event,
  'registrations/{id}': (ids) => ids.registration,
  'campaigns/{id}': (ids) => ids.campaign,
  'trees/{number}': () => '1',
  'donations/{id}': (ids) => ids.donation,
  // No refund in the world: an admin gets REFUND_NOT_FOUND, every other caller is turned away first.
  'refunds/{refundId}': () => '00000000-0000-4000-8000-00000000f00d',
  'reconciliations/{date}': () => yesterday,
  'alumni/{id}': (ids) => ids.other,
  'staff/{id}': (ids) => ids.other,
  'lists/{list}': () => 'top-engaged',
  'uploads/{folder}': () => 'avatars',
  '{name}': () => 'missing.jpg',
  'imports/{id}': (ids) => ids.rosterImport,
  'claims/{id}': (ids) => ids.claim,
  'notifications/{id}': (ids) => ids.notification,
  'messages/{id}': (ids) => ids.message,
  'mentors/{id}': (ids) => ids.mentorOffer,
  'mentorships/{id}': (ids) => ids.mentorship,
  'jobs/{id}': (ids) => ids.jobPost,
  'applications/{id}': (ids) => ids.jobApplication,
  'careers/resources/{id}': (ids) => ids.careerResource,
  'resource-files/{id}': (ids) => ids.resourceFile,
  'votes/{id}': (ids) => ids.vote,
  'suggestions/{id}': (ids) => ids.suggestion,
  'members/{id}': (ids) => ids.councilMember,
  'campus-days/{eventId}': (ids) => ids.campusDay,
  'campus-day-spots/{id}': (ids) => ids.spot,
  'reunions/{id}': (ids) => ids.reunion,
  'surveys/{id}': (ids) => ids.survey,
  'memories/photos/{id}': (ids) => ids.memoryPhoto,
  'memories/photo-comments/{id}': (ids) => ids.memoryComment,
  'memories/tags/{id}': (ids) => ids.memoryTag,
  'memories/timeline/{id}': (ids) => ids.timelineEntry,
  'stories/{id}': (ids) => ids.story,
  'story-comments/{id}': (ids) => ids.storyComment,
  'contact-requests/{id}': (ids) => ids.contactRequest,
  'with/{alumnusId}': (ids) => ids.other,
  // Nothing waits: staff meet 404, everyone else is refused before the lookup.
  'content-reviews/{id}': () => '00000000-0000-4000-8000-000000000000',
  'media-checks/{token}': () => 'no-such-check-token-000000000000',
  'imports/{importId}': (ids) => ids.rosterImport,
  'branches/{id}': (ids) => ids.branch,
  'admins/{alumnusId}': (ids) => ids.other,
  'campaigns/{campaignId}': (ids) => ids.campaign,
  'liaison-classes/{classGroupId}': (ids) => ids.liaisonClass,
  // A current liaison of the class: ending is the decision, not a 404 (the branch admin's route is decided in the service).
  'liaisons/{alumnusId}': (ids) => ids.liaisonAlumnus,
  'invitations/{token}': (ids) => ids.classInvitation,
  'class-invitations/{token}': (ids) => ids.classInvitation,
  // No pledge in the world: staff meet 404 (after the body's 400), everyone else is refused first.
  'matches/{matchId}': () => '00000000-0000-4000-8000-000000000000',
  // No giving day in the world: 404 to those allowed (public reads included).
  'giving-days/{id}': () => '00000000-0000-4000-8000-000000000000',
  // No receipt in the world: its donor's route is 404 to everyone (as for another's receipt), staff meet 404 or the body's 4xx.
  'receipts/{id}': () => '00000000-0000-4000-8000-000000000000',
  // No monthly pledge in the world: another's pledge or month is 404 to everyone, as a missing one.
  'monthly-pledges/{id}': () => '00000000-0000-4000-8000-000000000000',
  'monthly-instalments/{id}': () => '00000000-0000-4000-8000-000000000000',
  // No pair in the world: staff meet 404 (or the body's 400), everyone else is refused first.
  'duplicates/{id}': () => '00000000-0000-4000-8000-000000000000',
};

const json = (body: unknown): RequestInit => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** A 1×1 PNG, as a multipart upload. */
function photo(): RequestInit {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  const form = new FormData();
  form.append('file', new Blob([png], { type: 'image/png' }), 'photo.png');
  return { body: form };
}

const JOB_BODY = {
  title: '产品实习生',
  company: '江州科技',
  industry: '互联网',
  city: '上海',
  type: 'internship',
  description: '需求调研',
  howToApply: '发送简历',
  closesOn: new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10),
};

const STORY_BODY = { kind: 'alumni_story', title: '我的毕业二十年', body: '<p>正文</p>' };

const RESOURCE_BODY = { kind: 'guide', title: '求职指南', bodyHtml: '<p>正文</p>', topic: 'job_search', fileIds: [] };

/**
 * Valid bodies for the routes that check access in the service, after the body was validated:
 * an empty body would stop at 400 and hide the access decision. Other routes get `{}`.
 */
const BODIES: Record<string, (ids: World['ids']) => RequestInit> = {
  'POST /api/v1/groups/proposals': () => json({ kind: 'interest', name: '校友羽毛球俱乐部' }),
  'PUT /api/v1/groups/{id}/members/{alumnusId}/role': () => json({ role: 'admin' }),
  'POST /api/v1/groups/{id}/posts': () => json({ text: '周末聚会，欢迎报名！' }),
  'PATCH /api/v1/group-posts/{id}': () => json({ text: '改过的动态' }),
  'POST /api/v1/group-posts/{id}/reports': () => json({ reason: '广告' }),
  'POST /api/v1/group-posts/{id}/comments': () => json({ text: '一定到！' }),
  'POST /api/v1/group-comments/{id}/reports': () => json({ reason: '广告' }),
  'POST /api/v1/me/claims/{id}/evidence': photo,
  'PUT /api/v1/careers/me/mentor-offer': () =>
    json({ industry: '教育', city: '江州', topics: ['job_search'], formats: ['online'], capacity: 2, intro: '乐意分享', accepting: true }),
  'POST /api/v1/careers/mentorships': (ids) =>
    json({ mentorId: ids.mentorOffer, goals: '想转行', targetIndustry: '互联网', topic: 'career_change' }),
  'POST /api/v1/careers/mentorships/{id}/meetings': () => json({ occurredOn: '2026-01-05', format: 'online', notes: '聊了简历' }),
  'POST /api/v1/careers/mentorships/{id}/feedback': () => json({ rating: 5 }),
  'POST /api/v1/careers/jobs': () => json(JOB_BODY),
  'PUT /api/v1/careers/jobs/{id}': () => json(JOB_BODY),
  'POST /api/v1/careers/jobs/{id}/applications': () => json({ sharePhone: false, email: 'me@example.com' }),
  'PUT /api/v1/careers/applications/{id}/status': () => json({ status: 'contacted' }),
  'POST /api/v1/careers/resources': () => json(RESOURCE_BODY),
  'PUT /api/v1/careers/resources/{id}': () => json(RESOURCE_BODY),
  'POST /api/v1/careers/resources/files': photo,
  'POST /api/v1/governance/votes/{id}/ballot': () => json({ choices: [1] }),
  'POST /api/v1/governance/suggestions': () => json({ title: '建议开放校史馆', category: 'campus', body: '周末也开放' }),
  'POST /api/v1/memories/images': photo,
  'POST /api/v1/memories/photos': () =>
    json({ imageId: '00000000-0000-4000-8000-000000000000', year: 2008, caption: '毕业前合影', place: '老校门' }),
  'POST /api/v1/memories/photos/{id}/tags': (ids) => json({ alumnusId: ids.other }),
  'POST /api/v1/memories/photos/{id}/comments': () => json({ text: '那年冬天' }),
  'POST /api/v1/memories/photos/{id}/reports': () => json({ reason: '不是本校照片' }),
  'POST /api/v1/memories/photo-comments/{id}/reports': () => json({ reason: '广告' }),
  'POST /api/v1/memories/tags/{id}/decision': () => json({ accept: true }),
  'POST /api/v1/staff/memories/timeline': () => json({ year: 1958, title: '建校' }),
  'PUT /api/v1/staff/memories/timeline/{id}': () => json({ year: 1958, title: '建校' }),
  'POST /api/v1/contact-requests': (ids) =>
    json({ recipientId: ids.other, note: '老同学你好', sharePhone: false, email: 'me@example.com' }),
  'POST /api/v1/contact-requests/{id}/accept': () => json({ sharePhone: false, wechatId: 'wx_me' }),
  'POST /api/v1/surveys/{id}/responses': () => json({ answers: { q1: 1 }, startToken: 'opened-elsewhere' }),
  'POST /api/v1/branches/{id}/groups': () => json({ kind: 'interest', name: '分会读书会', joinPolicy: 'open' }),
  'POST /api/v1/branches/{id}/events': () =>
    json({
      title: '分会线上分享会',
      kind: 'meetup',
      online: true,
      onlineUrl: 'https://meeting.example.com/branch',
      startsAt: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000).toISOString(),
      endsAt: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000 + 2 * 60 * 60 * 1000).toISOString(),
      capacity: 50,
      waitlistEnabled: false,
    }),
  'POST /api/v1/stories': () => json(STORY_BODY),
  'PUT /api/v1/stories/{id}': () => json(STORY_BODY),
  'POST /api/v1/stories/{id}/cover': photo,
  'POST /api/v1/stories/{id}/consent': () => json({ given: true }),
  'POST /api/v1/stories/{id}/comments': () => json({ text: '写得真好' }),
  'POST /api/v1/story-comments/{id}/reports': () => json({ reason: '广告' }),
  'POST /api/v1/liaison-classes/{classGroupId}/invitations': (ids) => json({ rosterEntryId: ids.classmateEntry }),
  'POST /api/v1/branches/{id}/liaison-classes/{classGroupId}/liaisons': (ids) => json({ alumnusId: ids.bystander }),
};

function requestBody(route: string, method: string, ids: World['ids']): RequestInit {
  return BODIES[route]?.(ids) ?? (method === 'GET' || method === 'DELETE' ? {} : json({}));
}

function fillPath(path: string, ids: World['ids']): string {
  const segments = path.split('/');
  return segments
    .map((segment, i) => {
      if (!segment.startsWith('{')) return segment;
      const keys = [segments.slice(i - 2, i + 1).join('/'), segments.slice(i - 1, i + 1).join('/'), segment];
      const fill = keys.map((key) => PARAMS[key]).find(Boolean);
      if (!fill) throw new Error(`No fixture fills ${segment} in ${path}: add one to PARAMS`);
      return fill(ids);
    })
    .join('/');
}

const EXPECTED_STATUS: Record<Exclude<Outcome, 'ok'>, (caller: Caller) => number> = {
  denied: (caller) => (caller === 'anonymous' ? 401 : 403),
  hidden: (caller) => (caller === 'anonymous' ? 401 : 404),
};

function meets(policy: PolicyName, caller: Caller, status: number): boolean {
  const outcome = POLICIES[policy][caller];
  if (status >= 500) return false;
  // Where the service decides, a 404 would mean the fixture is missing and the decision unseen.
  if (outcome === 'ok') return status !== 401 && status !== 403 && !(status === 404 && DECIDED_IN_SERVICE.includes(policy));
  return status === EXPECTED_STATUS[outcome](caller);
}

/** The access marks the guard's decorators put into the OpenAPI document. */
interface Operation {
  'x-public'?: boolean;
  'x-roles'?: string[];
  /** A PATCH also reachable as POST with `X-HTTP-Method-Override: PATCH` (WeChat's wx.request has no PATCH). */
  'x-method-override'?: { method: string; header: string; value: string };
}

const mark = (op: Operation): string => (op['x-public'] ? 'x-public' : op['x-roles'] ? `x-roles ${op['x-roles'].join(',')}` : 'signed in');

/** The mark each policy decided by the guard needs; every other policy is decided past a plain "signed in". */
const MARKS: Partial<Record<PolicyName, string>> = { public: 'x-public', staff: 'x-roles staff', admin: 'x-roles admin' };

interface Answer {
  route: string;
  /** How the request was sent when not by its own method: the override's POST. */
  via?: 'POST';
  policy: PolicyName;
  caller: Caller;
  status: number;
  code: string | undefined;
}

/** Runs `task` over `items`, `concurrency` at a time; the first failure stops the others. */
async function pooled<T>(items: T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      try {
        for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
      } catch (error) {
        queue.length = 0;
        throw error;
      }
    }),
  );
}

describe('authorisation matrix', () => {
  let t: TestApp;
  let operations: Record<string, Operation>;
  let documented: string[];
  const answers: Answer[] = [];

  beforeAll(async () => {
    // Rate limits answer 429 before the handler would: off, so every answer is the access decision.
    t = await startTestApp({ env: { THROTTLE_LIMIT: '1000000', RATE_LIMITS: 'off' } });
    const openapi = await t.request('/api/openapi.json');
    if (openapi.status !== 200) throw new Error(`No OpenAPI document: ${openapi.status} ${JSON.stringify(openapi.body).slice(0, 500)}`);
    const { paths } = openapi.body as { paths: Record<string, Record<string, Operation>> };
    operations = Object.fromEntries(
      Object.entries(paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op])),
    );
    documented = Object.keys(operations);
    // A PATCH with a method override is asked both ways: the same policy must hold for the POST.
    const routes = documented
      .filter((route) => route in MATRIX)
      .flatMap((route) => [{ route }, ...(operations[route]!['x-method-override'] ? [{ route, via: 'POST' as const }] : [])]);
    // Reads share one world. A write meets a fresh world, which the callers share until one's
    // request may have changed it: after any answer but a 4xx, the next caller gets a new world,
    // so what one changed (left the group, removed the post) never decides another's answer. A
    // 4xx changes nothing (a refusal, or bad input, which never leaves a half-written record):
    // the next caller meets the same world, and no world is built for nothing.
    const readWorld = await createWorld(t, { joinRequest: true });
    await pooled(routes, 6, async ({ route, via }) => {
      const [method, path] = route.split(' ') as [string, string];
      const fresh = () =>
        method === 'GET' ? Promise.resolve(readWorld) : createWorld(t, { joinRequest: path.includes('/join-requests/') });
      let world = await fresh();
      let changedNothing = true;
      for (const caller of CALLERS) {
        if (!changedNothing) world = await fresh();
        const { headers, body } = requestBody(route, method, world.ids);
        const res = await t.request(fillPath(path, world.ids), {
          method: via ?? method,
          headers: {
            ...headers,
            ...(via ? { 'x-http-method-override': method } : {}),
            ...(caller === 'anonymous' ? {} : world.headers[caller]),
          },
          body,
        });
        answers.push({ route, via, policy: MATRIX[route]!, caller, status: res.status, code: res.body?.error?.code });
        changedNothing = res.status >= 400 && res.status < 500;
      }
    });
  }, 240_000);
  afterAll(() => t?.close());

  it('has an entry for every documented route, and none for a route that is gone', () => {
    expect(Object.keys(MATRIX).filter((route) => !documented.includes(route))).toEqual([]);
    expect(documented.filter((route) => !(route in MATRIX))).toEqual([]);
    expect(documented.length).toBeGreaterThan(100);
    expect(new Set(answers.map((a) => a.route)).size).toBe(documented.length);
    // Every PATCH is documented as reachable by the override, and was asked that way too.
    const patches = documented.filter((route) => route.startsWith('PATCH '));
    expect(patches.filter((route) => !operations[route]!['x-method-override'])).toEqual([]);
    expect(new Set(answers.filter((a) => a.via).map((a) => a.route))).toEqual(new Set(patches));
  });

  it('agrees with the access marks of the OpenAPI document', () => {
    const disagreeing = documented
      .filter((route) => route in MATRIX && mark(operations[route]!) !== (MARKS[MATRIX[route]!] ?? 'signed in'))
      .map((route) => `${route}: ${MATRIX[route]} in the matrix, ${mark(operations[route]!)} in the document`);
    expect(disagreeing).toEqual([]);
  });

  it('answers every caller on every route as the route’s policy says', () => {
    const wrong = answers
      .filter((a) => !meets(a.policy, a.caller, a.status))
      .map(
        (a) =>
          `${a.route}${a.via ? ` (sent as ${a.via} with X-HTTP-Method-Override)` : ''} as ${a.caller}: expected ${POLICIES[a.policy][a.caller]} (${a.policy}), got ${a.status} ${a.code ?? ''}`,
      );
    expect(wrong).toEqual([]);
    const overridden = documented.filter((route) => operations[route]!['x-method-override']).length;
    expect(answers).toHaveLength((documented.length + overridden) * CALLERS.length);
  });

  it('refuses, for every policy, the caller just below the line on at least one route', () => {
    for (const [name, policy] of Object.entries(POLICIES)) {
      const refused = CALLERS.filter((caller) => policy[caller] !== 'ok').at(-1);
      if (!refused) continue;
      const status = EXPECTED_STATUS[policy[refused] as Exclude<Outcome, 'ok'>](refused);
      const refusals = answers.filter((a) => a.policy === name && a.caller === refused && a.status === status);
      expect({ policy: name, refused: refusals.length > 0 }).toEqual({ policy: name, refused: true });
    }
  });
});
