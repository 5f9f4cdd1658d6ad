import { CONFIDENCE_LEVELS } from '@alumni/shared';
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { checkSample, type SampleDraft } from './sample-size';

/**
 * The sample-size helper: N (the issued figure unless typed), confidence, σ and e give the
 * sample needed, n = N·σ²·z² / (N·e² + z²·σ²) (z²·σ²/e² for an unknown N), set against the valid responses.
 */
export function SampleSizeCard({ issued, valid }: { issued: number; valid: number }) {
  const [draft, setDraft] = useState<SampleDraft>({
    population: issued > 0 ? String(issued) : '',
    level: 95,
    sigma: '0.5',
    marginPercent: '5',
  });
  const check = checkSample(draft, valid);
  const set = (patch: Partial<SampleDraft>) => setDraft((d) => ({ ...d, ...patch }));
  return (
    <View className="sv-card sv-sample">
      <Text className="sv-card__title">样本量测算</Text>
      <View className="sv-sample__row">
        <Text className="sv-sample__label">总体 N</Text>
        <Input
          className="sv-input sv-sample__population"
          type="number"
          value={draft.population}
          placeholder="未知或很大时留空"
          onInput={(e) => set({ population: e.detail.value })}
        />
      </View>
      <View className="sv-sample__row">
        <Text className="sv-sample__label">置信水平</Text>
        <View className="sv-chips">
          {CONFIDENCE_LEVELS.map((c) => (
            <Text
              key={c.level}
              className={`sv-chip sv-sample__level--${c.level} ${draft.level === c.level ? 'sv-chip--on' : ''}`}
              onClick={() => set({ level: c.level })}
            >
              {c.level}%（z={c.z}）
            </Text>
          ))}
        </View>
      </View>
      <View className="sv-sample__row">
        <Text className="sv-sample__label">标准差 σ</Text>
        <Input className="sv-input sv-sample__sigma" type="digit" value={draft.sigma} onInput={(e) => set({ sigma: e.detail.value })} />
        <Text className="sv-muted">比例问题取 0.5（最保守）</Text>
      </View>
      <View className="sv-sample__row">
        <Text className="sv-sample__label">允许误差 e（%）</Text>
        <Input
          className="sv-input sv-sample__margin"
          type="digit"
          value={draft.marginPercent}
          onInput={(e) => set({ marginPercent: e.detail.value })}
        />
      </View>
      <Text className="sv-muted">n = N·σ²·z² ÷ (N·e² + z²·σ²)；总体未知或很大时 n = z²·σ² ÷ e²</Text>
      {check.problem ? (
        <Text className="sv-problem">{check.problem}</Text>
      ) : (
        <View className="sv-sample__answer">
          <Text className="sv-sample__needed">需要有效样本 {check.needed} 份</Text>
          <Text className="sv-sample__status">
            当前有效 {valid} 份，{check.missing === 0 ? '已达到所需样本量' : `还差 ${check.missing} 份`}
          </Text>
          {check.achievedPercent !== null ? <Text className="sv-muted">按当前有效样本，误差约为 ±{check.achievedPercent}%</Text> : null}
        </View>
      )}
    </View>
  );
}
