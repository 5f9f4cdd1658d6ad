import { formatShanghaiShort, type InboxMessageDto } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { listMessages, markAllMessagesRead, markMessageRead, refreshUnreadCount } from '../../../../api/messages';
import { EmptyState } from '../../../../components/empty-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

/**
 * 消息: every notice the association sent me — reminders, results, thank-yous, where the
 * money went, refunds, decisions — whether or not WeChat delivered it too. A tap marks it
 * read and opens what it is about.
 */
export default function MessagesPage() {
  const { state, reload, loadMore, update } = usePagedList<InboxMessageDto>((cursor) => listMessages({ cursor, limit: 20 }), 'messages');
  const { busy: marking, run } = useSingleFlight();
  useReloadOnReturn(async (quiet) => {
    await reload(quiet);
    void refreshUnreadCount().catch(() => undefined);
  });
  useReachBottom(() => void loadMore());

  const anyUnread = state.status === 'ready' && state.items.some((m) => m.readAt === null);
  const readNow = (m: InboxMessageDto): InboxMessageDto => (m.readAt === null ? { ...m, readAt: new Date().toISOString() } : m);

  const open = (message: InboxMessageDto) => {
    if (message.readAt === null) {
      update((items) => items.map((m) => (m.id === message.id ? readNow(m) : m)));
      void markMessageRead(message.id)
        .then(() => refreshUnreadCount())
        .catch(() => undefined);
    }
    if (message.page) void Taro.navigateTo({ url: `/${message.page}` });
  };

  const readAll = async () => {
    await run(async () => {
      try {
        await markAllMessagesRead();
        update((items) => items.map(readNow));
        await refreshUnreadCount();
      } catch {
        // The request wrapper showed why.
      }
    });
  };

  return (
    <View className="messages">
      {anyUnread ? (
        <View className="messages__bar">
          <Button className="messages__read-all" size="small" shape="round" fill="outline" loading={marking} onClick={() => void readAll()}>
            全部已读
          </Button>
        </View>
      ) : null}
      <EventPagedList
        state={state}
        empty={<EmptyState title="还没有消息" description="活动提醒、捐赠感谢、善款去向和审核结果都会出现在这里" />}
        onRetry={() => void reload()}
        onMore={() => void loadMore()}
        render={(message) => (
          <View
            key={message.id}
            className={`messages-item ${message.readAt === null ? 'messages-item--unread' : ''}`}
            onClick={() => open(message)}
          >
            <View className="messages-item__head">
              {message.readAt === null ? <View className="messages-item__dot" /> : null}
              <Text className="messages-item__title">{message.title}</Text>
              <Text className="messages-item__time">{formatShanghaiShort(message.createdAt)}</Text>
            </View>
            <Text className="messages-item__body">{message.body}</Text>
            {message.page ? <Text className="messages-item__open">查看详情</Text> : null}
          </View>
        )}
      />
    </View>
  );
}
