import type { SurveyAnswer, SurveyQuestionDto } from '@alumni/shared';

/** What the form holds for each question while the alumnus answers: option numbers, a scale point, text. */
export type Draft = Record<string, number[] | number | string | undefined>;

/** The number of the first required question left unanswered, or null when every one is answered. */
export function firstMissing(questions: SurveyQuestionDto[], draft: Draft): number | null {
  const missing = questions.find((q) => q.required && answerOf(q, draft[q.key]) === undefined);
  return missing ? missing.number : null;
}

/** The answers as the server reads them: unanswered questions are left out, text is trimmed. */
export function answersOf(questions: SurveyQuestionDto[], draft: Draft): Record<string, SurveyAnswer> {
  const answers: Record<string, SurveyAnswer> = {};
  for (const question of questions) {
    const answer = answerOf(question, draft[question.key]);
    if (answer !== undefined) answers[question.key] = answer;
  }
  return answers;
}

function answerOf(question: SurveyQuestionDto, value: Draft[string]): SurveyAnswer | undefined {
  switch (question.kind) {
    case 'single':
      return Array.isArray(value) && value.length === 1 ? value[0] : undefined;
    case 'multiple':
      return Array.isArray(value) && value.length > 0 ? [...value].sort((a, b) => a - b) : undefined;
    case 'scale':
      return typeof value === 'number' ? value : undefined;
    case 'text':
      return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  }
}

/** The points of a scale question, its lower end first. */
export function scalePoints(question: SurveyQuestionDto): number[] {
  const from = question.scaleMin ?? 1;
  const to = question.scaleMax ?? 5;
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
