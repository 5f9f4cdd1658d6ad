import type { SurveyQuestionDto } from '@alumni/shared';
import { NOT_GIVEN, type TabulatedResponse, tabulate } from './survey-results.js';

const question = (overrides: Partial<SurveyQuestionDto>): SurveyQuestionDto => ({
  key: 'q1',
  number: 1,
  kind: 'single',
  title: '题目',
  required: true,
  options: [],
  maxChoices: null,
  scaleMin: null,
  scaleMax: null,
  minLabel: null,
  maxLabel: null,
  ...overrides,
});

describe('tabulate', () => {
  const single = question({ key: 'q1', options: ['满意', '一般', '不满意'] });
  const multiple = question({ key: 'q2', number: 2, kind: 'multiple', options: ['返校', '讲座', '捐赠'] });
  const scale = question({ key: 'q3', number: 3, kind: 'scale', scaleMin: 1, scaleMax: 5, minLabel: '很差', maxLabel: '很好' });
  const responses: TabulatedResponse[] = [
    { answers: { q1: 1, q2: [1, 2], q3: 5 }, attributes: { 院系: '机械工程学院' } },
    { answers: { q1: 1, q2: [1], q3: 4 }, attributes: { 院系: '机械工程学院' } },
    { answers: { q1: 2, q2: [1, 2, 3] }, attributes: { 院系: '经济管理学院' } },
    { answers: { q2: [3] }, attributes: {} },
  ];

  it('counts each option overall and by college, as whole percents of those who answered', () => {
    const { columns, questions } = tabulate([single], responses, '院系');
    expect(columns.map((c) => [c.label, c.respondents])).toEqual([
      ['全部', 4],
      ['机械工程学院', 2],
      ['经济管理学院', 1],
      [NOT_GIVEN, 1],
    ]);
    const [q] = questions;
    expect(q!.answered).toEqual([3, 2, 1, 0]);
    expect(q!.rows.map((r) => [r.label, r.cells.map((c) => [c.count, c.percent])])).toEqual([
      [
        'A. 满意',
        [
          [2, 67],
          [2, 100],
          [0, 0],
          [0, null],
        ],
      ],
      [
        'B. 一般',
        [
          [1, 33],
          [0, 0],
          [1, 100],
          [0, null],
        ],
      ],
      [
        'C. 不满意',
        [
          [0, 0],
          [0, 0],
          [0, 0],
          [0, null],
        ],
      ],
    ]);
  });

  it('gives multiple choice both the share of respondents and the share of all choices', () => {
    const [q] = tabulate([multiple], responses, null).questions;
    // 4 respondents made 7 choices: 返校 3 (75% of respondents, 43% of choices), 讲座 2, 捐赠 2.
    expect(q!.choices).toEqual([7]);
    expect(q!.rows.map((r) => [r.cells[0]!.count, r.cells[0]!.percent, r.cells[0]!.percentOfChoices])).toEqual([
      [3, 75, 43],
      [2, 50, 29],
      [2, 50, 29],
    ]);
  });

  it('lists every scale point with its meaning and the mean', () => {
    const [q] = tabulate([scale], responses, null).questions;
    expect(q!.rows.map((r) => r.label)).toEqual(['1（很差）', '2', '3', '4', '5（很好）']);
    expect(q!.means).toEqual([4.5]);
  });

  it('orders years as numbers', () => {
    const byYear = [2016, 2009, 2012].map((year) => ({ answers: { q1: 1 }, attributes: { 毕业年份: String(year) } }));
    expect(tabulate([single], byYear, '毕业年份').columns.map((c) => c.label)).toEqual(['全部', '2009', '2012', '2016']);
  });
});
