import { formatShanghaiDateTime, type NotificationCountsDto, type NotificationDto, type NotificationStatus } from '@alumni/shared';
import { Button, Skeleton, Tabs } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { getNotificationCounts, listNotifications, retryNotification } from '../../../../api/notifications';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorState } from '../../../../components/error-state';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { kindLabel, reasonLabel, STATUS_TABS } from './labels';
import './index.scss';

// At a desk the H5 build shows the messages as a table (notifications-desk.tsx, loaded only
// there); the weapp build drops this branch, so it never contains that file (docs/architecture.md).
const NotificationsDesk = process.env.TARO_ENV === 'h5' ? lazy(() => import('./notifications-desk')) : null;

/** Staff check that messages reach alumni: failures first, with the reason and a retry. */
export default function NotificationsPage() {
  // DESK_QUERY of src/desk/at-desk.ts, written out so that the weapp build need not contain that file; the
  // first test is constant, so the weapp build drops the whole check.
  if (process.env.TARO_ENV === 'h5' && NotificationsDesk && window.matchMedia('(min-width: 1024px)').matches)
    return (
      <Suspense fallback={null}>
        <NotificationsDesk />
      </Suspense>
    );
  return <Deliveries />;
}

function Deliveries() {
  const [status, setStatus] = useState<NotificationStatus>('failed');
  const [counts, setCounts] = useState<NotificationCountsDto | null>(null);
  const fetchPage = useCallback((cursor?: string) => listNotifications({ status, cursor, limit: 20 }), [status]);
  const { state, reload, loadMore, update } = usePagedList<NotificationDto>(fetchPage, status);

  const loadCounts = useCallback(() => {
    void getNotificationCounts().then(setCounts, () => undefined);
  }, []);
  useEffect(loadCounts, [loadCounts, status]);
  useReloadOnReturn(async (quiet) => {
    loadCounts();
    await reload(quiet);
  });
  useReachBottom(() => void loadMore());

  const retry = async (id: string) => {
    try {
      await retryNotification(id);
      update((items) => items.filter((item) => item.id !== id));
      loadCounts();
      void Taro.showToast({ title: '已重新发送', icon: 'success' });
    } catch {
      // The request wrapper showed why.
    }
  };

  return (
    <View className="deliveries">
      <Tabs value={status} onChange={(value) => setStatus(value as NotificationStatus)}>
        {STATUS_TABS.map((tab) => (
          <Tabs.TabPane key={tab.status} value={tab.status} title={counts ? `${tab.label} ${counts[tab.status]}` : tab.label} />
        ))}
      </Tabs>
      {state.status === 'loading' ? <Skeleton className="deliveries__skeleton" rows={6} animated /> : null}
      {state.status === 'failed' ? <ErrorState message={state.message} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' && state.items.length === 0 ? <EmptyState title="这里没有消息" /> : null}
      {state.status === 'ready'
        ? state.items.map((item) => <DeliveryCard key={item.id} item={item} onRetry={() => void retry(item.id)} />)
        : null}
    </View>
  );
}

function DeliveryCard({ item, onRetry }: { item: NotificationDto; onRetry: () => void }) {
  const reason = reasonLabel(item.lastError);
  return (
    <View className="deliveries__card">
      <View className="deliveries__head">
        <Text className="deliveries__kind">{kindLabel(item.kind)}</Text>
        <Text className="deliveries__time">{formatShanghaiDateTime(item.createdAt)}</Text>
      </View>
      <Text className="deliveries__who">{item.alumnusName ?? '已注销校友'}</Text>
      {reason ? <Text className="deliveries__reason">{reason}</Text> : null}
      <Text className="deliveries__attempts">已尝试 {item.attempts} 次</Text>
      {item.status === 'failed' ? (
        <Button size="small" type="primary" onClick={onRetry}>
          重新发送
        </Button>
      ) : null}
    </View>
  );
}
