import type { SurveyQuestionDto } from '@alumni/shared';
import { answersOf, firstMissing, scalePoints } from './answers';

const question = (number: number, kind: SurveyQuestionDto['kind'], required = true): SurveyQuestionDto => ({
  key: `q${number}`,
  number,
  kind,
  title: `问题 ${number}`,
  required,
  options: kind === 'single' || kind === 'multiple' ? ['甲', '乙', '丙'] : [],
  maxChoices: null,
  scaleMin: kind === 'scale' ? 1 : null,
  scaleMax: kind === 'scale' ? 5 : null,
  minLabel: null,
  maxLabel: null,
});

const questions = [question(1, 'single'), question(2, 'multiple'), question(3, 'scale'), question(4, 'text', false)];

describe('survey answers', () => {
  it('names the first required question left unanswered', () => {
    expect(firstMissing(questions, {})).toBe(1);
    expect(firstMissing(questions, { q1: [2], q2: [] })).toBe(2);
    expect(firstMissing(questions, { q1: [2], q2: [3, 1], q3: 4 })).toBeNull();
  });

  it('counts blank text and an emptied multiple choice as unanswered', () => {
    expect(firstMissing([question(1, 'text')], { q1: '   ' })).toBe(1);
    expect(answersOf(questions, { q1: [1], q2: [], q4: '  ' })).toEqual({ q1: 1 });
  });

  it('sends what the server reads: an option number, sorted option numbers, a point, trimmed text', () => {
    expect(answersOf(questions, { q1: [3], q2: [3, 1], q3: 5, q4: ' 很好 ' })).toEqual({ q1: 3, q2: [1, 3], q3: 5, q4: '很好' });
  });

  it('lists a scale from its lower end', () => {
    expect(scalePoints({ ...question(1, 'scale'), scaleMin: 0, scaleMax: 3 })).toEqual([0, 1, 2, 3]);
  });
});
