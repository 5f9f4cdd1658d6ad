import { type Role, shanghaiDay } from '@alumni/shared';
import type { AlumnusEntity } from '../src/alumni/alumnus.entity.js';
import { PRIVACY_NOTICE } from '../src/identity/privacy-notice.js';
import { signedIn } from './auth.js';
import { createDepartments, createRosterEntry } from './roster.js';
import type { TestApp } from './test-app.js';
import { json } from './wechat.js';

export type Person = Awaited<ReturnType<typeof signedIn>>;

const consented = () => ({ consentVersion: PRIVACY_NOTICE.version, consentedAt: new Date() });
let department: Promise<string> | null = null;
let departmentApp: TestApp | null = null;

/** One department per test app, for roster entries. */
function departmentOf(t: TestApp): Promise<string> {
  if (departmentApp !== t || department === null) {
    departmentApp = t;
    department = createDepartments(t, [`职业学院${process.pid}`]).then((ids) => [...ids.values()][0]!);
  }
  return department;
}

/** A verified account holding a roster entry of `graduationYear` (a student while that year's 1 July is ahead). */
async function verifiedWithYear(t: TestApp, graduationYear: number, values: Partial<AlumnusEntity>, roles: Role[]): Promise<Person> {
  const person = await signedIn(t, roles, { ...consented(), verifiedAt: new Date(), graduationYear, ...values });
  await createRosterEntry(t, { departmentId: await departmentOf(t), graduationYear, claimedBy: person.alumnus.id, claimedAt: new Date() });
  return person;
}

/** A student: verified against the roster, graduating two years from now. */
export const student = (t: TestApp, values: Partial<AlumnusEntity> = {}) =>
  verifiedWithYear(t, new Date().getFullYear() + 2, values, ['alumnus']);

/** A verified graduate (class of 2012). */
export const graduate = (t: TestApp, values: Partial<AlumnusEntity> = {}) => verifiedWithYear(t, 2012, values, ['alumnus']);

/** Signed in, consented, not verified. */
export const unverified = (t: TestApp, values: Partial<AlumnusEntity> = {}) => signedIn(t, ['alumnus'], { ...consented(), ...values });

export const staffMember = (t: TestApp) => signedIn(t, ['alumnus', 'staff'], { ...consented(), verifiedAt: new Date() });

export const put = (body: unknown, headers: Record<string, string>): RequestInit => ({ ...json(body, headers), method: 'PUT' });

/** A valid mentor offer, open, with `overrides`. */
export function offerBody(overrides: Record<string, unknown> = {}) {
  return {
    industry: '互联网',
    employer: '江州科技',
    city: '上海',
    topics: ['career_change', 'job_search'],
    formats: ['online', 'in_person'],
    capacity: 3,
    intro: '十年产品经验，乐意聊转行与求职。',
    accepting: true,
    ...overrides,
  };
}

/** A graduate with an open offer; answers the person and the offer's id. */
export async function mentorWith(t: TestApp, overrides: Record<string, unknown> = {}, values: Partial<AlumnusEntity> = {}) {
  const person = await graduate(t, values);
  const res = await t.request('/api/v1/careers/me/mentor-offer', put(offerBody(overrides), person.headers));
  if (res.status !== 200) throw new Error(`offer failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...person, offerId: res.body.id as string };
}

/** A valid request to `mentorId`. */
export function requestBody(mentorId: string, overrides: Record<string, unknown> = {}) {
  return { mentorId, goals: '想了解转到互联网产品岗位需要准备什么', targetIndustry: '互联网', topic: 'career_change', ...overrides };
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** The Beijing day `days` from today. */
export const inDays = (days: number) => shanghaiDay(new Date(Date.now() + days * DAY_MS));

/** A valid internship post, closing in 30 days. */
export function jobBody(overrides: Record<string, unknown> = {}) {
  return {
    title: '产品经理实习生',
    company: '江州科技有限公司',
    industry: '互联网',
    city: '上海',
    type: 'internship',
    salaryMinFen: 20_000,
    salaryMaxFen: 30_000,
    salaryPeriod: 'day',
    description: '参与校园招聘小程序的需求调研与原型设计，每周到岗四天。',
    howToApply: '简历发送至 hr@example.com，邮件标题注明“校友推荐”。',
    closesOn: inDays(30),
    ...overrides,
  };
}

/** A valid guide (a draft until submitted), with `overrides`. */
export function resourceBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'guide',
    title: '互联网产品岗秋招准备指南',
    summary: '从作品集到群面，一份按时间线整理的准备清单。',
    bodyHtml: '<h2>时间线</h2><p>七月开始整理<strong>作品集</strong>，八月投递提前批。</p>',
    industry: '互联网',
    topic: 'job_search',
    fileIds: [],
    ...overrides,
  };
}

/** A small PDF (or any bytes) as the multipart upload of a resource file. */
export function resourceFile(
  headers: Record<string, string>,
  body: Buffer = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n'),
  name = '秋招时间表.pdf',
): RequestInit {
  const form = new FormData();
  form.append('file', new Blob([body]), name);
  return { method: 'POST', headers, body: form };
}
