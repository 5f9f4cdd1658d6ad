import type { CampaignSummaryDto, EventSummaryDto, SchoolDto } from '@alumni/shared';
import { Skeleton } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { ReactNode } from 'react';
import { CampaignCard } from '../../components/campaign-card';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { EventCard } from '../../components/event-card';
import { useHomeData } from './use-home-data';
import './index.scss';
import { mediaUrl } from '../../api/media';

export default function HomePage() {
  const { state, reload, retry } = useHomeData();

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (state.status === 'loading') return <HomeSkeleton />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={retry} />;

  return (
    <View className="home">
      <SchoolHeader school={state.school} />
      <Shortcuts title="职业发展" moreUrl="/packages/careers/pages/index/index" entries={CAREERS} className="home-careers" />
      <Shortcuts title="校友参与" moreUrl="/packages/governance/pages/index/index" entries={PARTICIPATION} className="home-participation" />
      <Shortcuts title="校友风采" moreUrl="/packages/stories/pages/index/index" entries={STORIES} className="home-stories" />
      <Section title="近期活动" moreUrl="/pages/events/index">
        <SectionList
          items={state.events}
          emptyTitle="暂无近期活动"
          emptyDescription="新的校友活动发布后会出现在这里"
          failedTitle="近期活动加载失败"
          render={(event: EventSummaryDto) => <EventCard key={event.id} event={event} />}
        />
      </Section>
      <Section title="进行中的捐赠" moreUrl="/pages/giving/index">
        <SectionList
          items={state.campaigns}
          emptyTitle="暂无进行中的捐赠"
          emptyDescription="新的捐赠项目开启后会出现在这里"
          failedTitle="捐赠项目加载失败"
          render={(campaign: CampaignSummaryDto) => <CampaignCard key={campaign.id} campaign={campaign} />}
        />
      </Section>
    </View>
  );
}

function SchoolHeader({ school }: { school: SchoolDto }) {
  return (
    <View>
      <View className="home-header">
        {school.logoUrl ? (
          <Image className="home-header__logo" src={mediaUrl(school.logoUrl)} mode="aspectFill" />
        ) : (
          <View className="home-header__logo home-header__logo--initial">
            <Text>{school.shortName.slice(0, 1)}</Text>
          </View>
        )}
        <View className="home-header__names">
          <Text className="home-school-name">{school.name}</Text>
          {school.motto ? <Text className="home-header__motto">{school.motto}</Text> : null}
        </View>
      </View>
      <View className="home-header__card">
        <View className="home-stats">
          <Text className="home-stats__item">
            校友 <Text className="home-stats__value">{school.stats.alumni}</Text>
          </Text>
          <Text className="home-stats__sep">·</Text>
          <Text className="home-stats__item">
            群组 <Text className="home-stats__value">{school.stats.groups}</Text>
          </Text>
        </View>
        {school.intro ? <Text className="home-header__intro">{school.intro}</Text> : null}
      </View>
    </View>
  );
}

/** The careers area, one tap away: mentors from other fields, jobs and internships. */
const CAREERS = [
  { url: '/packages/careers/pages/mentors/index', title: '找导师', hint: '跨行业校友指路' },
  { url: '/packages/careers/pages/jobs/index', title: '招聘实习', hint: '校友内推机会' },
];

/** Taking part in the school's decisions: votes, suggestions to the school, questionnaires. */
const PARTICIPATION = [
  { url: '/packages/governance/pages/index/index', title: '投票表决', hint: '校友投票与选举' },
  { url: '/packages/governance/pages/suggestions/index', title: '建言献策', hint: '向母校提建议' },
  { url: '/packages/surveys/pages/index/index', title: '问卷调查', hint: '发给我的问卷' },
];

/** Stories of the association and its alumni: news, alumni stories, outstanding alumni. */
const STORIES = [
  { url: '/packages/stories/pages/index/index', title: '校友故事', hint: '校友会新闻与校友故事' },
  { url: '/packages/stories/pages/index/index?kind=outstanding_alumnus', title: '杰出校友', hint: '杰出校友专访' },
];

function Shortcuts({ title, moreUrl, entries, className }: { title: string; moreUrl: string; entries: typeof CAREERS; className: string }) {
  return (
    <View className={`home-shortcuts ${className}`}>
      <View className="home-section__head">
        <Text className="home-section__title">{title}</Text>
        <Text className="home-section__more" onClick={() => void Taro.navigateTo({ url: moreUrl })}>
          全部
        </Text>
      </View>
      <View className="home-shortcuts__row">
        {entries.map((entry) => (
          <View key={entry.url} className="home-shortcuts__entry" onClick={() => void Taro.navigateTo({ url: entry.url })}>
            <Text className="home-shortcuts__title">{entry.title}</Text>
            <Text className="home-shortcuts__hint">{entry.hint}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

function Section({ title, moreUrl, children }: { title: string; moreUrl: string; children: ReactNode }) {
  return (
    <View className="home-section">
      <View className="home-section__head">
        <Text className="home-section__title">{title}</Text>
        <Text className="home-section__more" onClick={() => void Taro.switchTab({ url: moreUrl })}>
          全部
        </Text>
      </View>
      {children}
    </View>
  );
}

interface SectionListProps<T> {
  items: T[] | null;
  emptyTitle: string;
  emptyDescription: string;
  failedTitle: string;
  render: (item: T) => ReactNode;
}

function SectionList<T>({ items, emptyTitle, emptyDescription, failedTitle, render }: SectionListProps<T>) {
  if (items === null) return <Text className="section-error">{failedTitle}，下拉页面可重新加载</Text>;
  if (items.length === 0) return <EmptyState title={emptyTitle} description={emptyDescription} />;
  return <View>{items.map(render)}</View>;
}

function HomeSkeleton() {
  return (
    <View className="home">
      <View className="home-header">
        <View className="home-header__logo home-header__logo--placeholder" />
        <Skeleton className="home-header__skeleton" rows={2} size="small" animated />
      </View>
      <View className="home-header__card">
        <Skeleton rows={3} size="small" animated />
      </View>
      {[0, 1].map((section) => (
        <View className="home-section" key={section}>
          <Skeleton className="home-section__skeleton-title" rows={1} animated />
          {[0, 1].map((card) => (
            <View className="home-skeleton-card" key={card}>
              <Skeleton rows={3} size="small" animated />
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
