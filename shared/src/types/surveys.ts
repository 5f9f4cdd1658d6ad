/**
 * Surveys as association research does them (docs/surveys.md): a questionnaire sent to an
 * audience, responses counted as returned and valid, paper questionnaires imported, results
 * as percentage tables by any respondent attribute, and the sample-size check.
 */
import type { AudienceDto, AudienceSpec } from './audiences.js';

export const SURVEY_LIMITS = {
  title: 60,
  intro: 1000,
  questionTitle: 200,
  optionLabel: 60,
  maxQuestions: 60,
  minOptions: 2,
  maxOptions: 20,
  /** A short-text answer. */
  textAnswer: 200,
  minScale: 0,
  maxScale: 10,
  scaleLabel: 20,
  maxMinSeconds: 3600,
  maxPaperIssued: 1_000_000,
  maxOpenDays: 180,
  /** One import file. */
  maxImportRows: 10_000,
  maxImportBytes: 10 * 1024 * 1024,
  /** Short answers shown on the results page per question (the export has them all). */
  shownTexts: 50,
} as const;

export const SURVEY_QUESTION_KINDS = ['single', 'multiple', 'scale', 'text'] as const;
export type SurveyQuestionKind = (typeof SURVEY_QUESTION_KINDS)[number];
export const SURVEY_QUESTION_KIND_LABELS: Record<SurveyQuestionKind, string> = {
  single: '单选题',
  multiple: '多选题',
  scale: '量表题',
  text: '简答题',
};

export interface SurveyQuestionInput {
  kind: SurveyQuestionKind;
  title: string;
  required: boolean;
  /** Single and multiple choice. */
  options?: string[] | null;
  /** Multiple choice: at most this many (null: any number). */
  maxChoices?: number | null;
  /** Scale: the ends (e.g. 1 and 5) and what they mean. */
  scaleMin?: number | null;
  scaleMax?: number | null;
  minLabel?: string | null;
  maxLabel?: string | null;
}

export interface SurveyQuestionDto {
  /** `q1`, `q2`…: what an answer names; stays with the question. */
  key: string;
  number: number;
  kind: SurveyQuestionKind;
  title: string;
  required: boolean;
  options: string[];
  maxChoices: number | null;
  scaleMin: number | null;
  scaleMax: number | null;
  minLabel: string | null;
  maxLabel: string | null;
}

export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];
export const SURVEY_STATUS_LABELS: Record<SurveyStatus, string> = { draft: '草稿', open: '回收中', closed: '已结束' };

/**
 * What makes a returned response valid. One response per alumnus is always enforced (a second
 * one is refused), so it is not a setting.
 */
export interface SurveyRulesDto {
  /** Every required question answered. */
  requireComplete: boolean;
  /** Not answered faster than this (0: no limit); imported paper responses have no time and pass. */
  minSeconds: number;
}

/** PUT /staff/surveys/:id/rules: the rules and the paper copies handed out, at any time. */
export interface SurveyRulesInput extends SurveyRulesDto {
  paperIssued: number;
}

/** POST and PUT /staff/surveys: the questionnaire (a draft's). */
export interface SurveyInput {
  title: string;
  intro: string;
  questions: SurveyQuestionInput[];
  audience: AudienceSpec;
  closesAt: string;
  rules: SurveyRulesDto;
  paperIssued: number;
}

/** Issued, returned and valid, as association studies report them. */
export interface SurveyCountsDto {
  /** The audience when the survey was sent (online), plus paper copies handed out. */
  issued: number;
  issuedOnline: number;
  paperIssued: number;
  returned: number;
  returnedOnline: number;
  returnedImported: number;
  valid: number;
  /** Returned ÷ issued, whole percent. */
  returnRate: number | null;
  /** Valid ÷ returned, whole percent. */
  validityRate: number | null;
  /** Returned responses that miss a required answer, and online ones answered too fast. */
  incomplete: number;
  tooFast: number;
}

export interface SurveySummaryDto {
  id: string;
  title: string;
  status: SurveyStatus;
  closesAt: string;
  openedAt: string | null;
  audienceLabel: string;
  counts: SurveyCountsDto;
}

export interface SurveyDto extends SurveySummaryDto {
  intro: string;
  questions: SurveyQuestionDto[];
  audience: AudienceDto;
  rules: SurveyRulesDto;
  paperIssued: number;
  createdAt: string;
}

/** GET /surveys/:id: the questionnaire as an alumnus answers it. */
export interface SurveyForRespondentDto {
  id: string;
  title: string;
  intro: string;
  status: SurveyStatus;
  closesAt: string;
  questions: SurveyQuestionDto[];
  answered: boolean;
  /** Why I cannot answer, in the page's words; null when I can. */
  blockedReason: string | null;
  /** Hand it back with the answers: the server's proof of when I opened the questionnaire. */
  startToken: string | null;
}

/** An answer: an option number (1…) for single choice, option numbers for multiple, a point for a scale, text. */
export type SurveyAnswer = number | number[] | string;

export interface SurveyResponseInput {
  answers: Record<string, SurveyAnswer>;
  startToken: string;
}

export interface SurveyReceiptDto {
  surveyId: string;
  submittedAt: string;
}

/** GET /me/surveys: questionnaires open to me, and those I answered. */
export interface MySurveyDto {
  id: string;
  title: string;
  status: SurveyStatus;
  closesAt: string;
  answered: boolean;
  questionCount: number;
}

// Results

/** The respondent attributes every online response carries; imports may add their own columns. */
export const SURVEY_STANDARD_ATTRIBUTES = ['院系', '毕业年份', '城市'] as const;

export interface SurveyColumnDto {
  /** `null` for the overall column, else the attribute's value. */
  value: string | null;
  label: string;
  /** Valid responses in this column. */
  respondents: number;
}

export interface SurveyCellDto {
  count: number;
  /** Whole percent of respondents in the column who answered the question. */
  percent: number | null;
  /** Multiple choice: whole percent of all choices made in the column. */
  percentOfChoices: number | null;
}

export interface SurveyQuestionResultDto {
  key: string;
  number: number;
  kind: SurveyQuestionKind;
  title: string;
  /** Per column: respondents who answered this question (the base of its percentages). */
  answered: number[];
  /** Multiple choice, per column: choices made. */
  choices: number[] | null;
  /** One row per option or scale point; empty for short text. */
  rows: { label: string; cells: SurveyCellDto[] }[];
  /** Scale, per column: the mean, one decimal. */
  means: (number | null)[] | null;
  /** Short text: the first answers (all of them in the export). */
  texts: string[] | null;
}

export interface SurveyResultsDto {
  surveyId: string;
  /** The attribute of the columns after the overall one, or null for the overall column alone. */
  by: string | null;
  /** Attributes the responses carry, to choose `by` from. */
  attributes: string[];
  columns: SurveyColumnDto[];
  questions: SurveyQuestionResultDto[];
  counts: SurveyCountsDto;
}

// Import of paper and outside questionnaires

export interface SurveyImportProblemDto {
  line: number;
  problems: { column: string; message: string }[];
}

export interface SurveyImportPreviewDto {
  importId: string;
  fileName: string;
  totalRows: number;
  /** Rows with a value that cannot be read: while there is one, the import cannot be committed. */
  problemRows: number;
  /** Readable rows that miss a required answer: they count as returned, not valid. */
  incompleteRows: number;
  /** Every bad row, every problem. */
  problems: SurveyImportProblemDto[];
  /** Which column answers which question. */
  questionColumns: { header: string; questionKey: string; number: number }[];
  /** Respondent attribute columns, under the names results use. */
  attributeColumns: { header: string; attribute: string }[];
  /** Questions no column answers (left unanswered in every row). */
  unansweredQuestions: number[];
  /** Columns read as neither (a row number, an empty header). */
  ignoredColumns: string[];
  sample: { line: number; answers: Record<string, string>; attributes: Record<string, string> }[];
}

export interface SurveyImportCommitDto {
  importId: string;
  insertedRows: number;
  counts: SurveyCountsDto;
}
