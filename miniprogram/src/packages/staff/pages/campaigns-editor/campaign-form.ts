import {
  type CampaignDetailDto,
  type CampaignKind,
  type CreateDisbursementRequest,
  DEFAULT_MIN_DONATION_FEN,
  type ErrorDetail,
  formatFenShort,
  formatShanghaiDateTime,
  parseYuanToFen,
} from '@alumni/shared';
import type { CampaignInput } from '../../../../api/campaigns';
import { parseShanghaiTime } from '../events-editor/editor-form';

/** A campaign as the editor holds it: amounts typed in yuan, times as `2026-12-20 14:00` (Beijing time). */
export interface CampaignDraft {
  title: string;
  kind: CampaignKind;
  summary: string;
  story: string;
  coverUrl: string;
  beneficiary: string;
  goalYuan: string;
  unitName: string;
  unitPriceYuan: string;
  /** Amount chips in yuan, separated by spaces or commas: "30 100 500". */
  suggestedYuan: string;
  minYuan: string;
  maxYuan: string;
  startsAt: string;
  endsAt: string;
}

export type CampaignField = keyof CampaignDraft;
export type CampaignProblems = Partial<Record<CampaignField, string>>;

/** Fen as the editor shows them, in yuan: `3000` → `30`, `1250` → `12.50`. */
export const yuan = (fen: number | null) => (fen === null ? '' : formatFenShort(fen).replace(/^¥/, '').replace(/,/g, ''));

export function emptyCampaignDraft(now: Date = new Date()): CampaignDraft {
  return {
    title: '',
    kind: 'sapling',
    summary: '',
    story: '',
    coverUrl: '',
    beneficiary: '',
    goalYuan: '',
    unitName: '棵树苗',
    unitPriceYuan: '30',
    suggestedYuan: '',
    minYuan: yuan(DEFAULT_MIN_DONATION_FEN),
    maxYuan: '',
    startsAt: formatShanghaiDateTime(now.toISOString()),
    endsAt: '',
  };
}

export function draftFromCampaign(c: CampaignDetailDto): CampaignDraft {
  return {
    title: c.title,
    kind: c.kind,
    summary: c.summary,
    story: c.story,
    coverUrl: c.coverUrl ?? '',
    beneficiary: c.beneficiary,
    goalYuan: yuan(c.goalFen),
    unitName: c.unit?.name ?? '',
    unitPriceYuan: yuan(c.unit?.priceFen ?? null),
    suggestedYuan: c.suggestedAmountsFen.map((fen) => yuan(fen)).join(' '),
    minYuan: yuan(c.minAmountFen),
    maxYuan: yuan(c.maxAmountFen),
    startsAt: formatShanghaiDateTime(c.startsAt),
    endsAt: c.endsAt ? formatShanghaiDateTime(c.endsAt) : '',
  };
}

const AMOUNT_HINT = '请填写金额（元），最多两位小数';

/** The campaign as the server takes it, or the problems to fix first (the server's own rules, in the form's words). */
export function toCampaignInput(draft: CampaignDraft): { input: CampaignInput | null; problems: CampaignProblems } {
  const problems: CampaignProblems = {};
  const fen = (field: CampaignField, required: boolean): number | null => {
    const text = draft[field].trim();
    if (text === '') {
      if (required) problems[field] = AMOUNT_HINT;
      return null;
    }
    const value = parseYuanToFen(text);
    if (value === null || value === 0) problems[field] = AMOUNT_HINT;
    return value;
  };

  if (draft.title.trim() === '') problems.title = '请填写项目名称';
  const goalFen = fen('goalYuan', true);
  const minAmountFen = fen('minYuan', false) ?? DEFAULT_MIN_DONATION_FEN;
  const maxAmountFen = fen('maxYuan', false);
  if (maxAmountFen !== null && maxAmountFen < minAmountFen) problems.maxYuan = '单笔上限不能低于单笔下限';

  const unitName = draft.unitName.trim();
  const unitPriceFen = fen('unitPriceYuan', unitName !== '');
  if (unitName === '' && unitPriceFen !== null) problems.unitName = '请填写单位，如“棵树苗”';
  if (draft.kind === 'sapling' && unitName === '') problems.unitName = '植树项目须设置单位，如“棵树苗”';

  const suggested = draft.suggestedYuan
    .split(/[\s,，、]+/)
    .filter(Boolean)
    .map((text) => parseYuanToFen(text));
  if (suggested.some((value) => value === null || value === 0)) problems.suggestedYuan = '推荐金额用空格分隔，如 30 100 500';
  else if (suggested.some((value) => value! < minAmountFen || (maxAmountFen !== null && value! > maxAmountFen)))
    problems.suggestedYuan = '推荐金额须在单笔上下限之间';

  const startsAt = parseShanghaiTime(draft.startsAt);
  if (startsAt === null) problems.startsAt = '时间格式为 2026-12-20 14:00';
  const endsAt = draft.endsAt.trim() === '' ? null : parseShanghaiTime(draft.endsAt);
  if (draft.endsAt.trim() !== '' && endsAt === null) problems.endsAt = '时间格式为 2026-12-20 14:00，不填则长期开放';
  else if (startsAt && endsAt && Date.parse(endsAt) <= Date.parse(startsAt)) problems.endsAt = '结束时间须晚于开始时间';

  const coverUrl = draft.coverUrl.trim();
  if (coverUrl !== '' && !/^https?:\/\/\S+$/.test(coverUrl)) problems.coverUrl = '请填写以 http:// 或 https:// 开头的链接';

  if (Object.keys(problems).length > 0) return { input: null, problems };
  return {
    input: {
      title: draft.title.trim(),
      kind: draft.kind,
      summary: draft.summary.trim(),
      story: draft.story,
      coverUrl: coverUrl === '' ? null : coverUrl,
      goalFen: goalFen!,
      unitName: unitName === '' ? null : unitName,
      unitPriceFen: unitName === '' ? null : unitPriceFen,
      suggestedAmountsFen: suggested as number[],
      minAmountFen,
      maxAmountFen,
      startsAt: startsAt!,
      endsAt,
      beneficiary: draft.beneficiary.trim(),
    },
    problems,
  };
}

/** The server's field names in the editor's terms. */
const SERVER_FIELDS: Record<string, CampaignField> = {
  title: 'title',
  summary: 'summary',
  story: 'story',
  coverUrl: 'coverUrl',
  beneficiary: 'beneficiary',
  goalFen: 'goalYuan',
  unitName: 'unitName',
  unitPriceFen: 'unitPriceYuan',
  suggestedAmountsFen: 'suggestedYuan',
  minAmountFen: 'minYuan',
  maxAmountFen: 'maxYuan',
  startsAt: 'startsAt',
  endsAt: 'endsAt',
};

/** Rule codes that name no field, put where staff fix them. */
const CODE_FIELDS: Record<string, CampaignField> = {
  CAMPAIGN_WINDOW_INVALID: 'endsAt',
  CAMPAIGN_AMOUNTS_INVALID: 'suggestedYuan',
  CAMPAIGN_UNIT_INVALID: 'unitName',
};

/** Puts the server's refusal on the fields it names, in the Chinese message of its code. */
export function problemsFromServer(code: string, message: string, details: ErrorDetail[]): CampaignProblems {
  const problems: CampaignProblems = {};
  for (const { field } of details) {
    const target = field ? SERVER_FIELDS[field.split('.')[0]] : undefined;
    if (target) problems[target] = message;
  }
  if (Object.keys(problems).length === 0 && CODE_FIELDS[code]) problems[CODE_FIELDS[code]] = message;
  return problems;
}

/** A disbursement as staff type it: the day in Beijing time, the amount in yuan. */
export interface DisbursementDraft {
  spentOn: string;
  amountYuan: string;
  purpose: string;
}

export type DisbursementProblems = Partial<Record<keyof DisbursementDraft, string>>;

export function emptyDisbursementDraft(now: Date = new Date()): DisbursementDraft {
  return { spentOn: formatShanghaiDateTime(now.toISOString()).slice(0, 10), amountYuan: '', purpose: '' };
}

/** The request, or the problems to fix first: a real past day, a positive amount, a purpose. */
export function toDisbursementRequest(
  draft: DisbursementDraft,
  now: Date = new Date(),
): { request: CreateDisbursementRequest | null; problems: DisbursementProblems } {
  const problems: DisbursementProblems = {};
  const spentOn = draft.spentOn.trim();
  const day = /^\d{4}-\d\d-\d\d$/.test(spentOn) ? parseShanghaiTime(`${spentOn} 00:00`) : null;
  if (day === null) problems.spentOn = '日期格式为 2026-11-20';
  else if (Date.parse(day) > now.getTime()) problems.spentOn = '日期不能晚于今天';
  const amountFen = parseYuanToFen(draft.amountYuan);
  if (amountFen === null || amountFen === 0) problems.amountYuan = AMOUNT_HINT;
  if (draft.purpose.trim() === '') problems.purpose = '请写明用途，如“在东坡种下 120 棵树苗”';
  if (Object.keys(problems).length > 0) return { request: null, problems };
  return { request: { spentOn, amountFen: amountFen!, purpose: draft.purpose.trim() }, problems };
}
