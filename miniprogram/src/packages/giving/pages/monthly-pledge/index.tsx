import { type CampaignDetailDto, formatFen, formatFenShort, MONTHLY_MAX_DAY } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Input, Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { createMonthlyPledge } from '../../../../api/monthly-giving';
import { askForMessages, prefetchMessageTemplates } from '../../../../api/notifications';
import { ErrorState } from '../../../../components/error-state';
import { useSingleFlight } from '../../../../components/use-single-flight';
import { checkMonthlyAmount, defaultPledgeDay, MONTHLY_CHIPS } from '../../monthly-form';
import { MONTHLY_PAY_URL } from '../../urls';
import { useCampaign } from '../../use-campaign';
import './index.scss';

const DAYS = Array.from({ length: MONTHLY_MAX_DAY }, (_, i) => `每月 ${i + 1} 日`);

/** 每月捐赠: choose a monthly amount and day; this month's gift is paid right after. */
export default function MonthlyPledgePage() {
  const { params } = useRouter();
  const { state, reload } = useCampaign(params.id);
  useEffect(() => {
    void prefetchMessageTemplates();
  }, []);
  if (state.status === 'loading') return <Skeleton className="monthly-skeleton" rows={6} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  return <PledgeForm campaign={state.campaign} />;
}

function PledgeForm({ campaign }: { campaign: CampaignDetailDto }) {
  const [chip, setChip] = useState<number | null>(MONTHLY_CHIPS[1]!);
  const [custom, setCustom] = useState('');
  const [day, setDay] = useState(defaultPledgeDay);
  const { busy, run } = useSingleFlight();
  const check = chip !== null ? ({ ok: true, fen: chip } as const) : checkMonthlyAmount(custom);

  const start = async () => {
    if (!check.ok) return;
    const amountFen = check.fen;
    // A pledge made, the page leaves (redirectTo): a tap meanwhile makes no second one.
    await run(
      async () => {
        // From the tap itself (WeChat opens the dialog only from a tap): next month's invitation comes as a WeChat message.
        await askForMessages(['monthlyGiftDue']);
        const pledge = await createMonthlyPledge({ campaignId: campaign.id, amountFen, dayOfMonth: day });
        void Taro.redirectTo({ url: `${MONTHLY_PAY_URL}?id=${pledge.current!.id}&from=pledge` });
      },
      { leaves: true },
    ).catch(() => {
      // The request wrapper showed why (already pledged, campaign closed…).
    });
  };

  return (
    <View className="monthly">
      <View className="monthly-head">
        <Text className="monthly-head__title">{campaign.title}</Text>
        <Text className="monthly-head__hint">每月固定支持一笔，细水长流。每月到了约定的日子，我们会提醒你一键完成当月捐赠。</Text>
      </View>
      <View className="monthly-card">
        <Text className="monthly-card__title">每月金额</Text>
        <View className="monthly-chips">
          {MONTHLY_CHIPS.map((fen) => (
            <View key={fen} className={chip === fen ? 'monthly-chip monthly-chip--chosen' : 'monthly-chip'} onClick={() => setChip(fen)}>
              <Text>{formatFenShort(fen)}</Text>
            </View>
          ))}
        </View>
        <View className={chip === null ? 'monthly-custom monthly-custom--active' : 'monthly-custom'}>
          <Text className="monthly-custom__label">其他金额 ¥</Text>
          <Input
            className="monthly-custom__input"
            type="digit"
            value={custom}
            placeholder="5 – 5000"
            onFocus={() => setChip(null)}
            onInput={(e) => {
              setChip(null);
              setCustom(e.detail.value);
            }}
          />
        </View>
        {!check.ok && custom !== '' ? <Text className="monthly-problem">{check.problem}</Text> : null}
      </View>
      <View className="monthly-card">
        <Text className="monthly-card__title">提醒日</Text>
        <Picker mode="selector" range={DAYS} value={day - 1} onChange={(e) => setDay(Number(e.detail.value) + 1)}>
          <View className="monthly-day">
            <Text>每月 {day} 日</Text>
            <Text className="monthly-day__change">更改 ›</Text>
          </View>
        </Picker>
        <Text className="monthly-card__muted">
          本月的一笔现在支付；之后每月 {day} 日提醒你支付，可随时在「我的 · 我的月捐」暂停、修改或取消。
        </Text>
      </View>
      <View className="monthly-actionbar">
        <Button
          className="monthly-start"
          type="primary"
          shape="round"
          block
          loading={busy}
          disabled={!check.ok || campaign.status !== 'open'}
          onClick={() => void start()}
        >
          {check.ok ? `开始月捐 · 每月 ${formatFen(check.fen)}` : '开始月捐'}
        </Button>
      </View>
    </View>
  );
}
