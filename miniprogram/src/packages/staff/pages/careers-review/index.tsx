import {
  CAREER_TOPIC_LABELS,
  CAREERS_LIMITS,
  formatSalary,
  formatShanghaiShort,
  JOB_TYPE_LABELS,
  type JobPostDto,
  type MentorOfferDto,
  type Page,
  RESOURCE_KIND_LABELS,
  type ResourceSummaryDto,
} from '@alumni/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import {
  decideJob,
  decideMentorOffer,
  decideResource,
  listStaffJobs,
  listStaffMentorOffers,
  listStaffResources,
} from '../../../../api/careers';
import { Decision } from '../../../../components/decision';
import { EmptyState } from '../../../../components/empty-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import './index.scss';

type Tab = 'jobs' | 'live-jobs' | 'mentors' | 'resources' | 'live-resources';
type Item =
  { kind: 'job'; job: JobPostDto } | { kind: 'mentor'; offer: MentorOfferDto } | { kind: 'resource'; resource: ResourceSummaryDto };

const TABS: Record<Tab, string> = {
  jobs: '待审招聘',
  'live-jobs': '已发布招聘',
  mentors: '待审导师',
  resources: '待审资料',
  'live-resources': '已发布资料',
};

const idOf = (item: Item) => (item.kind === 'job' ? item.job.id : item.kind === 'mentor' ? item.offer.id : item.resource.id);

const fetchTab = async (tab: Tab, cursor?: string): Promise<Page<Item>> => {
  if (tab === 'resources' || tab === 'live-resources') {
    const page = await listStaffResources(tab === 'resources' ? 'submitted' : 'published', { cursor });
    return { items: page.items.map((resource) => ({ kind: 'resource' as const, resource })), nextCursor: page.nextCursor };
  }
  if (tab === 'mentors') {
    const page = await listStaffMentorOffers('held', { cursor });
    return { items: page.items.map((offer) => ({ kind: 'mentor' as const, offer })), nextCursor: page.nextCursor };
  }
  const page = await listStaffJobs(tab === 'jobs' ? 'pending' : 'published', { cursor });
  return { items: page.items.map((job) => ({ kind: 'job' as const, job })), nextCursor: page.nextCursor };
};

/**
 * Staff: job posts waiting for approval (approve or refuse), public ones (take down), mentor
 * intros the check held, library resources waiting for review (publish or refuse) and
 * published ones (take out of the library).
 */
export default function CareersReviewPage() {
  const [tab, setTab] = useState<Tab>('jobs');
  const { state, reload, loadMore, update } = usePagedList<Item>((cursor) => fetchTab(tab, cursor), tab);
  useReloadOnReturn(reload);
  useReachBottom(() => void loadMore());
  const drop = (id: string) => update((items) => items.filter((i) => idOf(i) !== id));

  return (
    <View className="careers-review">
      <View className="careers-review__tabs">
        {(Object.keys(TABS) as Tab[]).map((value) => (
          <Text
            key={value}
            className={value === tab ? 'careers-review__tab careers-review__tab--on' : 'careers-review__tab'}
            onClick={() => setTab(value)}
          >
            {TABS[value]}
          </Text>
        ))}
      </View>
      <EventPagedList
        state={state}
        empty={<EmptyState title="没有需要处理的内容" />}
        onRetry={() => void reload()}
        onMore={() => void loadMore()}
        render={(item) =>
          item.kind === 'job' ? (
            <JobReview key={item.job.id} job={item.job} live={tab === 'live-jobs'} onDecided={() => drop(item.job.id)} />
          ) : item.kind === 'mentor' ? (
            <OfferReview key={item.offer.id} offer={item.offer} onDecided={() => drop(item.offer.id)} />
          ) : (
            <ResourceReview
              key={item.resource.id}
              resource={item.resource}
              live={tab === 'live-resources'}
              onDecided={() => drop(item.resource.id)}
            />
          )
        }
      />
    </View>
  );
}

function JobReview({ job, live, onDecided }: { job: JobPostDto; live: boolean; onDecided: () => void }) {
  return (
    <View className="review-item review-job">
      <Text className="review-item__title">
        {job.title} · {job.company}
      </Text>
      <Text className="review-item__line">
        {JOB_TYPE_LABELS[job.type]} · {job.industry} · {job.city} · {formatSalary(job.salaryMinFen, job.salaryMaxFen, job.salaryPeriod)}
      </Text>
      <Text className="review-item__line">
        {job.posterName} · 提交于 {formatShanghaiShort(job.createdAt)} · {job.closesOn} 截止
        {live ? ` · ${job.viewCount} 浏览 · ${job.applicationCount} 投递` : ''}
      </Text>
      <Text className="review-item__text">{job.description}</Text>
      <Text className="review-item__text">投递方式：{job.howToApply}</Text>
      <Decision
        approveLabel="通过并公开"
        rejectVerb={live ? '下架' : '驳回'}
        reasonRequired
        reasonMaxLength={CAREERS_LIMITS.reason}
        reasonPlaceholder="告诉发布者原因，例如：请补充工作地点和薪资"
        approve={live ? undefined : () => decideJob(job.id, 'approve')}
        reject={(reason) => decideJob(job.id, live ? 'take-down' : 'reject', reason)}
        onDecided={onDecided}
      />
    </View>
  );
}

function OfferReview({ offer, onDecided }: { offer: MentorOfferDto; onDecided: () => void }) {
  return (
    <View className="review-item review-offer">
      <Text className="review-item__title">
        {offer.displayName} · {offer.industry}
        {offer.employer ? ` · ${offer.employer}` : ''}
      </Text>
      <Text className="review-item__line">{offer.topics.map((topic) => CAREER_TOPIC_LABELS[topic]).join('、')}</Text>
      <Text className="review-item__text">{offer.intro}</Text>
      <Decision
        approveLabel="通过"
        rejectVerb="不通过"
        reasonRequired
        reasonMaxLength={CAREERS_LIMITS.reason}
        reasonPlaceholder="告诉导师需要修改的地方"
        approve={() => decideMentorOffer(offer.id, true)}
        reject={(reason) => decideMentorOffer(offer.id, false, reason)}
        onDecided={onDecided}
      />
    </View>
  );
}

function ResourceReview({ resource, live, onDecided }: { resource: ResourceSummaryDto; live: boolean; onDecided: () => void }) {
  return (
    <View className="review-item review-resource">
      <Text
        className="review-item__title review-resource__open"
        onClick={() => void Taro.navigateTo({ url: `/packages/careers/pages/resource/index?id=${resource.id}` })}
      >
        {resource.title}（查看全文）
      </Text>
      <Text className="review-item__line">
        {RESOURCE_KIND_LABELS[resource.kind]} · {CAREER_TOPIC_LABELS[resource.topic]} · {resource.industry ?? '各行业'}
        {resource.fileCount > 0 ? ` · ${resource.fileCount} 个附件` : ''}
      </Text>
      <Text className="review-item__line">
        {resource.authorName}
        {live ? ` · ${resource.viewCount} 浏览 · ${resource.bookmarkCount} 收藏 · ${resource.downloadCount} 下载` : ''}
      </Text>
      {resource.summary ? <Text className="review-item__text">{resource.summary}</Text> : null}
      <Decision
        approveLabel="通过并发布"
        rejectVerb={live ? '下线' : '驳回'}
        reasonRequired
        reasonMaxLength={CAREERS_LIMITS.reason}
        reasonPlaceholder="告诉作者原因，例如：请补充具体的面试问题"
        approve={live ? undefined : () => decideResource(resource.id, 'approve')}
        reject={(reason) => decideResource(resource.id, live ? 'archive' : 'reject', reason)}
        onDecided={onDecided}
      />
    </View>
  );
}
