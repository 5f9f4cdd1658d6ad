import { formatShanghaiShort, type ModerationItemDto } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { decideModeration, listModerationQueue, type ModerationAction } from '../../../../api/group-posts';
import { EmptyState } from '../../../../components/empty-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { ImageGrid } from '../../../../components/group-post-card';
import { groupUrl, postUrl } from '../../../../components/group-urls';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { DONE_LABELS, moderationChoices, queueReasons } from './moderation-view';
import { showModal } from '../../../../components/modal';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

/** Staff: held and reported posts and comments, oldest first, each decided in place. */
export default function GroupModerationPage() {
  const { state, reload, loadMore, update } = usePagedList<ModerationItemDto>(
    (cursor) => listModerationQueue({ cursor, limit: 20 }),
    'queue',
  );
  useReloadOnReturn(reload);
  useReachBottom(() => void loadMore());
  return (
    <View className="moderation">
      <EventPagedList
        state={state}
        empty={<EmptyState title="没有待处理的内容" description="内容安全检查拦下的和被举报的动态、评论会出现在这里" />}
        onRetry={() => void reload()}
        onMore={() => void loadMore()}
        render={(item) => (
          <ModerationCard
            key={`${item.kind}-${item.id}`}
            item={item}
            onDecided={() => update((items) => items.filter((i) => !(i.kind === item.kind && i.id === item.id)))}
          />
        )}
      />
    </View>
  );
}

function ModerationCard({ item, onDecided }: { item: ModerationItemDto; onDecided: () => void }) {
  const { busy, run } = useSingleFlight();
  // Which button spins while the decision is on its way.
  const [deciding, setDeciding] = useState<ModerationAction | null>(null);

  const decide = (action: ModerationAction) =>
    run(async () => {
      if (action === 'remove') {
        const { confirm } = await showModal({
          title: '删除内容',
          content: '删除后所有人都看不到这条内容，举报一并结案。',
          confirmText: '删除',
        });
        if (!confirm) return;
      }
      setDeciding(action);
      try {
        await decideModeration(item, action);
        void Taro.showToast({ title: DONE_LABELS[action], icon: 'success' });
        onDecided();
      } catch {
        // The request wrapper showed why (e.g. already decided by a colleague).
      }
    });

  return (
    <View className={`moderation-item moderation-item--${item.status}`}>
      <View className="moderation-item__head">
        <Text className="moderation-item__kind">{item.kind === 'post' ? '动态' : '评论'}</Text>
        <Text className={`moderation-item__status moderation-item__status--${item.status}`}>
          {item.status === 'held' ? '待审核' : '已发布·被举报'}
        </Text>
        <Text className="moderation-item__time">{formatShanghaiShort(item.queuedAt)} 进入队列</Text>
      </View>
      <Text className="moderation-item__where" onClick={() => void Taro.navigateTo({ url: groupUrl(item.group.id) })}>
        {item.group.name} · {item.author.displayName} 发布于 {formatShanghaiShort(item.createdAt)}
      </Text>
      <Text className="moderation-item__text">{item.text}</Text>
      {item.images.length > 0 ? <ImageGrid images={item.images} /> : null}
      {queueReasons(item).map((reason) => (
        <Text key={reason} className="moderation-item__reason">
          {reason}
        </Text>
      ))}
      <View className="moderation-item__actions">
        <Text className="moderation-item__open" onClick={() => void Taro.navigateTo({ url: postUrl(item.postId) })}>
          {item.kind === 'post' ? '查看动态' : '查看所在动态'}
        </Text>
        {moderationChoices(item).map((choice) => (
          <Button
            key={choice.action}
            className={`moderation-item__${choice.action}`}
            size="small"
            shape="round"
            type={choice.danger ? 'danger' : 'primary'}
            fill={choice.danger ? 'outline' : 'solid'}
            loading={busy && deciding === choice.action}
            disabled={busy}
            onClick={() => void decide(choice.action)}
          >
            {choice.label}
          </Button>
        ))}
      </View>
    </View>
  );
}
