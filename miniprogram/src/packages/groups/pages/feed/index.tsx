import type { GroupPostDto } from '@alumni/shared';
import { View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { getMyGroupFeed } from '../../../../api/group-posts';
import { EmptyState } from '../../../../components/empty-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { GroupPostCard } from '../../../../components/group-post-card';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import './index.scss';

/** Posts of all my groups, newest first. */
export default function MyGroupFeedPage() {
  const { state, reload, loadMore, update } = usePagedList<GroupPostDto>((cursor) => getMyGroupFeed({ cursor, limit: 10 }), 'mine');
  useReloadOnReturn(reload);
  useReachBottom(() => void loadMore());
  return (
    <View className="my-group-feed">
      <EventPagedList
        state={state}
        empty={<EmptyState title="还没有群动态" description="加入班级群、同城群后，群里的分享会汇总在这里" />}
        onRetry={() => void reload()}
        onMore={() => void loadMore()}
        render={(post) => (
          <GroupPostCard
            key={post.id}
            post={post}
            from={post.group}
            onChange={(next) => update((items) => items.map((p) => (p.id === next.id ? next : p)))}
          />
        )}
      />
    </View>
  );
}
