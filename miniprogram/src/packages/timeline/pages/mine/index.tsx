import type { InteractionDto } from '@alumni/shared';
import { Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { listMyInteractions } from '../../../../api/interactions';
import { EmptyState } from '../../../../components/empty-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { InteractionItem } from '../../../../components/interaction-timeline';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import './index.scss';

/** 我的足迹: the signed-in alumnus's own history with the school, newest first. */
export default function MyTimelinePage() {
  const { state, reload, loadMore } = usePagedList<InteractionDto>((cursor) => listMyInteractions({ cursor, limit: 20 }), 'mine');
  useReloadOnReturn(reload);
  useReachBottom(() => void loadMore());
  return (
    <View className="my-timeline">
      <Text className="my-timeline__intro">你与母校的每一次相遇：注册、认证、活动、群组、捐赠，以及校友会的走访与联系。</Text>
      <EventPagedList
        state={state}
        empty={<EmptyState title="还没有足迹" description="参加一次活动或加入一个群组吧" />}
        onRetry={() => void reload()}
        onMore={() => void loadMore()}
        render={(interaction) => <InteractionItem key={interaction.id} interaction={interaction} />}
      />
    </View>
  );
}
