import { STORY_KIND_LABELS, STORY_KINDS, type StoryKind, type StorySummaryDto } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom, useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { listMyStories, listStories } from '../../../../api/stories';
import { loadSession } from '../../../../api/session';
import { EmptyState } from '../../../../components/empty-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { StoryCard } from '../../../../components/story-card';
import { MY_STORIES_URL, STORY_EDITOR_URL } from '../../story-links';
import './index.scss';

/**
 * 校友故事: association news, alumni stories and profiles of outstanding alumni, newest first,
 * with 投稿 for signed-in alumni. `?mine=1`: what I wrote, and stories about me I was asked about.
 */
export default function StoriesPage() {
  const { params } = useRouter();
  const mine = params.mine === '1';
  const initial = STORY_KINDS.includes(params.kind as StoryKind) ? (params.kind as StoryKind) : '';
  const [kind, setKind] = useState<StoryKind | ''>(initial);
  const { state, reload, loadMore } = usePagedList<StorySummaryDto>(
    (cursor) => (mine ? listMyStories({ cursor }) : listStories({ kind: kind || undefined, cursor })),
    `${mine}|${kind}`,
  );
  useReloadOnReturn(reload);
  useReachBottom(() => void loadMore());
  useEffect(() => {
    if (mine) void Taro.setNavigationBarTitle({ title: '我的投稿' });
  }, [mine]);
  const signedIn = loadSession() !== null;

  return (
    <View className="stories">
      {mine ? null : (
        <View className="stories-tabs">
          {(['', ...STORY_KINDS] as const).map((k) => (
            <Text key={k || 'all'} className={k === kind ? 'stories-tab stories-tab--active' : 'stories-tab'} onClick={() => setKind(k)}>
              {k ? STORY_KIND_LABELS[k] : '全部'}
            </Text>
          ))}
        </View>
      )}
      {signedIn ? (
        <View className="stories-actions">
          {mine ? (
            <Text className="stories-hint">投稿经校友会审核后发布；写到其他校友的文章须经本人同意</Text>
          ) : (
            <Text className="stories-mine" onClick={() => void Taro.navigateTo({ url: MY_STORIES_URL })}>
              我的投稿
            </Text>
          )}
          <Button
            className="stories-write"
            size="small"
            shape="round"
            type="primary"
            onClick={() => void Taro.navigateTo({ url: STORY_EDITOR_URL })}
          >
            投稿
          </Button>
        </View>
      ) : null}
      <EventPagedList
        state={state}
        empty={
          mine ? (
            <EmptyState title="还没有投稿" description="写下你和母校的故事，或推荐一位杰出校友" />
          ) : (
            <EmptyState title="还没有文章" description="校友会发布的新闻和校友故事会出现在这里" />
          )
        }
        onRetry={() => void reload()}
        onMore={() => void loadMore()}
        render={(story) => <StoryCard key={story.id} story={story} showStatus={mine} />}
      />
    </View>
  );
}
