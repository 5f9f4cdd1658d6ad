import {
  formatFen,
  formatShanghaiDateTime,
  type GivingDayChallengeDto,
  type GivingDayChallengeInput,
  type GivingDayDto,
  type GivingDayInput,
  type GivingDayMetric,
  parseYuanToFen,
} from '@alumni/shared';
import { parseShanghaiTime } from '../events-editor/editor-form';

/** A giving day as staff type it: amounts in yuan, times as `2026-12-20 14:00` (Beijing). */
export interface GivingDayDraft {
  title: string;
  summary: string;
  startsAt: string;
  endsAt: string;
  goalYuan: string;
  goalDonors: string;
  campaignIds: string[];
  /** 参与人数解锁: empty target = none. */
  unlockDonors: string;
  unlockBonusYuan: string;
  unlockSponsor: string;
  classChallenge: GivingDayMetric | null;
  departmentChallenge: GivingDayMetric | null;
}

export type GivingDayProblems = Partial<
  Record<'title' | 'startsAt' | 'endsAt' | 'goalYuan' | 'goalDonors' | 'campaignIds' | 'unlock', string>
>;

/** Tomorrow, 00:00 to 24:00 Beijing time, with a class challenge by donors. */
export function emptyGivingDayDraft(now: Date = new Date()): GivingDayDraft {
  const tomorrow = formatShanghaiDateTime(new Date(now.getTime() + 86_400_000).toISOString()).slice(0, 10);
  const after = formatShanghaiDateTime(new Date(now.getTime() + 2 * 86_400_000).toISOString()).slice(0, 10);
  return {
    title: '',
    summary: '',
    startsAt: `${tomorrow} 00:00`,
    endsAt: `${after} 00:00`,
    goalYuan: '',
    goalDonors: '',
    campaignIds: [],
    unlockDonors: '',
    unlockBonusYuan: '',
    unlockSponsor: '',
    classChallenge: 'donors',
    departmentChallenge: null,
  };
}

/** A day as the form holds it, to edit it (the form shows one challenge of each kind). */
export function draftOfGivingDay(day: GivingDayDto): GivingDayDraft {
  const of = (kind: GivingDayChallengeDto['kind']) => day.challenges.find((c) => c.kind === kind) ?? null;
  const unlock = of('donor_unlock');
  const yuan = (fen: number) => formatFen(fen).replace(/^¥/, '').replace(/,/g, '');
  return {
    title: day.title,
    summary: day.summary,
    startsAt: formatShanghaiDateTime(day.startsAt),
    endsAt: formatShanghaiDateTime(day.endsAt),
    goalYuan: yuan(day.goalFen),
    goalDonors: day.goalDonors === null ? '' : String(day.goalDonors),
    campaignIds: [...day.campaignIds],
    unlockDonors: unlock ? String(unlock.donorTarget) : '',
    unlockBonusYuan: unlock?.bonusFen ? yuan(unlock.bonusFen) : '',
    unlockSponsor: unlock?.sponsorName ?? '',
    classChallenge: of('class_competition')?.metric ?? null,
    departmentChallenge: of('department_competition')?.metric ?? null,
  };
}

const METRIC_WORDS: Record<GivingDayMetric, string> = { donors: '参与人数', amount: '筹款金额' };

/**
 * The request, or the problems to fix first. Editing a day, `editing` is the day as it was: its
 * challenges keep their ids (the server keeps an unlocked challenge only when sent back with
 * its id, unchanged) and its title when its figures did not change, and its status stays unless
 * published now.
 */
export function toGivingDayInput(
  draft: GivingDayDraft,
  publish: boolean,
  editing: GivingDayDto | null = null,
): { input: GivingDayInput | null; problems: GivingDayProblems } {
  const problems: GivingDayProblems = {};
  if (draft.title.trim() === '') problems.title = '请填写捐赠日名称，如“百年校庆捐赠日”';
  const startsAt = parseShanghaiTime(draft.startsAt);
  if (startsAt === null) problems.startsAt = '时间格式为 2026-12-20 14:00';
  const endsAt = parseShanghaiTime(draft.endsAt);
  if (endsAt === null) problems.endsAt = '时间格式为 2026-12-20 14:00';
  else if (startsAt !== null && Date.parse(endsAt) <= Date.parse(startsAt)) problems.endsAt = '结束时间须晚于开始时间';
  const goalFen = parseYuanToFen(draft.goalYuan);
  if (goalFen === null || goalFen === 0) problems.goalYuan = '请填写目标金额（元）';
  const goalDonors = draft.goalDonors.trim() === '' ? null : Number(draft.goalDonors);
  if (goalDonors !== null && (!Number.isInteger(goalDonors) || goalDonors < 1)) problems.goalDonors = '参与人数目标须为正整数，可不填';
  if (publish && draft.campaignIds.length === 0) problems.campaignIds = '发布前请至少选择一个捐赠项目';

  const challenges: GivingDayChallengeInput[] = [];
  if (draft.unlockDonors.trim() !== '') {
    const target = Number(draft.unlockDonors);
    const bonusFen = parseYuanToFen(draft.unlockBonusYuan);
    if (!Number.isInteger(target) || target < 1 || bonusFen === null || bonusFen === 0 || draft.unlockSponsor.trim() === '')
      problems.unlock = '解锁挑战须填写人数、奖励金额（元）和出资方';
    else
      challenges.push({
        kind: 'donor_unlock',
        title: `${target} 位校友参与，解锁 ${draft.unlockSponsor.trim()} ¥${draft.unlockBonusYuan.trim()}`,
        donorTarget: target,
        bonusFen,
        sponsorName: draft.unlockSponsor.trim(),
      });
  }
  if (draft.classChallenge)
    challenges.push({ kind: 'class_competition', title: `班级${METRIC_WORDS[draft.classChallenge]}挑战`, metric: draft.classChallenge });
  if (draft.departmentChallenge)
    challenges.push({
      kind: 'department_competition',
      title: `院系${METRIC_WORDS[draft.departmentChallenge]}挑战`,
      metric: draft.departmentChallenge,
    });

  if (Object.keys(problems).length > 0) return { input: null, problems };
  if (editing)
    for (const challenge of challenges) {
      const was = editing.challenges.find((c) => c.kind === challenge.kind);
      if (!was) continue;
      challenge.id = was.id;
      const same =
        was.metric === (challenge.metric ?? 'donors') &&
        was.donorTarget === (challenge.donorTarget ?? null) &&
        was.bonusFen === (challenge.bonusFen ?? null) &&
        was.sponsorName === (challenge.sponsorName ?? null);
      if (same) challenge.title = was.title;
    }
  return {
    input: {
      title: draft.title.trim(),
      summary: draft.summary.trim(),
      startsAt: startsAt!,
      endsAt: endsAt!,
      goalFen: goalFen!,
      goalDonors,
      campaignIds: draft.campaignIds,
      challenges,
      status: publish ? 'published' : (editing?.status ?? 'draft'),
    },
    problems,
  };
}
