import { STORY_CONSENT_LABELS, STORY_LIMITS, type StoryStatus, type StorySummaryDto } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { decideStory, listStaffStories } from '../../../../api/stories';
import { Decision } from '../../../../components/decision';
import { EmptyState } from '../../../../components/empty-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { StoryCard } from '../../../../components/story-card';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { showModal } from '../../../../components/modal';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

const EDITOR_URL = '/packages/stories/pages/editor/index';
const TABS: [StoryStatus, string][] = [
  ['submitted', '待审核'],
  ['published', '已发布'],
  ['returned', '已退回'],
  ['withdrawn', '已撤下'],
];
const publishable = (story: StorySummaryDto) => story.consentStatus === 'not_needed' || story.consentStatus === 'given';

/**
 * Staff: stories waiting for review (publish, or return to the author with what to change),
 * published ones (take down); a story about someone is published only with their consent,
 * asked in the app or recorded here when given on paper or by phone. 撰写 starts the
 * association's own news or a profile.
 */
export default function StaffStoriesPage() {
  const [status, setStatus] = useState<StoryStatus>('submitted');
  const { state, reload, loadMore, update } = usePagedList<StorySummaryDto>((cursor) => listStaffStories(status, { cursor }), status);
  useReloadOnReturn(reload);
  useReachBottom(() => void loadMore());
  const drop = (id: string) => update((items) => items.filter((s) => s.id !== id));
  const replace = (next: StorySummaryDto) => update((items) => items.map((s) => (s.id === next.id ? next : s)));

  // The whole run is the flight, not confirmThen (the task needs the typed text): a second tap while
  // the dialog is up opens no second one and records nothing again.
  const { run } = useSingleFlight();
  const recordConsent = (story: StorySummaryDto) =>
    run(async () => {
      const { confirm, content } = (await showModal({
        title: '记录线下授权',
        editable: true,
        placeholderText: '如：本人签署授权书（12月1日）',
      } as never)) as { confirm: boolean; content?: string };
      if (!confirm || !content?.trim()) return;
      try {
        replace(await decideStory(story.id, 'consent', content.trim().slice(0, STORY_LIMITS.reviewNote)));
        void Taro.showToast({ title: '已记录授权', icon: 'success' });
      } catch {
        // Shown by the request wrapper.
      }
    });

  return (
    <View className="staff-stories">
      <View className="staff-stories__tabs">
        {TABS.map(([key, label]) => (
          <Text
            key={key}
            className={key === status ? 'staff-stories__tab staff-stories__tab--active' : 'staff-stories__tab'}
            onClick={() => setStatus(key)}
          >
            {label}
          </Text>
        ))}
        <Button
          className="staff-stories__write"
          size="small"
          shape="round"
          type="primary"
          onClick={() => void Taro.navigateTo({ url: EDITOR_URL })}
        >
          撰写
        </Button>
      </View>
      <EventPagedList
        state={state}
        empty={<EmptyState title="没有文章" description={status === 'submitted' ? '校友投稿提交后会出现在这里' : '这里暂时是空的'} />}
        onRetry={() => void reload()}
        onMore={() => void loadMore()}
        render={(story) => (
          <View key={story.id} className="staff-story">
            <StoryCard story={story} showStatus />
            <View className="staff-story__consent">
              <Text>本人授权：{STORY_CONSENT_LABELS[story.consentStatus]}</Text>
              {story.consentStatus !== 'not_needed' && story.consentStatus !== 'given' && status === 'submitted' ? (
                <Text className="staff-story__record" onClick={() => void recordConsent(story)}>
                  记录线下授权
                </Text>
              ) : null}
            </View>
            {status === 'submitted' || status === 'published' ? (
              <Decision
                approveLabel="发布"
                rejectVerb={status === 'published' ? '撤下' : '退回'}
                reasonRequired
                reasonMaxLength={STORY_LIMITS.reviewNote}
                reasonPlaceholder="告诉作者原因，例如：请补充时间和地点"
                approve={
                  status === 'submitted'
                    ? async () => {
                        if (!publishable(story)) {
                          void Taro.showToast({ title: '须先征得主人公本人同意', icon: 'none' });
                          throw new Error('consent');
                        }
                        return decideStory(story.id, 'publish');
                      }
                    : undefined
                }
                reject={(reason) => decideStory(story.id, status === 'published' ? 'withdraw' : 'return', reason)}
                onDecided={() => drop(story.id)}
              />
            ) : null}
          </View>
        )}
      />
    </View>
  );
}
