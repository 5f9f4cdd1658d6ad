import {
  CAREER_STAGE_LABELS,
  formatShanghaiShort,
  JOB_APPLICATION_MARKS,
  JOB_APPLICATION_STATUS_LABELS,
  type JobApplicationDto,
  type JobApplicationMark,
} from '@alumni/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom, useRouter } from '@tarojs/taro';
import { listJobApplications, markJobApplication } from '../../../../api/careers';
import { EmptyState } from '../../../../components/empty-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { ChipChoice, Tag } from '../../ui';
import './index.scss';

/** The applications to one of my posts: each applicant's name and only what they chose to share; I mark each one. */
export default function ApplicationsPage() {
  const { params } = useRouter();
  const jobId = params.jobId ?? '';
  const { state, reload, loadMore, update } = usePagedList<JobApplicationDto>((cursor) => listJobApplications(jobId, { cursor }), jobId);
  useReloadOnReturn(reload);
  useReachBottom(() => void loadMore());

  const mark = async (application: JobApplicationDto, status: JobApplicationMark) => {
    try {
      const marked = await markJobApplication(application.id, status);
      update((items) => items.map((a) => (a.id === marked.id ? marked : a)));
      void Taro.showToast({ title: '已更新，对方会收到通知', icon: 'none' });
    } catch {
      // Shown by the request wrapper.
    }
  };

  return (
    <View className="applications">
      <Text className="cr-lead">以下联系方式由投递者为本职位主动分享，请仅用于招聘沟通。</Text>
      <EventPagedList
        state={state}
        empty={<EmptyState title="还没有收到投递" description="有校友对职位感兴趣时，会通知你" />}
        onRetry={() => void reload()}
        onMore={() => void loadMore()}
        render={(application) => (
          <View key={application.id} className="application">
            <View className="application__head">
              <Text className="application__name">{application.applicantName}</Text>
              <Tag tone="muted">{CAREER_STAGE_LABELS[application.stage]}</Tag>
              <Tag tone={application.status === 'withdrawn' ? 'muted' : 'brand'}>{JOB_APPLICATION_STATUS_LABELS[application.status]}</Tag>
            </View>
            {application.phone ? <Text className="application__contact">手机号：{application.phone}</Text> : null}
            {application.email ? <Text className="application__contact">邮箱：{application.email}</Text> : null}
            {application.wechatId ? <Text className="application__contact">微信号：{application.wechatId}</Text> : null}
            {application.message ? <Text className="application__message">{application.message}</Text> : null}
            <Text className="cr-muted">投递于 {formatShanghaiShort(application.createdAt)}</Text>
            {application.status !== 'withdrawn' ? (
              <ChipChoice
                className="application__marks"
                items={JOB_APPLICATION_MARKS.map((value) => ({ value, label: JOB_APPLICATION_STATUS_LABELS[value] }))}
                value={application.status === 'submitted' ? '' : (application.status as JobApplicationMark)}
                onChange={(status) => status && void mark(application, status)}
              />
            ) : null}
          </View>
        )}
      />
    </View>
  );
}
