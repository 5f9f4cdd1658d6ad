import {
  CAREER_INDUSTRIES,
  CAREER_TOPIC_LABELS,
  CAREER_TOPICS,
  CAREERS_LIMITS,
  type CareerTopic,
  RESOURCE_KIND_LABELS,
  RESOURCE_KINDS,
  type ResourceKind,
  type ResourceSummaryDto,
} from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { listResources } from '../../../../api/careers';
import { EmptyState } from '../../../../components/empty-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { ResourceCard } from '../../resource-card';
import { ChipChoice, options } from '../../ui';
import { careersUrls } from '../../urls';
import { useStanding } from '../../use-standing';
import './index.scss';

/** The library: published guides, interview experiences, industry overviews and files, by keyword, kind, topic and industry. */
export default function LibraryPage() {
  const { standing } = useStanding();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<ResourceKind | ''>('');
  const [topic, setTopic] = useState<CareerTopic | ''>('');
  const [industry, setIndustry] = useState('');
  const [moreFilters, setMoreFilters] = useState(false);
  const { state, reload, loadMore } = usePagedList<ResourceSummaryDto>(
    (cursor) =>
      listResources({ q: q || undefined, kind: kind || undefined, topic: topic || undefined, industry: industry || undefined, cursor }),
    `${q}|${kind}|${topic}|${industry}`,
  );
  useReloadOnReturn(reload);
  useReachBottom(() => void loadMore());

  return (
    <View className="library">
      <View className="library-search">
        <Input
          className="library-search__input"
          value={typed}
          maxlength={CAREERS_LIMITS.keyword}
          placeholder="搜索指南、面经、行业"
          confirmType="search"
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={() => setQ(typed.trim())}
        />
        <Text className="library-search__go" onClick={() => setQ(typed.trim())}>
          搜索
        </Text>
      </View>
      <View className="library-filters">
        <ChipChoice
          className="library-kinds"
          items={options(RESOURCE_KINDS, RESOURCE_KIND_LABELS)}
          value={kind}
          onChange={setKind}
          allowNone
        />
        <Text className="library-filters__more" onClick={() => setMoreFilters(!moreFilters)}>
          {moreFilters
            ? '收起筛选'
            : topic || industry
              ? `筛选：${[topic && CAREER_TOPIC_LABELS[topic], industry].filter(Boolean).join(' · ')}`
              : '话题 / 行业'}
        </Text>
        {moreFilters ? (
          <View className="library-filters__panel">
            <ChipChoice
              className="library-topics"
              items={options(CAREER_TOPICS, CAREER_TOPIC_LABELS)}
              value={topic}
              onChange={setTopic}
              allowNone
            />
            <ChipChoice
              className="library-industries"
              items={options(CAREER_INDUSTRIES)}
              value={industry}
              onChange={setIndustry}
              allowNone
            />
          </View>
        ) : null}
      </View>
      <View className="library-actions">
        {standing ? (
          <Text className="library-mine" onClick={() => void Taro.navigateTo({ url: careersUrls.myResources() })}>
            我的收藏与资料
          </Text>
        ) : null}
        {standing?.mayContribute ? (
          <Button
            className="library-write"
            size="small"
            shape="round"
            type="primary"
            onClick={() => void Taro.navigateTo({ url: careersUrls.resourceEditor() })}
          >
            分享资料
          </Button>
        ) : null}
      </View>
      <EventPagedList
        state={state}
        empty={<EmptyState title="暂时没有符合条件的资料" description="换个关键词或筛选条件试试" />}
        onRetry={() => void reload()}
        onMore={() => void loadMore()}
        render={(resource) => <ResourceCard key={resource.id} resource={resource} />}
      />
    </View>
  );
}
