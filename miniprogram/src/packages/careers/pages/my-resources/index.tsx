import type { ResourceSummaryDto } from '@alumni/shared';
import { Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { listMyBookmarks, listMyResources } from '../../../../api/careers';
import { EmptyState } from '../../../../components/empty-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { ResourceCard } from '../../resource-card';
import './index.scss';

type Tab = 'kept' | 'written';

/** What I keep from the library, and what I wrote in every state (drafts, waiting, refused with the staff's note). */
export default function MyResourcesPage() {
  const [tab, setTab] = useState<Tab>('kept');
  const { state, reload, loadMore } = usePagedList<ResourceSummaryDto>(
    (cursor) => (tab === 'kept' ? listMyBookmarks({ cursor }) : listMyResources({ cursor })),
    tab,
  );
  useReloadOnReturn(reload);
  useReachBottom(() => void loadMore());

  return (
    <View className="my-resources">
      <View className="my-resources__tabs">
        {(['kept', 'written'] as const).map((value) => (
          <Text
            key={value}
            className={value === tab ? 'my-resources__tab my-resources__tab--on' : 'my-resources__tab'}
            onClick={() => setTab(value)}
          >
            {value === 'kept' ? '我的收藏' : '我写的'}
          </Text>
        ))}
      </View>
      <EventPagedList
        state={state}
        empty={<EmptyState title={tab === 'kept' ? '还没有收藏资料' : '还没有写过资料'} />}
        onRetry={() => void reload()}
        onMore={() => void loadMore()}
        render={(resource) => <ResourceCard key={resource.id} resource={resource} showStatus={tab === 'written'} />}
      />
    </View>
  );
}
