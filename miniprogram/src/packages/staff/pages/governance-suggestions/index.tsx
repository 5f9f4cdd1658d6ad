import {
  formatShanghaiShort,
  GOVERNANCE_LIMITS,
  type GovernanceSettingsDto,
  SUGGESTION_CATEGORY_LABELS,
  SUGGESTION_STATUS_LABELS,
  type SuggestionStatus,
  type SuggestionStep,
  type SuggestionSummaryDto,
} from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import {
  advanceSuggestion,
  approveSuggestion,
  getGovernanceSettings,
  listStaffSuggestions,
  putGovernanceSettings,
  removeSuggestion,
} from '../../../../api/governance';
import { Decision } from '../../../../components/decision';
import { EmptyState } from '../../../../components/empty-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

type Tab = Extract<SuggestionStatus, 'received' | 'under_review' | 'held' | 'answered' | 'adopted' | 'declined'>;
const TABS: Record<Tab, string> = {
  received: '待受理',
  under_review: '办理中',
  held: '内容待审',
  answered: '已答复',
  adopted: '已采纳',
  declined: '暂不采纳',
};
const ANSWERS: { to: SuggestionStep; label: string }[] = [
  { to: 'adopted', label: '采纳' },
  { to: 'answered', label: '答复' },
  { to: 'declined', label: '暂不采纳' },
];

/** Staff: suggestions that reached the school (the queue), moved to an answer in public; the content check's holds; the threshold. */
export default function StaffSuggestionsPage() {
  const [tab, setTab] = useState<Tab>('received');
  const { state, reload, loadMore, update } = usePagedList<SuggestionSummaryDto>((cursor) => listStaffSuggestions(tab, { cursor }), tab);
  useReloadOnReturn(reload);
  useReachBottom(() => void loadMore());
  const leave = (id: string) => update((items) => items.filter((s) => s.id !== id));

  return (
    <View className="staff-suggestions">
      <Settings />
      <View className="ss-tabs">
        {(Object.keys(TABS) as Tab[]).map((key) => (
          <Text key={key} className={`ss-tab ss-tab--${key} ${key === tab ? 'ss-tab--on' : ''}`} onClick={() => setTab(key)}>
            {TABS[key]}
          </Text>
        ))}
      </View>
      <EventPagedList
        state={state}
        empty={<EmptyState title="这里没有建议" />}
        onRetry={() => void reload()}
        onMore={() => void loadMore()}
        render={(suggestion) => (
          <View key={suggestion.id} className="ss-item">
            <Text className="ss-item__title">{suggestion.title}</Text>
            <Text className="ss-item__meta">
              {SUGGESTION_STATUS_LABELS[suggestion.status]} · {SUGGESTION_CATEGORY_LABELS[suggestion.category]} · {suggestion.authorName} ·{' '}
              {formatShanghaiShort(suggestion.createdAt)} · 附议 {suggestion.cosignCount}
            </Text>
            <Text
              className="ss-item__open"
              onClick={() => void Taro.navigateTo({ url: `/packages/governance/pages/suggestion/index?id=${suggestion.id}` })}
            >
              查看全文与进度
            </Text>
            {tab === 'held' ? (
              <Decision
                approveLabel="通过，开始征集附议"
                rejectVerb="不予通过"
                reasonRequired
                reasonPlaceholder="作者会看到的原因"
                reasonMaxLength={GOVERNANCE_LIMITS.reason}
                approve={() => approveSuggestion(suggestion.id)}
                reject={(reason) => removeSuggestion(suggestion.id, reason ?? '')}
                onDecided={() => leave(suggestion.id)}
              />
            ) : null}
            {tab === 'received' || tab === 'under_review' ? (
              <Advance suggestion={suggestion} reviewing={tab === 'under_review'} onDone={() => leave(suggestion.id)} />
            ) : null}
          </View>
        )}
      />
    </View>
  );
}

/** The next step: under review, or a public answer (adopted, answered, declined); the author and co-signers are told. */
function Advance({ suggestion, reviewing, onDone }: { suggestion: SuggestionSummaryDto; reviewing: boolean; onDone: () => void }) {
  const [answering, setAnswering] = useState(false);
  const [answer, setAnswer] = useState('');
  const { busy, run } = useSingleFlight();
  const go = async (to: SuggestionStep) => {
    if (to !== 'under_review' && answer.trim() === '') {
      void Taro.showToast({ title: '请填写公开答复', icon: 'none' });
      return;
    }
    await run(async () => {
      try {
        await advanceSuggestion(suggestion.id, to === 'under_review' ? { to } : { to, answer: answer.trim() });
        void Taro.showToast({ title: '已更新，已通知建议人', icon: 'success' });
        onDone();
      } catch {
        // Shown by the request wrapper.
      }
    });
  };
  if (!answering) {
    return (
      <View className="ss-actions">
        {reviewing ? null : (
          <Button className="ss-review" size="small" shape="round" loading={busy} onClick={() => void go('under_review')}>
            受理，研究办理
          </Button>
        )}
        <Button className="ss-answer" size="small" shape="round" type="primary" onClick={() => setAnswering(true)}>
          公开答复
        </Button>
      </View>
    );
  }
  return (
    <View>
      <Textarea
        className="ss-answer__text"
        value={answer}
        maxlength={GOVERNANCE_LIMITS.answer}
        placeholder="学校的答复，将公开显示在建议下方"
        onInput={(e) => setAnswer(e.detail.value)}
      />
      <View className="ss-actions">
        <Button size="small" shape="round" onClick={() => setAnswering(false)}>
          取消
        </Button>
        {ANSWERS.map((a) => (
          <Button
            key={a.to}
            className={`ss-answer--${a.to}`}
            size="small"
            shape="round"
            type={a.to === 'declined' ? 'default' : 'primary'}
            loading={busy}
            onClick={() => void go(a.to)}
          >
            {a.label}
          </Button>
        ))}
      </View>
    </View>
  );
}

/** How many co-signatures send a suggestion to the school, and for how long it collects them. */
function Settings() {
  const [settings, setSettings] = useState<{ threshold: string; days: string } | null>(null);
  const { busy, run } = useSingleFlight();
  useEffect(() => {
    getGovernanceSettings().then(
      (s) => setSettings({ threshold: String(s.cosignThreshold), days: String(s.collectingDays) }),
      () => undefined,
    );
  }, []);
  if (!settings) return null;
  const save = async () => {
    const input: GovernanceSettingsDto = { cosignThreshold: Number(settings.threshold), collectingDays: Number(settings.days) };
    await run(async () => {
      try {
        await putGovernanceSettings(input);
        void Taro.showToast({ title: '已保存', icon: 'success' });
      } catch {
        // Shown by the request wrapper (out of range).
      }
    });
  };
  return (
    <View className="ss-settings">
      <Text className="ss-settings__label">附议人数</Text>
      <Input
        className="ss-settings__input ss-threshold"
        type="number"
        value={settings.threshold}
        onInput={(e) => setSettings({ ...settings, threshold: e.detail.value })}
      />
      <Text className="ss-settings__label">征集天数</Text>
      <Input
        className="ss-settings__input ss-days"
        type="number"
        value={settings.days}
        onInput={(e) => setSettings({ ...settings, days: e.detail.value })}
      />
      <Button className="ss-settings__save" size="small" shape="round" loading={busy} onClick={() => void save()}>
        保存
      </Button>
    </View>
  );
}
