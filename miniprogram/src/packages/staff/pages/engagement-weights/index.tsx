import {
  ENGAGEMENT_LIMITS,
  type EngagementSettingsDto,
  formatShanghaiDateTime,
  interactionKindLabel,
  type UpdateEngagementSettingsRequest,
} from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { getEngagementSettings, updateEngagementSettings } from '../../../../api/engagement';
import { ApiError } from '../../../../api/request';
import { ErrorState } from '../../../../components/error-state';
import {
  draftFromSettings,
  toSettingsRequest,
  WEIGHT_GROUPS,
  type WeightsDraft,
  weightsProblemsFromServer,
  type WeightsProblems,
} from './weights-form';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

type State = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; settings: EngagementSettingsDto };

export default function EngagementWeightsPage() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', settings: await getEngagementSettings() });
    } catch (error) {
      setState({ status: 'failed', message: error instanceof ApiError ? error.message : '网络异常，请稍后重试' });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  if (state.status === 'loading') return <Skeleton className="weights-skeleton" rows={12} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void load()} />;
  return <WeightsEditor settings={state.settings} onSaved={(settings) => setState({ status: 'ready', settings })} />;
}

function WeightsEditor({ settings, onSaved }: { settings: EngagementSettingsDto; onSaved: (settings: EngagementSettingsDto) => void }) {
  const [draft, setDraft] = useState<WeightsDraft>(() => draftFromSettings(settings));
  const [problems, setProblems] = useState<WeightsProblems>({});
  const { busy, run } = useSingleFlight();

  const save = async () => {
    const { input, problems: found } = toSettingsRequest(draft);
    setProblems(found);
    if (!input) {
      void Taro.showToast({ title: '请修改标红的内容', icon: 'none' });
      return;
    }
    await run(async () => {
      try {
        const saved = await updateEngagementSettings(input);
        setDraft(draftFromSettings(saved));
        onSaved(saved);
        void Taro.showToast({
          title: saved.pendingHalfLifeDays === null ? '已保存，分数已重算' : '已保存，正在按新半衰期重算',
          icon: 'success',
        });
      } catch (error) {
        if (error instanceof ApiError) setProblems(serverProblems(error, input));
      }
    });
  };

  const number = (key: 'halfLifeDays' | 'contactCurrentMonths', label: string, unit: string, hint: string) => (
    <View className="weights-row">
      <View className="weights-row__main">
        <Text className="weights-row__label">{label}</Text>
        <Input
          className={`weights-input weights-${key}`}
          type="number"
          value={draft[key]}
          onInput={(e) => setDraft((d) => ({ ...d, [key]: e.detail.value }))}
        />
        <Text className="weights-row__unit">{unit}</Text>
      </View>
      <Text className={problems[key] ? 'weights-row__problem' : 'weights-row__hint'}>{problems[key] ?? hint}</Text>
    </View>
  );

  return (
    <View className="weights">
      <Text className="weights__intro">
        每种互动计入活跃度的分值；分值随时间按半衰期减半。保存后所有校友的分数立即按新权重重算。上次修改：
        {formatShanghaiDateTime(settings.updatedAt)}
      </Text>
      {settings.pendingHalfLifeDays !== null ? (
        <Text className="weights__pending">
          新的半衰期 {settings.pendingHalfLifeDays} 天正在后台重算（校友很多时约需一分钟），完成前分数仍按 {settings.halfLifeDays} 天计算。
        </Text>
      ) : null}
      {problems.form ? <Text className="weights-row__problem weights__form-problem">{problems.form}</Text> : null}
      <View className="weights-section">
        {number('halfLifeDays', '半衰期', '天', `${ENGAGEMENT_LIMITS.halfLifeDaysMin}–${ENGAGEMENT_LIMITS.halfLifeDaysMax} 天`)}
        {number(
          'contactCurrentMonths',
          '联系方式有效期',
          '个月',
          `在此期间内确认过的联系方式算作有效（${ENGAGEMENT_LIMITS.contactCurrentMonthsMin}–${ENGAGEMENT_LIMITS.contactCurrentMonthsMax}）`,
        )}
      </View>
      {WEIGHT_GROUPS.map((group) => (
        <View key={group.title} className="weights-section">
          <Text className="weights-section__title">{group.title}</Text>
          {group.kinds.map((kind) => (
            <View key={kind} className="weights-row">
              <View className="weights-row__main">
                <Text className="weights-row__label">{interactionKindLabel(kind)}</Text>
                <Input
                  className={`weights-input weights-weight weights-weight--${kind.replace('.', '-')}`}
                  type="digit"
                  value={draft.weights[kind]}
                  onInput={(e) => setDraft((d) => ({ ...d, weights: { ...d.weights, [kind]: e.detail.value } }))}
                />
              </View>
              {problems[kind] ? <Text className="weights-row__problem">{problems[kind]}</Text> : null}
            </View>
          ))}
        </View>
      ))}
      <Button className="weights-save" type="primary" shape="round" block loading={busy} onClick={() => void save()}>
        保存并重算
      </Button>
    </View>
  );
}

function serverProblems(error: ApiError, sent: UpdateEngagementSettingsRequest): WeightsProblems {
  return weightsProblemsFromServer(
    error.code,
    error.message,
    error.details.map((d) => d.field),
    sent,
  );
}
