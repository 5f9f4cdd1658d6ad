import {
  formatShanghaiDateTime,
  SURVEY_LIMITS,
  SURVEY_QUESTION_KIND_LABELS,
  type SurveyForRespondentDto,
  type SurveyQuestionDto,
} from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { useState } from 'react';
import { answerSurvey, getSurveyToAnswer } from '../../../../api/surveys';
import { ErrorState } from '../../../../components/error-state';
import { useSingleFlight } from '../../../../components/use-single-flight';
import { useLoaded } from '../../../../components/use-loaded';
import { answersOf, type Draft, firstMissing, scalePoints } from '../../answers';
import './index.scss';

const load = async (id: string): Promise<{ survey: SurveyForRespondentDto }> => ({ survey: await getSurveyToAnswer(id) });

/** A questionnaire as an alumnus answers it: every question on one page, required ones marked, sent once. */
export default function AnswerSurveyPage() {
  const { params } = useRouter();
  const { state, reload, update } = useLoaded(params.id, load, '问卷不存在');
  const [draft, setDraft] = useState<Draft>({});
  const [missing, setMissing] = useState<number | null>(null);
  const { busy, run } = useSingleFlight();
  // Forwarded as a mini-program card, the questionnaire reaches classmates in the audience.
  useShareAppMessage(() =>
    state.status === 'ready' ? { title: state.survey.title, path: `/packages/surveys/pages/survey/index?id=${state.survey.id}` } : {},
  );

  if (state.status === 'loading') return <Skeleton rows={12} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  const { survey } = state;
  const mayAnswer = survey.blockedReason === null && !survey.answered && survey.startToken !== null;
  const set = (key: string, value: Draft[string]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async () => {
    const first = firstMissing(survey.questions, draft);
    setMissing(first);
    if (first !== null) {
      void Taro.showToast({ title: `第 ${first} 题为必答题`, icon: 'none' });
      return;
    }
    await run(async () => {
      try {
        await answerSurvey(survey.id, { answers: answersOf(survey.questions, draft), startToken: survey.startToken! });
        update({ survey: { ...survey, answered: true, blockedReason: '你已填写过这份问卷' } });
        void Taro.showToast({ title: '提交成功，感谢参与', icon: 'success' });
      } catch {
        // Shown by the request wrapper (closed meanwhile, answered on another phone, …).
      }
    });
  };

  return (
    <View className="answer">
      <View className="answer-head">
        <Text className="answer-head__title">{survey.title}</Text>
        {survey.intro ? <Text className="answer-head__intro">{survey.intro}</Text> : null}
        <Text className="answer-head__meta">{formatShanghaiDateTime(survey.closesAt)} 截止 · 带 * 为必答题</Text>
      </View>
      {survey.answered ? (
        <View className="answer-done">
          <Text className="answer-done__title">已提交，感谢你的参与！</Text>
          <Text className="answer-done__text">问卷结果将用于改进校友会工作。</Text>
        </View>
      ) : survey.blockedReason ? (
        <Text className="answer-blocked">{survey.blockedReason}</Text>
      ) : null}
      {mayAnswer
        ? survey.questions.map((question) => (
            <Question
              key={question.key}
              question={question}
              value={draft[question.key]}
              flagged={missing === question.number}
              onChange={(value) => set(question.key, value)}
            />
          ))
        : null}
      {mayAnswer ? (
        <View className="answer-actions">
          <Button className="answer-submit" type="primary" shape="round" block loading={busy} onClick={() => void submit()}>
            提交问卷
          </Button>
        </View>
      ) : null}
    </View>
  );
}

function Question({
  question,
  value,
  flagged,
  onChange,
}: {
  question: SurveyQuestionDto;
  value: Draft[string];
  flagged: boolean;
  onChange: (value: Draft[string]) => void;
}) {
  const chosen = Array.isArray(value) ? value : [];
  const pick = (number: number) => {
    if (question.kind === 'single') onChange([number]);
    else if (chosen.includes(number)) onChange(chosen.filter((n) => n !== number));
    else if (question.maxChoices === null || chosen.length < question.maxChoices) onChange([...chosen, number]);
    else void Taro.showToast({ title: `最多选择 ${question.maxChoices} 项`, icon: 'none' });
  };
  return (
    <View className={`answer-question answer-question--${question.key} ${flagged ? 'answer-question--flagged' : ''}`}>
      <Text className="answer-question__title">
        {question.required ? <Text className="answer-question__required">* </Text> : null}
        {question.number}. {question.title}
        <Text className="answer-question__kind">
          （{SURVEY_QUESTION_KIND_LABELS[question.kind]}
          {question.kind === 'multiple' && question.maxChoices !== null ? `，最多 ${question.maxChoices} 项` : ''}）
        </Text>
      </Text>
      {question.kind === 'single' || question.kind === 'multiple'
        ? question.options.map((label, index) => {
            const on = chosen.includes(index + 1);
            return (
              <View key={label} className={`answer-option ${on ? 'answer-option--on' : ''}`} onClick={() => pick(index + 1)}>
                <Text className="answer-option__mark">{question.kind === 'single' ? (on ? '◉' : '○') : on ? '☑' : '☐'}</Text>
                <Text>{label}</Text>
              </View>
            );
          })
        : null}
      {question.kind === 'scale' ? (
        <View>
          <View className="answer-scale">
            {scalePoints(question).map((point) => (
              <Text
                key={point}
                className={`answer-scale__point ${value === point ? 'answer-scale__point--on' : ''}`}
                onClick={() => onChange(point)}
              >
                {point}
              </Text>
            ))}
          </View>
          <View className="answer-scale__ends">
            <Text>{question.minLabel ?? ''}</Text>
            <Text>{question.maxLabel ?? ''}</Text>
          </View>
        </View>
      ) : null}
      {question.kind === 'text' ? (
        <Textarea
          className="answer-text"
          value={typeof value === 'string' ? value : ''}
          maxlength={SURVEY_LIMITS.textAnswer}
          placeholder="请填写"
          onInput={(e) => onChange(e.detail.value)}
        />
      ) : null}
    </View>
  );
}
