import type { Role } from '@alumni/shared';
import type { AlumnusEntity } from '../src/alumni/alumnus.entity.js';
import { PRIVACY_NOTICE } from '../src/identity/privacy-notice.js';
import { signedIn } from './auth.js';
import { createDepartments, createRosterEntry } from './roster.js';
import type { TestApp } from './test-app.js';
import { json } from './wechat.js';

export type Person = Awaited<ReturnType<typeof signedIn>>;

const HOUR_MS = 60 * 60 * 1000;
const consented = () => ({ consentVersion: PRIVACY_NOTICE.version, consentedAt: new Date() });
const departments = new WeakMap<TestApp, Promise<string>>();

/** One department per test app, for the roster entries verified alumni hold. */
export function departmentOf(t: TestApp): Promise<string> {
  if (!departments.has(t))
    departments.set(
      t,
      createDepartments(t, [`治理学院${process.pid}`]).then((ids) => [...ids.values()][0]!),
    );
  return departments.get(t)!;
}

/** A verified, consented alumnus holding a roster entry of `year` (their verified graduation year). */
export async function voter(t: TestApp, year = 2012, values: Partial<AlumnusEntity> = {}, roles: Role[] = ['alumnus']): Promise<Person> {
  const departmentId = await departmentOf(t);
  const person = await signedIn(t, roles, { ...consented(), verifiedAt: new Date(), graduationYear: year, departmentId, ...values });
  await createRosterEntry(t, { departmentId, graduationYear: year, claimedBy: person.alumnus.id, claimedAt: new Date() });
  return person;
}

export const staffOf = (t: TestApp) => voter(t, 2005, {}, ['alumnus', 'staff']);
export const unverifiedOf = (t: TestApp) => signedIn(t, ['alumnus'], consented());

export const inHours = (hours: number) => new Date(Date.now() + hours * HOUR_MS).toISOString();

/** A valid vote: a secret single-choice poll of every verified alumnus, open now for a week. */
export function voteBody(overrides: Record<string, unknown> = {}) {
  return {
    title: '返校日主题投票',
    description: '选出 2027 年校友返校日的主题',
    purpose: 'poll',
    choice: 'single',
    options: [{ label: '薪火相传' }, { label: '再回首' }, { label: '母校的春天' }],
    audience: { kind: 'verified' },
    opensAt: inHours(-1),
    closesAt: inHours(24 * 7),
    resultsVisibility: 'after_close',
    secret: true,
    ...overrides,
  };
}

/** A draft made through the API and published: open now. */
export async function openVote(t: TestApp, staff: Person, overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await t.request('/api/v1/staff/governance/votes', json(voteBody(overrides), staff.headers));
  if (created.status !== 201) throw new Error(`vote not created: ${created.status} ${JSON.stringify(created.body)}`);
  const published = await t.request(`/api/v1/staff/governance/votes/${created.body.id}/publish`, json({}, staff.headers));
  if (published.status !== 200) throw new Error(`vote not published: ${published.status} ${JSON.stringify(published.body)}`);
  return created.body.id as string;
}

export const ballot = (t: TestApp, who: Person, voteId: string, choices: unknown) =>
  t.request(`/api/v1/governance/votes/${voteId}/ballot`, json({ choices }, who.headers));

/** A valid questionnaire: single, multiple, scale and short text; every verified alumnus; a week to answer. */
export function surveyBody(overrides: Record<string, unknown> = {}) {
  return {
    title: '2026 年校友发展状况调查',
    intro: '约需 3 分钟，结果仅用于校友工作改进。',
    questions: [
      { kind: 'single', title: '您对母校校友工作的总体评价', required: true, options: ['满意', '一般', '不满意'] },
      { kind: 'multiple', title: '您希望参加哪些活动', required: true, options: ['行业沙龙', '返校参观', '公益植树'], maxChoices: 2 },
      { kind: 'scale', title: '您向他人推荐母校的意愿', required: false, scaleMin: 1, scaleMax: 5, minLabel: '很低', maxLabel: '很高' },
      { kind: 'text', title: '您的其他建议', required: false },
    ],
    audience: { kind: 'verified' },
    closesAt: inHours(24 * 7),
    rules: { requireComplete: true, minSeconds: 0 },
    paperIssued: 0,
    ...overrides,
  };
}

/** A survey drafted and sent through the API. */
export async function sentSurvey(t: TestApp, staff: Person, overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await t.request('/api/v1/staff/surveys', json(surveyBody(overrides), staff.headers));
  if (created.status !== 201) throw new Error(`survey not created: ${created.status} ${JSON.stringify(created.body)}`);
  const sent = await t.request(`/api/v1/staff/surveys/${created.body.id}/send`, json({}, staff.headers));
  if (sent.status !== 200) throw new Error(`survey not sent: ${sent.status} ${JSON.stringify(sent.body)}`);
  return created.body.id as string;
}

/** Opens the questionnaire as `who` and answers it with its own start token. */
export async function answer(t: TestApp, who: Person, surveyId: string, answers: Record<string, unknown>, startToken?: string) {
  const page = await t.request(`/api/v1/surveys/${surveyId}`, { headers: who.headers });
  return t.request(
    `/api/v1/surveys/${surveyId}/responses`,
    json({ answers, startToken: startToken ?? page.body.startToken ?? 'none' }, who.headers),
  );
}
