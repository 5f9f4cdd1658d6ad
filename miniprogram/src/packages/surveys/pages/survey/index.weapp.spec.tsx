import type { SurveyForRespondentDto } from '@alumni/shared';
import { fireEvent, render, screen } from '@testing-library/react';
import { network, page, settled, signIn, tapTwice, until } from '../../../../../test/weapp/wx';
import AnswerSurveyPage from './index';

const survey: SurveyForRespondentDto = {
  id: 'sv1',
  title: '返校日满意度调查',
  intro: '',
  status: 'open',
  closesAt: '2026-12-31T00:00:00.000Z',
  questions: [
    {
      key: 'q1',
      number: 1,
      kind: 'single',
      title: '你会再来参加返校日吗？',
      required: true,
      options: ['会', '不会'],
      maxChoices: null,
      scaleMin: null,
      scaleMax: null,
      minLabel: null,
      maxLabel: null,
    },
  ],
  answered: false,
  blockedReason: null,
  startToken: 'start-1',
};

describe('问卷 in WeChat', () => {
  it('sends the answers once for two taps before the page renders again', async () => {
    signIn({ id: 'me', displayName: '林小雨' });
    page.params = { id: 'sv1' };
    const sent: unknown[] = [];
    network
      .on('GET', '/api/v1/surveys/sv1', () => ({ json: survey }))
      .on('POST', '/api/v1/surveys/sv1/responses', (req) => {
        sent.push(req.json());
        return { status: 201, json: { surveyId: 'sv1', submittedAt: '2026-12-07T02:00:00.000Z' } };
      });
    render(<AnswerSurveyPage />);
    fireEvent.click(await until(() => screen.getByText('会')));
    const submit = screen.getByText('提交问卷');
    tapTwice(submit);
    await settled();
    await until(() => screen.getByText('已提交，感谢你的参与！'));
    expect(sent).toEqual([{ answers: { q1: 1 }, startToken: 'start-1' }]);
  });
});
