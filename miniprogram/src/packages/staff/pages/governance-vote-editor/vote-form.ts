import {
  formatShanghaiDateTime,
  GOVERNANCE_LIMITS,
  type VoteChoice,
  type VoteDto,
  type VoteInput,
  type VotePurpose,
  type VoteResultsVisibility,
} from '@alumni/shared';
import { type AudienceDraft, audienceDraftOf, audienceOf, EMPTY_AUDIENCE } from '../../audience-form';
import { parseShanghaiTime } from '../events-editor/editor-form';

/** An option as typed; `candidateId` carries over from a loaded election. */
export interface OptionDraft {
  label: string;
  description: string;
  candidateId: string | null;
}

/** A vote as the editor holds it: times as `2026-12-20 14:00` (Beijing), numbers as text. */
export interface VoteDraft {
  title: string;
  description: string;
  purpose: VotePurpose;
  choice: VoteChoice;
  maxChoices: string;
  options: OptionDraft[];
  audience: AudienceDraft;
  opensAt: string;
  closesAt: string;
  resultsVisibility: VoteResultsVisibility;
  secret: boolean;
}

export type VoteProblems = Partial<Record<'title' | 'options' | 'maxChoices' | 'audience' | 'opensAt' | 'closesAt' | 'secret', string>>;

export const blankOption = (): OptionDraft => ({ label: '', description: '', candidateId: null });

/** A new vote opens now (publishing opens it at once) and runs a week. */
export function emptyVoteDraft(now: Date = new Date()): VoteDraft {
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  return {
    title: '',
    description: '',
    purpose: 'poll',
    choice: 'single',
    maxChoices: '2',
    options: [blankOption(), blankOption()],
    audience: EMPTY_AUDIENCE,
    opensAt: formatShanghaiDateTime(minute.toISOString()),
    closesAt: formatShanghaiDateTime(new Date(minute.getTime() + 7 * 86_400_000).toISOString()),
    resultsVisibility: 'after_close',
    secret: true,
  };
}

export function draftOfVote(vote: VoteDto): VoteDraft {
  return {
    title: vote.title,
    description: vote.description,
    purpose: vote.purpose,
    choice: vote.choice,
    maxChoices: String(vote.maxChoices),
    options: vote.options.map((o) => ({ label: o.label, description: o.description ?? '', candidateId: o.candidateId })),
    audience: audienceDraftOf(vote.audience),
    opensAt: formatShanghaiDateTime(vote.opensAt),
    closesAt: formatShanghaiDateTime(vote.closesAt),
    resultsVisibility: vote.resultsVisibility,
    secret: vote.secret,
  };
}

/** The request, or what to fix first; the server checks the rest (candidates, the 90-day window). */
export function voteInputOf(draft: VoteDraft): { input: VoteInput | null; problems: VoteProblems } {
  const problems: VoteProblems = {};
  const title = draft.title.trim();
  if (title === '') problems.title = '请填写标题';
  const options = draft.options
    .map((o) => ({ ...o, label: o.label.trim(), description: o.description.trim() }))
    .filter((o) => o.label !== '');
  const labels = new Set(options.map((o) => o.label));
  if (options.length < GOVERNANCE_LIMITS.minOptions) problems.options = `至少填写 ${GOVERNANCE_LIMITS.minOptions} 个选项`;
  else if (labels.size !== options.length) problems.options = '选项名称不能重复';
  const maxChoices = Number(draft.maxChoices);
  if (draft.choice === 'multiple' && !(Number.isInteger(maxChoices) && maxChoices >= 2 && maxChoices <= options.length))
    problems.maxChoices = `最多可选 2 到 ${Math.max(2, options.length)} 项`;
  const { audience, problem } = audienceOf(draft.audience);
  if (problem) problems.audience = problem;
  const opensAt = parseShanghaiTime(draft.opensAt);
  const closesAt = parseShanghaiTime(draft.closesAt);
  if (!opensAt) problems.opensAt = '格式如 2026-12-20 09:00';
  if (!closesAt) problems.closesAt = '格式如 2026-12-27 18:00';
  else if (opensAt && closesAt <= opensAt) problems.closesAt = '结束时间须晚于开始时间';
  if (draft.secret && draft.resultsVisibility === 'live') problems.secret = '无记名投票只能在结束后公布结果';
  if (Object.keys(problems).length > 0 || !audience || !opensAt || !closesAt) return { input: null, problems };
  return {
    input: {
      title,
      description: draft.description.trim(),
      purpose: draft.purpose,
      choice: draft.choice,
      maxChoices: draft.choice === 'multiple' ? maxChoices : null,
      options: options.map((o) => ({ label: o.label, description: o.description || null, candidateId: o.candidateId })),
      audience,
      opensAt,
      closesAt,
      resultsVisibility: draft.resultsVisibility,
      secret: draft.secret,
    },
    problems,
  };
}
