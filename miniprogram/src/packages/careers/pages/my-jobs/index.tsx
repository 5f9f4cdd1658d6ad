import { formatShanghaiShort, JOB_APPLICATION_STATUS_LABELS, type JobPostDto, type MyJobApplicationDto, type Page } from '@alumni/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { listMyApplications, listMyJobs } from '../../../../api/careers';
import { EmptyState } from '../../../../components/empty-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { JobCard } from '../../job-card';
import { Tag } from '../../ui';
import { careersUrls } from '../../urls';
import './index.scss';

type Tab = 'applied' | 'posted';
type Row = { kind: 'applied'; item: MyJobApplicationDto } | { kind: 'posted'; item: JobPostDto };

const fetchTab = async (tab: Tab, cursor?: string): Promise<Page<Row>> => {
  if (tab === 'applied') {
    const page = await listMyApplications({ cursor });
    return { items: page.items.map((item) => ({ kind: 'applied' as const, item })), nextCursor: page.nextCursor };
  }
  const page = await listMyJobs({ cursor });
  return { items: page.items.map((item) => ({ kind: 'posted' as const, item })), nextCursor: page.nextCursor };
};

/** My applications with their status, and the posts I published with their counts and review state. */
export default function MyJobsPage() {
  const [tab, setTab] = useState<Tab>('applied');
  const { state, reload, loadMore } = usePagedList<Row>((cursor) => fetchTab(tab, cursor), tab);
  useReloadOnReturn(reload);
  useReachBottom(() => void loadMore());

  return (
    <View className="my-jobs">
      <View className="my-jobs__tabs">
        {(['applied', 'posted'] as const).map((value) => (
          <Text key={value} className={value === tab ? 'my-jobs__tab my-jobs__tab--on' : 'my-jobs__tab'} onClick={() => setTab(value)}>
            {value === 'applied' ? '我投递的' : '我发布的'}
          </Text>
        ))}
      </View>
      <EventPagedList
        state={state}
        empty={<EmptyState title={tab === 'applied' ? '还没有投递过职位' : '还没有发布过招聘'} />}
        onRetry={() => void reload()}
        onMore={() => void loadMore()}
        render={(row) =>
          row.kind === 'posted' ? (
            <JobCard key={row.item.id} job={row.item} showStatus />
          ) : (
            <View
              key={row.item.id}
              className="my-application"
              onClick={() => void Taro.navigateTo({ url: careersUrls.job(row.item.jobId) })}
            >
              <View className="my-application__head">
                <Text className="my-application__title">{row.item.jobTitle}</Text>
                <Tag tone={row.item.status === 'withdrawn' ? 'muted' : 'brand'}>{JOB_APPLICATION_STATUS_LABELS[row.item.status]}</Tag>
              </View>
              <Text className="cr-line">{row.item.company}</Text>
              <Text className="cr-muted">投递于 {formatShanghaiShort(row.item.createdAt)}</Text>
            </View>
          )
        }
      />
    </View>
  );
}
