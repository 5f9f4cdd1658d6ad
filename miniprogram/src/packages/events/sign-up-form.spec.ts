import { EVENT_LIMITS, type EventQuestion } from '@alumni/shared';
import {
  answerProblems,
  answersToSend,
  attemptFor,
  emptyDraft,
  newIdempotencyKey,
  problemsFromDetails,
  questionFields,
  setText,
  toggleOption,
} from './sign-up-form';

const questions: EventQuestion[] = [
  { id: 'family', kind: 'single', label: '是否携带家属？', required: true, options: ['是', '否'] },
  { id: 'food', kind: 'multiple', label: '饮食偏好', required: false, options: ['素食', '清真', '不吃辣'] },
  { id: 'note', kind: 'text', label: '想对母校说的话', required: false },
  { id: 'class', kind: 'text', label: '班级', required: true },
];

describe('sign-up form', () => {
  it('starts empty: text and single choice as blank text, multiple choice as no options', () => {
    expect(emptyDraft(questions)).toEqual({ family: '', food: [], note: '', class: '' });
  });

  it('renders numbered titles, required marks, hints and options, showing problems only after a try', () => {
    const draft = toggleOption(emptyDraft(questions), questions[1]!, '清真');
    const untried = questionFields(questions, draft, false);
    expect(untried.map((f) => [f.title, f.required, f.hint])).toEqual([
      ['1. 是否携带家属？', true, '单选'],
      ['2. 饮食偏好', false, '可多选'],
      ['3. 想对母校说的话', false, ''],
      ['4. 班级', true, ''],
    ]);
    expect(untried[1]!.options).toEqual([
      { label: '素食', chosen: false },
      { label: '清真', chosen: true },
      { label: '不吃辣', chosen: false },
    ]);
    expect(untried.every((f) => f.problem === null)).toBe(true);
    const tried = questionFields(questions, draft, true);
    expect(tried.map((f) => f.problem)).toEqual(['此题为必答题', null, null, '此题为必答题']);
  });

  it('single choice takes one option and lets it go on a second tap; multiple choice toggles in the options’ order', () => {
    let draft = toggleOption(emptyDraft(questions), questions[0]!, '是');
    draft = toggleOption(draft, questions[0]!, '否');
    expect(draft.family).toBe('否');
    expect(toggleOption(draft, questions[0]!, '否').family).toBe('');
    draft = toggleOption(draft, questions[1]!, '不吃辣');
    draft = toggleOption(draft, questions[1]!, '素食');
    expect(draft.food).toEqual(['素食', '不吃辣']);
    expect(toggleOption(draft, questions[1]!, '素食').food).toEqual(['不吃辣']);
  });

  it('checks answers by the server’s rules, with its codes', () => {
    const answered = { family: '是', food: ['素食'], note: '', class: '计科0601' };
    expect(answerProblems(questions, answered)).toEqual({});
    // Blank text counts as unanswered, as on the server.
    expect(answerProblems(questions, { ...answered, class: '   ' })).toEqual({ class: 'ANSWER_REQUIRED' });
    expect(answerProblems(questions, { ...answered, family: '也许' })).toEqual({ family: 'ANSWER_TYPE_INVALID' });
    expect(answerProblems(questions, { ...answered, food: ['素食', '素食'] })).toEqual({ food: 'ANSWER_TYPE_INVALID' });
    expect(answerProblems(questions, { ...answered, note: '好'.repeat(EVENT_LIMITS.textAnswer + 1) })).toEqual({
      note: 'ANSWER_TOO_LONG',
    });
    // Characters, not UTF-16 units: 500 emoji are 500 characters.
    expect(answerProblems(questions, { ...answered, note: '🎓'.repeat(EVENT_LIMITS.textAnswer) })).toEqual({});
  });

  it('sends trimmed answers and leaves unanswered questions out', () => {
    let draft = setText(emptyDraft(questions), 'class', '  计科0601 ');
    draft = toggleOption(draft, questions[0]!, '否');
    expect(answersToSend(questions, draft)).toEqual({ family: '否', class: '计科0601' });
  });

  it('puts the server’s problems back on the questions it names', () => {
    expect(
      problemsFromDetails('ANSWER_REQUIRED', [
        { field: 'answers.class', issue: 'this question must be answered' },
        { field: 'other', issue: 'x' },
      ]),
    ).toEqual({ class: '此题为必答题' });
    expect(problemsFromDetails('ANSWER_QUESTION_UNKNOWN', [{ field: 'answers.gone', issue: 'no such question' }])).toEqual({
      gone: '请检查此题的回答',
    });
  });

  describe('Idempotency-Key', () => {
    it('has the shape the server accepts', () => {
      const key = newIdempotencyKey();
      expect(key).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
      expect(newIdempotencyKey()).not.toBe(key);
    });

    it('keeps the key when the same answers are sent again, and takes a new one when they changed', () => {
      let n = 0;
      const makeKey = () => `key-${++n}-00000000`;
      const first = attemptFor(null, { family: '是' }, makeKey);
      expect(first.key).toBe('key-1-00000000');
      expect(attemptFor(first, { family: '是' }, makeKey)).toBe(first);
      expect(attemptFor(first, { family: '否' }, makeKey).key).toBe('key-2-00000000');
    });
  });
});
