import { emptySurveyDraft, newQuestion, type SurveyDraft, surveyInputOf } from './survey-form';

const filled = (patch: Partial<SurveyDraft> = {}): SurveyDraft => ({
  ...emptySurveyDraft(new Date('2026-12-06T04:10:00Z')),
  title: '2026 年校友发展状况调查',
  questions: [
    { ...newQuestion('single'), title: '您目前所在城市', optionsText: '北京\n上海\n\n广州 ' },
    { ...newQuestion('multiple'), title: '希望母校提供的服务', optionsText: '职业发展\n校友活动\n继续教育', maxChoices: '2' },
    { ...newQuestion('scale'), title: '对校友工作的满意度' },
    { ...newQuestion('text'), title: '其他建议', required: false },
  ],
  ...patch,
});

describe('survey form', () => {
  it('closes in two weeks, counts complete answers given in 30 seconds or more as valid, no paper copies', () => {
    const draft = emptySurveyDraft(new Date('2026-12-06T04:10:00Z'));
    expect(draft.closesAt).toBe('2026-12-20 13:00');
    expect([draft.requireComplete, draft.minSeconds, draft.paperIssued]).toEqual([true, '30', '0']);
  });

  it('sends each kind as the server reads it: options one per line, a choice limit, the scale ends and their words', () => {
    const { input, problems } = surveyInputOf(filled());
    expect(problems).toEqual({});
    expect(input?.questions).toEqual([
      { kind: 'single', title: '您目前所在城市', required: true, options: ['北京', '上海', '广州'] },
      { kind: 'multiple', title: '希望母校提供的服务', required: true, options: ['职业发展', '校友活动', '继续教育'], maxChoices: 2 },
      {
        kind: 'scale',
        title: '对校友工作的满意度',
        required: true,
        scaleMin: 1,
        scaleMax: 5,
        minLabel: '非常不满意',
        maxLabel: '非常满意',
      },
      { kind: 'text', title: '其他建议', required: false },
    ]);
    expect(input?.closesAt).toBe('2026-12-20T05:00:00.000Z');
    expect(input?.rules).toEqual({ requireComplete: true, minSeconds: 30 });
  });

  it('names every question to fix by its number', () => {
    const { input, problems } = surveyInputOf(
      filled({
        questions: [
          { ...newQuestion('single'), title: '只有一个选项', optionsText: '是' },
          { ...newQuestion('multiple'), title: '限选太多', optionsText: '甲\n乙', maxChoices: '3' },
          { ...newQuestion('scale'), title: '反了', scaleMin: '5', scaleMax: '1' },
          { ...newQuestion('text'), title: '  ' },
        ],
        paperIssued: '-1',
      }),
    );
    expect(input).toBeNull();
    expect(Object.keys(problems).sort()).toEqual(['paperIssued', 'q1', 'q2', 'q3', 'q4']);
  });
});
