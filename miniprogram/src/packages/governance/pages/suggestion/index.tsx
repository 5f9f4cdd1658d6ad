import {
  formatShanghaiDateTime,
  formatShanghaiShort,
  SUGGESTION_CATEGORY_LABELS,
  SUGGESTION_STATUS_LABELS,
  type SuggestionDto,
} from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { cosignSuggestion, getSuggestion, withdrawSuggestion } from '../../../../api/governance';
import { askForMessages, prefetchMessageTemplates } from '../../../../api/notifications';
import { ErrorState } from '../../../../components/error-state';
import { useLoaded } from '../../../../components/use-loaded';
import { Card, Tag } from '../../ui';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

const load = async (id: string): Promise<{ suggestion: SuggestionDto }> => ({ suggestion: await getSuggestion(id) });

/** A suggestion: the text, its co-signatures toward the threshold, every step it went through and the school's answer. */
export default function SuggestionPage() {
  const { params } = useRouter();
  const { state, reload, update } = useLoaded(params.id, load, '建议不存在');
  const { busy, run, confirmThen } = useSingleFlight();
  useEffect(() => void prefetchMessageTemplates(), []);

  if (state.status === 'loading') return <Skeleton rows={10} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  const { suggestion } = state;
  const me = suggestion.me;

  const apply = async (action: () => Promise<SuggestionDto>, done: string) => {
    try {
      update({ suggestion: await action() });
      void Taro.showToast({ title: done, icon: 'success' });
    } catch {
      // Shown by the request wrapper.
    }
  };

  const cosign = () =>
    run(async () => {
      // From the tap: co-signers are told of every step the suggestion takes.
      await askForMessages(['governanceProgress']);
      await apply(() => cosignSuggestion(suggestion.id), '已附议');
    });

  const withdraw = () =>
    confirmThen({ title: '撤回建议', content: '撤回后不再征集附议，也不会提交学校。', confirmText: '撤回' }, () =>
      apply(() => withdrawSuggestion(suggestion.id), '已撤回'),
    );

  const answered = suggestion.answer !== null;
  return (
    <View className="suggestion">
      <Card className="suggestion-head">
        <Text className="suggestion-head__title">{suggestion.title}</Text>
        <View>
          <Tag tone="brand">{SUGGESTION_STATUS_LABELS[suggestion.status]}</Tag>
          <Tag>{SUGGESTION_CATEGORY_LABELS[suggestion.category]}</Tag>
        </View>
        <Text className="gv-muted">
          {suggestion.authorName} · {formatShanghaiShort(suggestion.createdAt)}
        </Text>
        <Text className="gv-text suggestion-head__body">{suggestion.body}</Text>
      </Card>

      <Card title="附议" className="suggestion-cosigns">
        <Text className="suggestion-cosigns__count">
          {suggestion.cosignCount} / {suggestion.threshold}
        </Text>
        <Text className="gv-muted">
          {suggestion.status === 'collecting'
            ? `达到 ${suggestion.threshold} 人附议即提交学校，征集截止 ${formatShanghaiShort(suggestion.collectUntil)}`
            : suggestion.status === 'lapsed'
              ? '征集期内附议人数未达到要求'
              : '附议已达标，已提交学校'}
        </Text>
      </Card>

      {answered ? (
        <Card title="学校答复" className="suggestion-answer">
          <Text className="gv-text">{suggestion.answer}</Text>
          {suggestion.answeredAt ? <Text className="gv-muted">{formatShanghaiDateTime(suggestion.answeredAt)}</Text> : null}
        </Card>
      ) : null}

      {suggestion.moderationNote ? (
        <Card title="审核意见">
          <Text className="gv-text">{suggestion.moderationNote}</Text>
        </Card>
      ) : null}

      <Card title="办理进度" className="suggestion-history">
        {suggestion.history.map((step, index) => (
          <View key={`${step.status}-${index}`} className="suggestion-step">
            <Text className="suggestion-step__status">{SUGGESTION_STATUS_LABELS[step.status]}</Text>
            <Text className="gv-muted">{formatShanghaiDateTime(step.at)}</Text>
            {step.note ? <Text className="gv-text">{step.note}</Text> : null}
          </View>
        ))}
      </Card>

      <View className="suggestion-bar">
        {me === null ? <Text className="suggestion-bar__note">登录并完成校友认证后可以附议</Text> : null}
        {me?.cosigned ? <Text className="suggestion-bar__note suggestion-bar__cosigned">你已附议</Text> : null}
        {me?.blockedReason && !me.cosigned ? <Text className="suggestion-bar__note">{me.blockedReason}</Text> : null}
        {me?.mayCosign ? (
          <Button className="suggestion-cosign" type="primary" shape="round" block loading={busy} onClick={() => void cosign()}>
            附议
          </Button>
        ) : null}
        {me?.mayWithdraw ? (
          <Button className="suggestion-withdraw" shape="round" block loading={busy} onClick={() => void withdraw()}>
            撤回建议
          </Button>
        ) : null}
      </View>
    </View>
  );
}
