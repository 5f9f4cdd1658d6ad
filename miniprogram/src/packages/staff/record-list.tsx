import type { Page } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import type { ReactNode } from 'react';
import { EventPagedList } from '../../components/event-paged-list';
import { usePagedList, useReloadOnReturn } from '../../pages/events/use-paged-list';

/**
 * A staff list of records, drafts included (the event and campaign lists share it): a top bar
 * with `top` and a button to a new draft, then the records page by page. It reloads back from
 * the editor. Classes are `block`, `block__top` and `block__new`.
 */
export function StaffRecordList<T>({
  block,
  top,
  newLabel,
  editorUrl,
  fetchPage,
  filterKey,
  empty,
  render,
}: {
  block: string;
  top: ReactNode;
  newLabel: string;
  editorUrl: string;
  fetchPage: (cursor?: string) => Promise<Page<T>>;
  /** Changes when a filter does, to start again from the first page. */
  filterKey: string;
  empty: ReactNode;
  render: (item: T) => ReactNode;
}) {
  const { state, reload, loadMore } = usePagedList<T>(fetchPage, filterKey);
  // Back from the editor: show the saved changes.
  useReloadOnReturn(reload);
  useReachBottom(() => void loadMore());

  return (
    <View className={block}>
      <View className={`${block}__top`}>
        {top}
        <Button
          className={`${block}__new`}
          type="primary"
          size="small"
          shape="round"
          onClick={() => void Taro.navigateTo({ url: editorUrl })}
        >
          {newLabel}
        </Button>
      </View>
      <EventPagedList state={state} empty={empty} onRetry={() => void reload()} onMore={() => void loadMore()} render={render} />
    </View>
  );
}
