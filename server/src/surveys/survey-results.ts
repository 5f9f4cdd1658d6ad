import {
  percentOf,
  type SurveyAnswer,
  type SurveyColumnDto,
  type SurveyQuestionDto,
  type SurveyQuestionResultDto,
  SURVEY_LIMITS,
} from '@alumni/shared';

/** What tabulation reads of a valid response. */
export interface TabulatedResponse {
  answers: Record<string, SurveyAnswer>;
  attributes: Record<string, string>;
}

/** A respondent without the attribute (an imported row with an empty cell). */
export const NOT_GIVEN = '未填写';

/** Years and other numbers in order, names as a Chinese reader sorts them, the unknown last. */
function columnOrder(a: string, b: string): number {
  if (a === NOT_GIVEN || b === NOT_GIVEN) return a === NOT_GIVEN ? (b === NOT_GIVEN ? 0 : 1) : -1;
  const numeric = /^\d+$/.test(a) && /^\d+$/.test(b);
  return numeric ? Number(a) - Number(b) : a.localeCompare(b, 'zh-Hans-CN');
}

/**
 * Percentage tables of every question, overall and by one respondent attribute (docs/surveys.md,
 * Results): per column, each option's count and its share of the respondents who answered the
 * question; for multiple choice also its share of all choices made (a column summing to 100%);
 * for a scale the mean. Percentages are whole, rounded half up, as printed.
 */
export function tabulate(
  questions: SurveyQuestionDto[],
  responses: TabulatedResponse[],
  by: string | null,
): { columns: SurveyColumnDto[]; questions: SurveyQuestionResultDto[] } {
  const valueOf = (r: TabulatedResponse) => (by === null ? null : r.attributes[by]?.trim() || NOT_GIVEN);
  const values = by === null ? [] : [...new Set(responses.map((r) => valueOf(r)!))].sort(columnOrder);
  const groups: TabulatedResponse[][] = [responses, ...values.map((v) => responses.filter((r) => valueOf(r) === v))];
  const columns: SurveyColumnDto[] = [
    { value: null, label: '全部', respondents: responses.length },
    ...values.map((value, i) => ({ value, label: value, respondents: groups[i + 1]!.length })),
  ];
  return { columns, questions: questions.map((q) => tabulateQuestion(q, groups)) };
}

function tabulateQuestion(question: SurveyQuestionDto, groups: TabulatedResponse[][]): SurveyQuestionResultDto {
  const answersIn = (group: TabulatedResponse[]) => group.map((r) => r.answers[question.key]).filter((a) => a !== undefined);
  const answered = groups.map((g) => answersIn(g).length);
  const base = { key: question.key, number: question.number, kind: question.kind, title: question.title, answered };
  if (question.kind === 'text') {
    const texts = answersIn(groups[0]!).filter((a): a is string => typeof a === 'string');
    return { ...base, choices: null, rows: [], means: null, texts: texts.slice(0, SURVEY_LIMITS.shownTexts) };
  }
  const points =
    question.kind === 'scale'
      ? Array.from({ length: question.scaleMax! - question.scaleMin! + 1 }, (_, i) => question.scaleMin! + i)
      : question.options.map((_, i) => i + 1);
  const chosen = (answer: SurveyAnswer, point: number) => (Array.isArray(answer) ? answer.includes(point) : answer === point);
  const choices =
    question.kind === 'multiple' ? groups.map((g) => answersIn(g).reduce<number>((n, a) => n + (a as number[]).length, 0)) : null;
  const rows = points.map((point) => ({
    label: pointLabel(question, point),
    cells: groups.map((group, col) => {
      const count = answersIn(group).filter((a) => chosen(a, point)).length;
      return {
        count,
        percent: percentOf(count, answered[col]!),
        percentOfChoices: choices ? percentOf(count, choices[col]!) : null,
      };
    }),
  }));
  const means =
    question.kind === 'scale'
      ? groups.map((g) => {
          const values = answersIn(g) as number[];
          return values.length === 0 ? null : Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 10) / 10;
        })
      : null;
  return { ...base, choices, rows, means, texts: null };
}

/** `A. 非常满意`, or a scale point with its end's meaning: `1（非常不满意）`. */
function pointLabel(question: SurveyQuestionDto, point: number): string {
  if (question.kind !== 'scale') return `${String.fromCharCode(64 + point)}. ${question.options[point - 1]}`;
  const end = point === question.scaleMin ? question.minLabel : point === question.scaleMax ? question.maxLabel : null;
  return end ? `${point}（${end}）` : String(point);
}
