import {
  CAREER_INDUSTRIES,
  CAREER_TOPIC_LABELS,
  CAREER_TOPICS,
  type CareerTopic,
  MENTORING_FORMAT_LABELS,
  MENTORING_FORMATS,
  type MentoringFormat,
  type MentorSuggestionDto,
} from '@alumni/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { listMentorSuggestions } from '../../../../api/careers';
import { EmptyState } from '../../../../components/empty-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { MentorCard } from '../../mentor-card';
import { ChipChoice, options, StandingNote } from '../../ui';
import { careersUrls } from '../../urls';
import { useStanding } from '../../use-standing';
import './index.scss';

/**
 * Mentors ranked for what I am looking for. Every third place goes to a mentor from another
 * industry than mine (跨行业视角): a different field widens the view.
 */
export default function MentorsPage() {
  const { standing } = useStanding();
  const [targetIndustry, setTargetIndustry] = useState('');
  const [topic, setTopic] = useState<CareerTopic | ''>('');
  const [format, setFormat] = useState<MentoringFormat | ''>('');
  const allowed = standing?.mayParticipate === true;
  const query = { targetIndustry: targetIndustry || undefined, topic: topic || undefined, format: format || undefined };
  const { state, reload, loadMore } = usePagedList<MentorSuggestionDto>(
    (cursor) => (allowed ? listMentorSuggestions({ ...query, cursor }) : Promise.resolve({ items: [], nextCursor: null })),
    `${allowed}|${targetIndustry}|${topic}|${format}`,
  );
  useReloadOnReturn(reload);
  useReachBottom(() => void loadMore());

  return (
    <View className="mentors">
      <StandingNote standing={standing ?? null} need="participate" />
      <View className="mentors-filters">
        <Text className="mentors-filters__label">想了解的行业</Text>
        <ChipChoice
          className="mentors-industries"
          items={options(CAREER_INDUSTRIES)}
          value={targetIndustry}
          onChange={setTargetIndustry}
          allowNone
        />
        <Text className="mentors-filters__label">话题</Text>
        <ChipChoice
          className="mentors-topics"
          items={options(CAREER_TOPICS, CAREER_TOPIC_LABELS)}
          value={topic}
          onChange={setTopic}
          allowNone
        />
        <Text className="mentors-filters__label">方式</Text>
        <ChipChoice items={options(MENTORING_FORMATS, MENTORING_FORMAT_LABELS)} value={format} onChange={setFormat} allowNone />
      </View>
      <Text className="cr-lead">按话题、行业和名额排序，每三位中至少有一位来自其他行业的导师，带来跨行业视角。</Text>
      {allowed ? (
        <EventPagedList
          state={state}
          empty={<EmptyState title="暂时没有合适的导师" description="换个话题或行业看看，或稍后再来" />}
          onRetry={() => void reload()}
          onMore={() => void loadMore()}
          render={(mentor) => (
            <MentorCard key={mentor.id} mentor={mentor} onClick={() => void Taro.navigateTo({ url: careersUrls.mentor(mentor.id) })} />
          )}
        />
      ) : null}
    </View>
  );
}
