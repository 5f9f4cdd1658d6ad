import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { PagedListState } from '../pages/events/use-paged-list';
import { ErrorState } from './error-state';
import './event-paged-list.scss';

interface PagedListProps<T> {
  state: PagedListState<T>;
  /** Shown when the first page is empty. */
  empty: ReactNode;
  render: (item: T) => ReactNode;
  onRetry: () => void;
  onMore: () => void;
}

/** A keyset-paginated list in its states: loading, failed, empty, items with 加载更多 or 没有更多了. */
export function EventPagedList<T>({ state, empty, render, onRetry, onMore }: PagedListProps<T>) {
  if (state.status === 'loading') return <Skeleton className="event-paged-list__skeleton" rows={8} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={onRetry} />;
  if (state.items.length === 0) return <>{empty}</>;
  return (
    <View className="event-paged-list">
      {state.items.map(render)}
      {state.nextCursor ? (
        <View className="event-paged-list__more">
          <Button className="event-paged-list__more-button" size="small" shape="round" loading={state.loadingMore} onClick={onMore}>
            加载更多
          </Button>
        </View>
      ) : (
        <Text className="event-paged-list__end">没有更多了</Text>
      )}
    </View>
  );
}
