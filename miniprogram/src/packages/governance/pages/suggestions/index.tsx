import {
  formatShanghaiShort,
  SUGGESTION_CATEGORY_LABELS,
  SUGGESTION_STAGE_LABELS,
  SUGGESTION_STATUS_LABELS,
  type SuggestionStage,
  type SuggestionSummaryDto,
} from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { listMySuggestions, listSuggestions } from '../../../../api/governance';
import { loadSession } from '../../../../api/session';
import { EmptyState } from '../../../../components/empty-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { Chips, Tag } from '../../ui';
import { governanceUrls } from '../../urls';
import './index.scss';

type Tab = SuggestionStage | 'mine';

/** Suggestions to the school in public, by stage, and my own whatever their status. */
export default function SuggestionsPage() {
  const signedIn = loadSession() !== null;
  const [tab, setTab] = useState<Tab>('collecting');
  const tabs: Partial<Record<Tab, string>> = signedIn ? { ...SUGGESTION_STAGE_LABELS, mine: '我的建言' } : SUGGESTION_STAGE_LABELS;
  const { state, reload, loadMore } = usePagedList<SuggestionSummaryDto>(
    (cursor) => (tab === 'mine' ? listMySuggestions({ cursor }) : listSuggestions(tab, { cursor })),
    tab,
  );
  useReloadOnReturn(reload);
  useReachBottom(() => void loadMore());

  return (
    <View className="suggestions">
      <View className="suggestions-intro">
        <Text className="suggestions-intro__text">校友向母校提出的意见建议。征集到足够附议后提交学校，学校公开答复。</Text>
        {signedIn ? (
          <Button
            className="suggestions-new"
            size="small"
            shape="round"
            type="primary"
            onClick={() => void Taro.navigateTo({ url: governanceUrls.suggest() })}
          >
            我要建言
          </Button>
        ) : null}
      </View>
      <Chips className="suggestions-tabs" items={tabs} value={tab} onChange={setTab} />
      <EventPagedList
        state={state}
        empty={<EmptyState title={tab === 'mine' ? '你还没有提过建议' : '这里暂时没有建议'} />}
        onRetry={() => void reload()}
        onMore={() => void loadMore()}
        render={(suggestion) => <SuggestionItem key={suggestion.id} suggestion={suggestion} />}
      />
    </View>
  );
}

function SuggestionItem({ suggestion }: { suggestion: SuggestionSummaryDto }) {
  const progress = Math.min(100, Math.round((suggestion.cosignCount / Math.max(1, suggestion.threshold)) * 100));
  return (
    <View className="gv-item suggestion-item" onClick={() => void Taro.navigateTo({ url: governanceUrls.suggestion(suggestion.id) })}>
      <Text className="gv-item__title">{suggestion.title}</Text>
      <View>
        <Tag tone={suggestion.status === 'collecting' ? 'brand' : 'accent'}>{SUGGESTION_STATUS_LABELS[suggestion.status]}</Tag>
        <Tag>{SUGGESTION_CATEGORY_LABELS[suggestion.category]}</Tag>
      </View>
      {suggestion.status === 'collecting' ? (
        <View className="suggestion-item__progress">
          <View className="suggestion-item__bar" style={{ width: `${progress}%` }} />
        </View>
      ) : null}
      <Text className="gv-muted">
        {suggestion.authorName} · {formatShanghaiShort(suggestion.createdAt)} · 附议 {suggestion.cosignCount}/{suggestion.threshold}
      </Text>
    </View>
  );
}
