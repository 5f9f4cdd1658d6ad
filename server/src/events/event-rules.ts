import type { ErrorCode, ErrorDetail, EventAudience, EventQuestion, RegistrationAnswers } from '@alumni/shared';
import { EVENT_LIMITS } from '@alumni/shared';
import { AppError } from '../common/app-error.js';
import type { EventEntity } from './event.entity.js';

/** The fields the cross-field rules look at, after a create or a merge of an edit. */
export type EventDraft = Pick<
  EventEntity,
  | 'online'
  | 'onlineUrl'
  | 'venue'
  | 'address'
  | 'latitude'
  | 'longitude'
  | 'startsAt'
  | 'endsAt'
  | 'signupOpensAt'
  | 'signupClosesAt'
  | 'audience'
  | 'questions'
>;

/** Checks the rules class-validator cannot see (they relate several fields); throws the first broken one. */
export function assertEventRules(event: EventDraft): void {
  if (event.endsAt <= event.startsAt) {
    throw new AppError('EVENT_TIME_INVALID', [{ field: 'endsAt', issue: 'endsAt must be after startsAt' }]);
  }
  const { signupOpensAt: opens, signupClosesAt: closes } = event;
  const window: ErrorDetail[] = [];
  if (opens && opens >= event.startsAt) window.push({ field: 'signupOpensAt', issue: 'sign-up must open before the event starts' });
  if (closes && closes > event.startsAt) window.push({ field: 'signupClosesAt', issue: 'sign-up must close by the start of the event' });
  if (opens && closes && closes <= opens) window.push({ field: 'signupClosesAt', issue: 'sign-up must close after it opens' });
  if (window.length > 0) throw new AppError('EVENT_SIGNUP_WINDOW_INVALID', window);

  // An offline event needs its place and address; the coordinates (a map pick) are optional, but come as a pair.
  const halfPair = (event.latitude === null) !== (event.longitude === null);
  const missing = event.online
    ? (['onlineUrl'] as const).filter((f) => !event[f])
    : [
        ...(['venue', 'address'] as const).filter((f) => event[f] === null || event[f] === ''),
        ...(halfPair ? (['latitude', 'longitude'] as const).filter((f) => event[f] === null) : []),
      ];
  if (missing.length > 0) {
    throw new AppError(
      'EVENT_PLACE_REQUIRED',
      missing.map((field) => ({
        field,
        issue:
          halfPair && (field === 'latitude' || field === 'longitude')
            ? 'latitude and longitude go together (or leave both out)'
            : `${field} is required for ${event.online ? 'online' : 'offline'} events`,
      })),
    );
  }
  assertAudienceShape(event.audience);
  assertQuestionShapes(event.questions);
}

function assertAudienceShape(audience: EventAudience): void {
  const problem = (issue: string) => new AppError('EVENT_AUDIENCE_INVALID', [{ field: 'audience', issue }]);
  if (audience.kind === 'group' && !audience.groupId) throw problem('groupId is required for a group audience');
  if (audience.kind === 'graduation_years') {
    const { yearFrom, yearTo } = audience;
    if (yearFrom == null || yearTo == null) throw problem('yearFrom and yearTo are required for a graduation-year audience');
    if (yearFrom > yearTo) throw problem('yearFrom must not be after yearTo');
  }
}

/** Keeps only the fields that mean something for the audience kind. */
export function normaliseAudience(audience: EventAudience): EventAudience {
  switch (audience.kind) {
    case 'group':
      return { kind: 'group', groupId: audience.groupId ?? null };
    case 'graduation_years':
      return { kind: 'graduation_years', yearFrom: audience.yearFrom ?? null, yearTo: audience.yearTo ?? null };
    default:
      return { kind: audience.kind };
  }
}

function assertQuestionShapes(questions: EventQuestion[]): void {
  const problems: ErrorDetail[] = [];
  const ids = new Set<string>();
  questions.forEach((q, i) => {
    const field = `questions.${i}`;
    if (ids.has(q.id)) problems.push({ field: `${field}.id`, issue: `duplicate question id ${q.id}` });
    ids.add(q.id);
    const options = q.options ?? [];
    if (q.kind === 'text' && options.length > 0) problems.push({ field: `${field}.options`, issue: 'a text question has no options' });
    if (q.kind !== 'text' && options.length < 2)
      problems.push({ field: `${field}.options`, issue: 'a choice question needs at least two options' });
    if (new Set(options).size !== options.length) problems.push({ field: `${field}.options`, issue: 'options must be distinct' });
  });
  if (problems.length > 0) throw new AppError('EVENT_QUESTIONS_INVALID', problems);
}

/** Questions as stored: plain objects, `options` only where given (the rules refuse them on text questions). */
export function normaliseQuestions(questions: EventQuestion[]): EventQuestion[] {
  return questions.map(({ id, kind, label, required, options }) =>
    options ? { id, kind, label, required, options } : { id, kind, label, required },
  );
}

/**
 * Checks a sign-up's answers against the event's questions. Every problem is named in the
 * details; the code is that of the first, so clients can branch on one code.
 */
export function validateAnswers(questions: EventQuestion[], answers: RegistrationAnswers): RegistrationAnswers {
  const problems: { code: ErrorCode; detail: ErrorDetail }[] = [];
  const add = (code: ErrorCode, id: string, issue: string) => problems.push({ code, detail: { field: `answers.${id}`, issue } });
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const id of Object.keys(answers)) if (!byId.has(id)) add('ANSWER_QUESTION_UNKNOWN', id, 'no such question');

  const kept: RegistrationAnswers = {};
  for (const q of questions) {
    const answer = answers[q.id];
    const empty =
      answer === undefined ||
      answer === null ||
      (typeof answer === 'string' ? answer.trim() === '' : Array.isArray(answer) && answer.length === 0);
    if (empty) {
      if (q.required) add('ANSWER_REQUIRED', q.id, 'this question must be answered');
      continue;
    }
    const options = new Set(q.options ?? []);
    if (q.kind === 'text') {
      if (typeof answer !== 'string') add('ANSWER_TYPE_INVALID', q.id, 'expected text');
      else if ([...answer.trim()].length > EVENT_LIMITS.textAnswer)
        add('ANSWER_TOO_LONG', q.id, `at most ${EVENT_LIMITS.textAnswer} characters`);
      else kept[q.id] = answer.trim();
    } else if (q.kind === 'single') {
      if (typeof answer !== 'string' || !options.has(answer)) add('ANSWER_TYPE_INVALID', q.id, 'expected one of the options');
      else kept[q.id] = answer;
    } else if (
      !Array.isArray(answer) ||
      !answer.every((a) => typeof a === 'string' && options.has(a)) ||
      new Set(answer).size !== answer.length
    ) {
      add('ANSWER_TYPE_INVALID', q.id, 'expected distinct options');
    } else {
      kept[q.id] = answer;
    }
  }
  if (problems.length > 0)
    throw new AppError(
      problems[0]!.code,
      problems.map((p) => p.detail),
    );
  return kept;
}
