import { EVENT_LIMITS, type ErrorDetail, type EventQuestion, type RegistrationAnswers } from '@alumni/shared';

/** What the form holds while the alumnus answers: text as typed, one option, or several. */
export type AnswerDraft = Record<string, string | string[]>;

/** The codes the server answers a bad sign-up with; the form checks the same rules first. */
export type AnswerProblemCode = 'ANSWER_REQUIRED' | 'ANSWER_TYPE_INVALID' | 'ANSWER_TOO_LONG';

export const ANSWER_PROBLEM_MESSAGES: Record<AnswerProblemCode, string> = {
  ANSWER_REQUIRED: '此题为必答题',
  ANSWER_TYPE_INVALID: '请从给出的选项中选择',
  ANSWER_TOO_LONG: `最多 ${EVENT_LIMITS.textAnswer} 个字`,
};

/** One question as the form draws it. */
export interface QuestionField {
  id: string;
  kind: EventQuestion['kind'];
  /** "1. 是否携带家属？" */
  title: string;
  required: boolean;
  /** Text questions: the text; choice questions: '' */
  text: string;
  options: { label: string; chosen: boolean }[];
  /** "单选" / "可多选" / "" for text. */
  hint: string;
  /** Characters typed, for the counter under a text answer. */
  length: number;
  problem: string | null;
}

/** Characters as the server counts them (code points, so an emoji is one). */
const length = (text: string) => [...text.trim()].length;

export function emptyDraft(questions: EventQuestion[]): AnswerDraft {
  return Object.fromEntries(questions.map((q) => [q.id, q.kind === 'multiple' ? [] : '']));
}

export function setText(draft: AnswerDraft, id: string, text: string): AnswerDraft {
  return { ...draft, [id]: text };
}

/** A tap on an option: single choice takes it (or lets it go), multiple choice toggles it, keeping the options' order. */
export function toggleOption(draft: AnswerDraft, question: EventQuestion, option: string): AnswerDraft {
  if (question.kind === 'single') return { ...draft, [question.id]: draft[question.id] === option ? '' : option };
  const chosen = new Set(Array.isArray(draft[question.id]) ? (draft[question.id] as string[]) : []);
  if (chosen.has(option)) chosen.delete(option);
  else chosen.add(option);
  return { ...draft, [question.id]: (question.options ?? []).filter((o) => chosen.has(o)) };
}

function isEmpty(answer: string | string[] | undefined): boolean {
  return answer === undefined || (typeof answer === 'string' ? answer.trim() === '' : answer.length === 0);
}

/** The problem with one answer, by the server's rules (event-rules.ts validateAnswers), or null. */
export function answerProblem(question: EventQuestion, answer: string | string[] | undefined): AnswerProblemCode | null {
  if (isEmpty(answer)) return question.required ? 'ANSWER_REQUIRED' : null;
  const options = new Set(question.options ?? []);
  if (question.kind === 'text') {
    if (typeof answer !== 'string') return 'ANSWER_TYPE_INVALID';
    return length(answer) > EVENT_LIMITS.textAnswer ? 'ANSWER_TOO_LONG' : null;
  }
  if (question.kind === 'single') return typeof answer === 'string' && options.has(answer) ? null : 'ANSWER_TYPE_INVALID';
  return Array.isArray(answer) && answer.every((a) => options.has(a)) && new Set(answer).size === answer.length
    ? null
    : 'ANSWER_TYPE_INVALID';
}

/** Every question's problem, by question id; empty when the form may be sent. */
export function answerProblems(questions: EventQuestion[], draft: AnswerDraft): Record<string, AnswerProblemCode> {
  const problems: Record<string, AnswerProblemCode> = {};
  for (const q of questions) {
    const problem = answerProblem(q, draft[q.id]);
    if (problem) problems[q.id] = problem;
  }
  return problems;
}

/** The model the page renders. Problems show only once the alumnus tried to send (`showProblems`). */
export function questionFields(questions: EventQuestion[], draft: AnswerDraft, showProblems: boolean): QuestionField[] {
  return questions.map((q, index) => {
    const answer = draft[q.id];
    const problem = showProblems ? answerProblem(q, answer) : null;
    return {
      id: q.id,
      kind: q.kind,
      title: `${index + 1}. ${q.label}`,
      required: q.required,
      text: q.kind === 'text' && typeof answer === 'string' ? answer : '',
      options: (q.options ?? []).map((label) => ({
        label,
        chosen: Array.isArray(answer) ? answer.includes(label) : answer === label,
      })),
      hint: q.kind === 'single' ? '单选' : q.kind === 'multiple' ? '可多选' : '',
      length: typeof answer === 'string' ? length(answer) : 0,
      problem: problem && ANSWER_PROBLEM_MESSAGES[problem],
    };
  });
}

/** The answers as POST /events/:id/registrations takes them: trimmed, unanswered questions left out. */
export function answersToSend(questions: EventQuestion[], draft: AnswerDraft): RegistrationAnswers {
  const answers: RegistrationAnswers = {};
  for (const q of questions) {
    const answer = draft[q.id];
    if (isEmpty(answer)) continue;
    answers[q.id] = typeof answer === 'string' ? answer.trim() : answer!;
  }
  return answers;
}

/**
 * The server's details name fields `answers.<id>` (its issues are English, for developers);
 * this marks those questions in the form, in the words of the error's code.
 */
export function problemsFromDetails(code: string, details: ErrorDetail[]): Record<string, string> {
  const message = ANSWER_PROBLEM_MESSAGES[code as AnswerProblemCode] ?? '请检查此题的回答';
  const problems: Record<string, string> = {};
  for (const detail of details) {
    if (detail.field?.startsWith('answers.')) problems[detail.field.slice('answers.'.length)] = message;
  }
  return problems;
}

/** One submission attempt: the key goes in the Idempotency-Key header. */
export interface SubmissionAttempt {
  key: string;
  body: string;
}

/** 8–64 letters, digits or hyphens, as the server requires. */
export function newIdempotencyKey(now: number = Date.now(), random: () => number = Math.random): string {
  const part = () =>
    Math.floor(random() * 36 ** 8)
      .toString(36)
      .padStart(8, '0');
  return `signup-${now.toString(36)}-${part()}${part()}`;
}

/**
 * The attempt for these answers: sending the same answers again (a retry after a lost
 * answer, a double tap) keeps the key, so the server returns its first answer; changed
 * answers are a new request and get a new key.
 */
export function attemptFor(
  previous: SubmissionAttempt | null,
  answers: RegistrationAnswers,
  makeKey: () => string = newIdempotencyKey,
): SubmissionAttempt {
  const body = JSON.stringify(answers);
  return previous && previous.body === body ? previous : { key: makeKey(), body };
}
