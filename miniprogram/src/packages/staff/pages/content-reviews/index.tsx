import { type ContentReviewDto, formatShanghaiShort } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { lazy, Suspense, useState } from 'react';
import { type ContentReviewAction, decideContentReview, listContentReviews } from '../../../../api/content-reviews';
import { mediaUrl } from '../../../../api/media';
import { EmptyState } from '../../../../components/empty-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { useSingleFlight } from '../../../../components/use-single-flight';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { choiceLabels, itemTitle, waitReason } from './content-review-view';
import './index.scss';

// At a desk the H5 build shows the queue as a table (content-reviews-desk.tsx, loaded only
// there); the weapp build drops this branch, so it never contains that file (docs/architecture.md).
const ContentReviewsDesk = process.env.TARO_ENV === 'h5' ? lazy(() => import('./content-reviews-desk')) : null;

/** Staff: profile text, donors' messages and images WeChat's content check did not clear, oldest first, each decided in place. */
export default function ContentReviewsPage() {
  // DESK_QUERY of src/desk/at-desk.ts, written out so that the weapp build need not contain that file; the
  // first test is constant, so the weapp build drops the whole check.
  if (process.env.TARO_ENV === 'h5' && ContentReviewsDesk && window.matchMedia('(min-width: 1024px)').matches)
    return (
      <Suspense fallback={null}>
        <ContentReviewsDesk />
      </Suspense>
    );
  return <ReviewQueue />;
}

function ReviewQueue() {
  const { state, reload, loadMore, update } = usePagedList<ContentReviewDto>(
    (cursor) => listContentReviews({ cursor, limit: 20 }),
    'queue',
  );
  useReloadOnReturn(reload);
  useReachBottom(() => void loadMore());
  return (
    <View className="content-reviews">
      <EventPagedList
        state={state}
        empty={<EmptyState title="没有待审核的内容" description="内容安全检查未放行的资料、捐赠留言和图片会出现在这里" />}
        onRetry={() => void reload()}
        onMore={() => void loadMore()}
        render={(item) => (
          <ReviewCard key={item.id} item={item} onDecided={() => update((items) => items.filter((i) => i.id !== item.id))} />
        )}
      />
    </View>
  );
}

export function ReviewCard({ item, onDecided }: { item: ContentReviewDto; onDecided: () => void }) {
  const { busy, run } = useSingleFlight();
  // Which of the two buttons spins while the decision is on its way.
  const [deciding, setDeciding] = useState<ContentReviewAction | null>(null);
  const labels = choiceLabels(item);

  const decide = (action: ContentReviewAction) =>
    run(async () => {
      setDeciding(action);
      try {
        await decideContentReview(item.id, action);
        void Taro.showToast({ title: action === 'approve' ? '已通过' : '已驳回', icon: 'success' });
        onDecided();
      } catch {
        // The request wrapper showed why (e.g. already decided by a colleague).
      }
    });

  const image = mediaUrl(item.imageUrl);
  return (
    <View className="content-review">
      <View className="content-review__head">
        <Text className="content-review__kind">{itemTitle(item)}</Text>
        <Text className="content-review__time">{formatShanghaiShort(item.queuedAt)} 进入队列</Text>
      </View>
      <Text className="content-review__author">{item.author ? item.author.displayName : '已注销校友'}</Text>
      {item.text !== null ? <Text className="content-review__text">{item.text}</Text> : null}
      {image !== null ? (
        <Image
          className="content-review__image"
          src={image}
          mode="aspectFit"
          onClick={() => void Taro.previewImage({ urls: [image], current: image })}
        />
      ) : null}
      <Text className="content-review__reason">{waitReason(item)}</Text>
      <View className="content-review__actions">
        <Button
          className="content-review__reject"
          size="small"
          shape="round"
          type="danger"
          fill="outline"
          loading={busy && deciding === 'reject'}
          disabled={busy}
          onClick={() => void decide('reject')}
        >
          {labels.reject}
        </Button>
        <Button
          className="content-review__approve"
          size="small"
          shape="round"
          type="primary"
          loading={busy && deciding === 'approve'}
          disabled={busy}
          onClick={() => void decide('approve')}
        >
          {labels.approve}
        </Button>
      </View>
    </View>
  );
}
