import {
  type CreateCampaignMatchRequest,
  type CreateMatchPaymentRequest,
  formatShanghaiDateTime,
  type MatchSponsorKind,
  parseYuanToFen,
} from '@alumni/shared';
import { parseShanghaiTime } from '../events-editor/editor-form';

export const SPONSOR_KIND_LABELS: Record<MatchSponsorKind, string> = {
  alumnus: '校友',
  company: '企业',
  foundation: '基金会',
};

/** The ratios staff pick from (100 = 1:1): the ones 配捐 campaigns use. */
export const MATCH_RATIOS: { percent: number; label: string }[] = [
  { percent: 100, label: '1:1（捐 1 配 1）' },
  { percent: 50, label: '捐 2 配 1' },
  { percent: 200, label: '捐 1 配 2' },
];

/** A pledge as the editor holds it: the cap in yuan, times as `2026-12-20 14:00` (Beijing time). */
export interface MatchDraft {
  sponsorKind: MatchSponsorKind;
  sponsorName: string;
  ratioPercent: number;
  capYuan: string;
  startsAt: string;
  endsAt: string;
  firstTimeOnly: boolean;
  /** 仅限一个班级: graduation year, department and class name, as the class leaderboard counts classes. */
  classOnly: boolean;
  classYear: string;
  classDepartmentId: string;
  className: string;
}

export type MatchProblems = Partial<Record<'sponsorName' | 'capYuan' | 'startsAt' | 'endsAt' | 'forClass', string>>;

/** A 1:1 pledge by a company from now for a week. */
export function emptyMatchDraft(now: Date = new Date()): MatchDraft {
  return {
    sponsorKind: 'company',
    sponsorName: '',
    ratioPercent: 100,
    capYuan: '',
    startsAt: formatShanghaiDateTime(now.toISOString()),
    endsAt: formatShanghaiDateTime(new Date(now.getTime() + 7 * 86_400_000).toISOString()),
    firstTimeOnly: false,
    classOnly: false,
    classYear: '',
    classDepartmentId: '',
    className: '',
  };
}

/** The request, or the problems to fix first (the server's own rules, in the form's words). */
export function toMatchRequest(draft: MatchDraft): { request: CreateCampaignMatchRequest | null; problems: MatchProblems } {
  const problems: MatchProblems = {};
  if (draft.sponsorName.trim() === '') problems.sponsorName = '请填写配捐方名称，如“某某科技有限公司”';
  const capFen = parseYuanToFen(draft.capYuan);
  if (capFen === null || capFen === 0) problems.capYuan = '请填写配捐上限（元），最多两位小数';
  const startsAt = parseShanghaiTime(draft.startsAt);
  if (startsAt === null) problems.startsAt = '时间格式为 2026-12-20 14:00';
  const endsAt = parseShanghaiTime(draft.endsAt);
  if (endsAt === null) problems.endsAt = '时间格式为 2026-12-20 14:00';
  else if (startsAt !== null && Date.parse(endsAt) <= Date.parse(startsAt)) problems.endsAt = '结束时间须晚于开始时间';
  const classYear = Number(draft.classYear.trim());
  if (
    draft.classOnly &&
    (!/^\d{4}$/.test(draft.classYear.trim()) || classYear < 1900 || draft.classDepartmentId === '' || draft.className.trim() === '')
  )
    problems.forClass = '请填写班级的毕业年份（四位数字）、院系和班级名称';
  if (Object.keys(problems).length > 0) return { request: null, problems };
  return {
    request: {
      sponsorKind: draft.sponsorKind,
      sponsorName: draft.sponsorName.trim(),
      ratioPercent: draft.ratioPercent,
      capFen: capFen!,
      startsAt: startsAt!,
      endsAt: endsAt!,
      firstTimeOnly: draft.firstTimeOnly,
      forClass: draft.classOnly
        ? { graduationYear: classYear, departmentId: draft.classDepartmentId, className: draft.className.trim() }
        : null,
    },
    problems,
  };
}

/** A sponsor's payment as staff type it. */
export interface MatchPaymentDraft {
  amountYuan: string;
  receivedOn: string;
  reference: string;
}

export function emptyMatchPaymentDraft(now: Date = new Date()): MatchPaymentDraft {
  return { amountYuan: '', receivedOn: formatShanghaiDateTime(now.toISOString()).slice(0, 10), reference: '' };
}

export function toMatchPaymentRequest(
  draft: MatchPaymentDraft,
  now: Date = new Date(),
): { request: CreateMatchPaymentRequest | null; problem: string | null } {
  const amountFen = parseYuanToFen(draft.amountYuan);
  if (amountFen === null || amountFen === 0) return { request: null, problem: '请填写到账金额（元），最多两位小数' };
  const receivedOn = draft.receivedOn.trim();
  const day = /^\d{4}-\d\d-\d\d$/.test(receivedOn) ? parseShanghaiTime(`${receivedOn} 00:00`) : null;
  if (day === null) return { request: null, problem: '到账日期格式为 2026-11-20' };
  if (Date.parse(day) > now.getTime()) return { request: null, problem: '到账日期不能晚于今天' };
  if (draft.reference.trim() === '') return { request: null, problem: '请填写银行回单号或凭证号' };
  return { request: { amountFen: amountFen!, receivedOn, reference: draft.reference.trim() }, problem: null };
}
