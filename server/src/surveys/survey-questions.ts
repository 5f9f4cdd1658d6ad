import { SURVEY_LIMITS, type SurveyAnswer, type SurveyQuestionDto, type SurveyQuestionInput } from '@alumni/shared';
import { AppError } from '../common/app-error.js';

const same = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/**
 * A draft's questions checked as a whole and numbered: `q1`, `q2`… in order. Choice questions
 * need 2–20 different options; a scale has whole-number ends within 0–10, low to high.
 */
export function numberQuestions(inputs: SurveyQuestionInput[]): SurveyQuestionDto[] {
  return inputs.map((input, i) => {
    const problem = (issue: string) => new AppError('SURVEY_QUESTIONS_INVALID', [{ field: `questions.${i}`, issue }]);
    const choice = input.kind === 'single' || input.kind === 'multiple';
    const options = choice ? (input.options ?? []) : [];
    if (choice) {
      if (options.length < SURVEY_LIMITS.minOptions || options.length > SURVEY_LIMITS.maxOptions) {
        throw problem(`a choice question has ${SURVEY_LIMITS.minOptions}–${SURVEY_LIMITS.maxOptions} options`);
      }
      if (new Set(options.map(same)).size !== options.length) throw problem('two options have the same text');
    } else if ((input.options ?? []).length > 0) {
      throw problem('only a choice question has options');
    }
    let maxChoices: number | null = null;
    if (input.kind === 'multiple' && input.maxChoices != null) {
      if (input.maxChoices < 2 || input.maxChoices > options.length) throw problem(`maxChoices lies between 2 and ${options.length}`);
      maxChoices = input.maxChoices;
    }
    let scaleMin: number | null = null;
    let scaleMax: number | null = null;
    if (input.kind === 'scale') {
      scaleMin = input.scaleMin ?? 1;
      scaleMax = input.scaleMax ?? 5;
      if (scaleMin >= scaleMax) throw problem('scaleMin must be below scaleMax');
    }
    return {
      key: `q${i + 1}`,
      number: i + 1,
      kind: input.kind,
      title: input.title,
      required: input.required,
      options,
      maxChoices,
      scaleMin,
      scaleMax,
      minLabel: input.kind === 'scale' ? (input.minLabel ?? null) : null,
      maxLabel: input.kind === 'scale' ? (input.maxLabel ?? null) : null,
    };
  });
}

/** Whether an answer says nothing (an empty text or selection counts as unanswered). */
const blank = (answer: SurveyAnswer | undefined) =>
  answer === undefined || (typeof answer === 'string' && answer.trim() === '') || (Array.isArray(answer) && answer.length === 0);

/** The problem with one answer to one question, or null when it is a proper answer. */
export function answerProblem(question: SurveyQuestionDto, answer: SurveyAnswer): string | null {
  const option = (n: unknown) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= question.options.length;
  switch (question.kind) {
    case 'single':
      return option(answer) ? null : `answer with one option number 1–${question.options.length}`;
    case 'multiple': {
      if (!Array.isArray(answer) || !answer.every(option)) return `answer with option numbers 1–${question.options.length}`;
      if (new Set(answer).size !== answer.length) return 'an option is chosen twice';
      return question.maxChoices !== null && answer.length > question.maxChoices ? `choose at most ${question.maxChoices}` : null;
    }
    case 'scale':
      return Number.isInteger(answer) && (answer as number) >= question.scaleMin! && (answer as number) <= question.scaleMax!
        ? null
        : `answer with a whole number ${question.scaleMin}–${question.scaleMax}`;
    case 'text':
      return typeof answer !== 'string'
        ? 'answer with text'
        : [...answer.trim()].length > SURVEY_LIMITS.textAnswer
          ? `at most ${SURVEY_LIMITS.textAnswer} characters`
          : null;
  }
}

/**
 * The answers of one response checked against the questionnaire: every problem named (by
 * question number) in SURVEY_ANSWER_INVALID, else the answers kept (blank ones dropped, texts
 * trimmed, choices in order) and whether every required question was answered.
 */
export function checkAnswers(
  questions: SurveyQuestionDto[],
  answers: Record<string, SurveyAnswer>,
): { answers: Record<string, SurveyAnswer>; complete: boolean } {
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const problems = Object.keys(answers)
    .filter((key) => !byKey.has(key))
    .map((key) => ({ field: `answers.${key}`, issue: 'no question has this key' }));
  const kept: Record<string, SurveyAnswer> = {};
  for (const question of questions) {
    const answer = answers[question.key];
    if (blank(answer)) continue;
    const problem = answerProblem(question, answer!);
    if (problem) problems.push({ field: `answers.${question.key}`, issue: `question ${question.number}: ${problem}` });
    else kept[question.key] = tidy(answer!);
  }
  if (problems.length > 0) throw new AppError('SURVEY_ANSWER_INVALID', problems);
  return { answers: kept, complete: isComplete(questions, kept) };
}

export function isComplete(questions: SurveyQuestionDto[], answers: Record<string, SurveyAnswer>): boolean {
  return questions.every((q) => !q.required || !blank(answers[q.key]));
}

function tidy(answer: SurveyAnswer): SurveyAnswer {
  if (typeof answer === 'string') return answer.trim();
  return Array.isArray(answer) ? [...answer].sort((a, b) => a - b) : answer;
}

/** A spreadsheet cell as an answer: `{}` for an empty cell, the answer, or the problem in the preview's words. */
export function readCell(question: SurveyQuestionDto, cell: string): { answer?: SurveyAnswer; problem?: string } {
  const text = cell.trim();
  if (text === '') return {};
  switch (question.kind) {
    case 'single': {
      const n = optionOf(question, text);
      return n === null ? { problem: `“${text}”不是本题的选项（可填选项序号、字母或选项文字）` } : { answer: n };
    }
    case 'multiple': {
      const whole = optionOf(question, text);
      const tokens = whole !== null ? [text] : text.split(/[,，;；、|/\s]+/).filter(Boolean);
      const numbers = tokens.map((token) => optionOf(question, token));
      const unknown = tokens.filter((_, i) => numbers[i] === null);
      if (unknown.length > 0) return { problem: `“${unknown.join('、')}”不是本题的选项` };
      const answer = [...new Set(numbers as number[])].sort((a, b) => a - b);
      if (question.maxChoices !== null && answer.length > question.maxChoices) return { problem: `本题最多选 ${question.maxChoices} 项` };
      return { answer };
    }
    case 'scale': {
      const match = /^(-?\d+)\s*分?$/.exec(text.normalize('NFKC'));
      const n = match ? Number(match[1]) : NaN;
      return n >= question.scaleMin! && n <= question.scaleMax!
        ? { answer: n }
        : { problem: `请填 ${question.scaleMin}–${question.scaleMax} 的整数` };
    }
    case 'text':
      return [...text].length > SURVEY_LIMITS.textAnswer ? { problem: `回答超过 ${SURVEY_LIMITS.textAnswer} 字` } : { answer: text };
  }
}

/** An option named by its text, its number (`2`) or its letter (`B`); null when none fits. */
function optionOf(question: SurveyQuestionDto, token: string): number | null {
  const wanted = same(token);
  const byText = question.options.findIndex((option) => same(option) === wanted);
  if (byText !== -1) return byText + 1;
  const normal = token.normalize('NFKC').trim();
  if (/^\d+$/.test(normal)) {
    const n = Number(normal);
    return n >= 1 && n <= question.options.length ? n : null;
  }
  if (/^[A-Za-z]$/.test(normal)) {
    const n = normal.toUpperCase().charCodeAt(0) - 64;
    return n <= question.options.length ? n : null;
  }
  return null;
}

/** An option's letter, as paper questionnaires print it: 1 → A. */
export const optionLetter = (n: number) => String.fromCharCode(64 + n);
