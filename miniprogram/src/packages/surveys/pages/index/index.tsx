import { formatShanghaiShort, type MySurveyDto, SURVEY_STATUS_LABELS } from '@alumni/shared';
import { Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { listMySurveys } from '../../../../api/surveys';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorState } from '../../../../components/error-state';
import { useLoaded } from '../../../../components/use-loaded';
import { useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import './index.scss';

const load = async (): Promise<{ surveys: MySurveyDto[] }> => ({ surveys: await listMySurveys() });

/** Questionnaires the association sent me: open ones to answer first, then those I answered. */
export default function MySurveysPage() {
  const { state, reload } = useLoaded('mine', load, '');
  useReloadOnReturn(reload);
  if (state.status === 'loading') return <Skeleton rows={8} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  const waiting = state.surveys.filter((s) => s.status === 'open' && !s.answered);
  const rest = state.surveys.filter((s) => !(s.status === 'open' && !s.answered));
  return (
    <View className="my-surveys">
      <Text className="my-surveys__lead">校友会开展的问卷调查，结果用于改进校友工作。每份问卷每人填写一次。</Text>
      {state.surveys.length === 0 ? <EmptyState title="暂时没有发给你的问卷" /> : null}
      {[...waiting, ...rest].map((survey) => (
        <View
          key={survey.id}
          className={`my-survey ${survey.answered ? 'my-survey--answered' : ''}`}
          onClick={() => void Taro.navigateTo({ url: `/packages/surveys/pages/survey/index?id=${encodeURIComponent(survey.id)}` })}
        >
          <Text className="my-survey__title">{survey.title}</Text>
          <Text className="my-survey__meta">
            {survey.questionCount} 题 · {formatShanghaiShort(survey.closesAt)} 截止 ·{' '}
            {survey.answered ? '已填写' : SURVEY_STATUS_LABELS[survey.status]}
          </Text>
          {survey.status === 'open' && !survey.answered ? <Text className="my-survey__go">去填写</Text> : null}
        </View>
      ))}
    </View>
  );
}
