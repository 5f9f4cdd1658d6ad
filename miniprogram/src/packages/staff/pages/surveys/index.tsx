import { formatPercent, formatShanghaiShort, SURVEY_STATUS_LABELS, type SurveySummaryDto } from '@alumni/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { listStaffSurveys } from '../../../../api/surveys';
import { EmptyState } from '../../../../components/empty-state';
import { StaffRecordList } from '../../record-list';
import '../governance-votes/index.scss';

/** Staff: every survey, drafts included, with issued, returned and valid at a glance; a new questionnaire from the top. */
export default function StaffSurveysPage() {
  return (
    <StaffRecordList<SurveySummaryDto>
      block="staff-votes"
      top={<Text className="staff-votes__lead">问卷调查</Text>}
      newLabel="新建问卷"
      editorUrl="/packages/staff/pages/survey-editor/index"
      fetchPage={(cursor) => listStaffSurveys({ cursor })}
      filterKey="all"
      empty={<EmptyState title="还没有问卷" description="新建问卷，选择范围后发送给校友" />}
      render={(survey) => (
        <View
          key={survey.id}
          className="staff-vote staff-survey-item"
          onClick={() => void Taro.navigateTo({ url: `/packages/staff/pages/survey/index?id=${survey.id}` })}
        >
          <View className="staff-vote__head">
            <Text className="staff-vote__title">{survey.title}</Text>
            <Text className={`staff-vote__phase staff-vote__phase--${survey.status === 'open' ? 'open' : survey.status}`}>
              {SURVEY_STATUS_LABELS[survey.status]}
            </Text>
          </View>
          <Text className="staff-vote__meta">
            {survey.audienceLabel} · {formatShanghaiShort(survey.closesAt)} 截止
          </Text>
          <Text className="staff-vote__meta">
            发放 {survey.counts.issued} · 回收 {survey.counts.returned}（{formatPercent(survey.counts.returnRate)}） · 有效{' '}
            {survey.counts.valid}
          </Text>
        </View>
      )}
    />
  );
}
