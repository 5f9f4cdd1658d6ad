import {
  formatShanghaiDateTime,
  SURVEY_LIMITS,
  type SurveyDto,
  type SurveyInput,
  type SurveyQuestionInput,
  type SurveyQuestionKind,
} from '@alumni/shared';
import { type AudienceDraft, audienceDraftOf, audienceOf, EMPTY_AUDIENCE } from '../../audience-form';
import { parseShanghaiTime } from '../events-editor/editor-form';

/** A question as the editor holds it: options one per line, numbers as text. */
export interface QuestionDraft {
  kind: SurveyQuestionKind;
  title: string;
  required: boolean;
  optionsText: string;
  maxChoices: string;
  scaleMin: string;
  scaleMax: string;
  minLabel: string;
  maxLabel: string;
}

/** A questionnaire as the editor holds it: the closing time as `2026-12-31 18:00` (Beijing). */
export interface SurveyDraft {
  title: string;
  intro: string;
  questions: QuestionDraft[];
  audience: AudienceDraft;
  closesAt: string;
  requireComplete: boolean;
  minSeconds: string;
  paperIssued: string;
}

export type SurveyProblems = Partial<Record<'title' | 'audience' | 'closesAt' | 'minSeconds' | 'paperIssued' | `q${number}`, string>>;

export function newQuestion(kind: SurveyQuestionKind): QuestionDraft {
  return {
    kind,
    title: '',
    required: true,
    optionsText: '',
    maxChoices: '',
    scaleMin: '1',
    scaleMax: '5',
    minLabel: kind === 'scale' ? '非常不满意' : '',
    maxLabel: kind === 'scale' ? '非常满意' : '',
  };
}

export function emptySurveyDraft(now: Date = new Date()): SurveyDraft {
  const day = new Date(Math.ceil(now.getTime() / 3600_000) * 3600_000 + 14 * 86_400_000);
  return {
    title: '',
    intro: '',
    questions: [newQuestion('single')],
    audience: EMPTY_AUDIENCE,
    closesAt: formatShanghaiDateTime(day.toISOString()),
    requireComplete: true,
    minSeconds: '30',
    paperIssued: '0',
  };
}

export function draftOfSurvey(survey: SurveyDto): SurveyDraft {
  return {
    title: survey.title,
    intro: survey.intro,
    questions: survey.questions.map((q) => ({
      kind: q.kind,
      title: q.title,
      required: q.required,
      optionsText: q.options.join('\n'),
      maxChoices: q.maxChoices === null ? '' : String(q.maxChoices),
      scaleMin: String(q.scaleMin ?? 1),
      scaleMax: String(q.scaleMax ?? 5),
      minLabel: q.minLabel ?? '',
      maxLabel: q.maxLabel ?? '',
    })),
    audience: audienceDraftOf(survey.audience),
    closesAt: formatShanghaiDateTime(survey.closesAt),
    requireComplete: survey.rules.requireComplete,
    minSeconds: String(survey.rules.minSeconds),
    paperIssued: String(survey.paperIssued),
  };
}

const wholeIn = (text: string, min: number, max: number): number | null => {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(value) && value >= min && value <= max ? value : null;
};

function questionOf(draft: QuestionDraft): { question: SurveyQuestionInput | null; problem?: string } {
  const title = draft.title.trim();
  if (title === '') return { question: null, problem: '请填写题目' };
  const base = { kind: draft.kind, title, required: draft.required };
  if (draft.kind === 'single' || draft.kind === 'multiple') {
    const options = draft.optionsText
      .split('\n')
      .map((o) => o.trim())
      .filter(Boolean);
    if (options.length < SURVEY_LIMITS.minOptions) return { question: null, problem: '每行一个选项，至少两个' };
    if (new Set(options).size !== options.length) return { question: null, problem: '选项不能重复' };
    if (options.length > SURVEY_LIMITS.maxOptions) return { question: null, problem: `最多 ${SURVEY_LIMITS.maxOptions} 个选项` };
    if (draft.kind === 'single') return { question: { ...base, options } };
    if (draft.maxChoices.trim() === '') return { question: { ...base, options, maxChoices: null } };
    const maxChoices = wholeIn(draft.maxChoices, 2, options.length);
    if (maxChoices === null) return { question: null, problem: `最多可选须在 2 到 ${options.length} 之间，或留空不限` };
    return { question: { ...base, options, maxChoices } };
  }
  if (draft.kind === 'scale') {
    const scaleMin = wholeIn(draft.scaleMin, SURVEY_LIMITS.minScale, SURVEY_LIMITS.maxScale);
    const scaleMax = wholeIn(draft.scaleMax, SURVEY_LIMITS.minScale, SURVEY_LIMITS.maxScale);
    if (scaleMin === null || scaleMax === null || scaleMin >= scaleMax)
      return { question: null, problem: '量表两端为 0–10 的整数，左小右大' };
    return { question: { ...base, scaleMin, scaleMax, minLabel: draft.minLabel.trim() || null, maxLabel: draft.maxLabel.trim() || null } };
  }
  return { question: base };
}

/** The request, or what to fix; problems of questions are keyed `q1`, `q2`… by their number. */
export function surveyInputOf(draft: SurveyDraft): { input: SurveyInput | null; problems: SurveyProblems } {
  const problems: SurveyProblems = {};
  const title = draft.title.trim();
  if (title === '') problems.title = '请填写问卷标题';
  const questions: SurveyQuestionInput[] = [];
  draft.questions.forEach((q, i) => {
    const { question, problem } = questionOf(q);
    if (question) questions.push(question);
    else problems[`q${i + 1}`] = problem;
  });
  const { audience, problem } = audienceOf(draft.audience);
  if (problem) problems.audience = problem;
  const closesAt = parseShanghaiTime(draft.closesAt);
  if (!closesAt) problems.closesAt = '格式如 2026-12-31 18:00';
  const minSeconds = wholeIn(draft.minSeconds, 0, SURVEY_LIMITS.maxMinSeconds);
  if (minSeconds === null) problems.minSeconds = `0 到 ${SURVEY_LIMITS.maxMinSeconds} 秒`;
  const paperIssued = wholeIn(draft.paperIssued, 0, SURVEY_LIMITS.maxPaperIssued);
  if (paperIssued === null) problems.paperIssued = '请填写发放的纸质问卷份数（没有填 0）';
  if (Object.keys(problems).length > 0 || questions.length === 0 || !audience || !closesAt || minSeconds === null || paperIssued === null)
    return { input: null, problems };
  return {
    input: {
      title,
      intro: draft.intro.trim(),
      questions,
      audience,
      closesAt,
      rules: { requireComplete: draft.requireComplete, minSeconds },
      paperIssued,
    },
    problems,
  };
}
