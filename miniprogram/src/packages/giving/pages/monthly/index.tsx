import { formatFen, type MonthlyPledgeDto, type UpdateMonthlyPledgeRequest } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { cancelMonthlyPledge, listMyMonthlyPledges, updateMonthlyPledge } from '../../../../api/monthly-giving';
import { CAMPAIGN_URL } from '../../../../components/campaign-links';
import { ErrorState } from '../../../../components/error-state';
import { useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { checkMonthlyAmount, INSTALMENT_STATUS_LABELS, monthLabel, PLEDGE_STATUS_LABELS } from '../../monthly-form';
import { MONTHLY_PAY_URL } from '../../urls';
import './index.scss';

type State = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; pledges: MonthlyPledgeDto[] };

/** 我的月捐: my monthly pledges, their months, and pause / resume / change / cancel, each after a confirmation. */
export default function MyMonthlyPage() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const load = async () => {
    try {
      setState({ status: 'ready', pledges: await listMyMonthlyPledges() });
    } catch {
      setState({ status: 'failed' });
    }
  };
  useEffect(() => {
    void load();
  }, []);
  // Back from paying a month: it shows as paid.
  useReloadOnReturn(load);

  if (state.status === 'loading') return <Skeleton className="monthly-skeleton" rows={6} animated />;
  if (state.status === 'failed') return <ErrorState message="网络异常，请稍后重试" onRetry={() => void load()} />;
  const replace = (next: MonthlyPledgeDto) =>
    setState({ status: 'ready', pledges: state.pledges.map((p) => (p.id === next.id ? next : p)) });
  return (
    <View className="monthly">
      {state.pledges.length === 0 ? (
        <View className="monthly-card">
          <Text className="monthly-card__title">还没有月捐</Text>
          <Text className="monthly-card__muted">在捐赠项目页选择「每月」，即可每月固定支持一笔。</Text>
        </View>
      ) : (
        state.pledges.map((pledge) => <PledgeCard key={pledge.id} pledge={pledge} onChanged={replace} />)
      )}
    </View>
  );
}

function PledgeCard({ pledge, onChanged }: { pledge: MonthlyPledgeDto; onChanged: (pledge: MonthlyPledgeDto) => void }) {
  const [editing, setEditing] = useState(false);
  const [amount, setAmount] = useState('');
  const [busy, setBusy] = useState(false);
  const live = pledge.status !== 'cancelled';
  const check = checkMonthlyAmount(amount);

  /** Asks first, then changes; a refusal was shown by the request wrapper. */
  const act = async (title: string, content: string, confirmText: string, change: () => Promise<MonthlyPledgeDto>) => {
    const { confirm } = await Taro.showModal({ title, content, confirmText });
    if (!confirm) return;
    setBusy(true);
    try {
      onChanged(await change());
      setEditing(false);
    } catch {
      // Shown by the request wrapper.
    } finally {
      setBusy(false);
    }
  };
  const update = (body: UpdateMonthlyPledgeRequest) => () => updateMonthlyPledge(pledge.id, body);

  return (
    <View className={`monthly-card monthly-pledge monthly-pledge--${pledge.status}`}>
      <View className="monthly-pledge__head" onClick={() => void Taro.navigateTo({ url: `${CAMPAIGN_URL}?id=${pledge.campaignId}` })}>
        <Text className="monthly-pledge__title">{pledge.campaignTitle}</Text>
        <Text className={`monthly-status monthly-status--${pledge.status}`}>{PLEDGE_STATUS_LABELS[pledge.status]}</Text>
      </View>
      <Text className="monthly-pledge__amount">
        每月 {formatFen(pledge.amountFen)} · 每月 {pledge.dayOfMonth} 日提醒
      </Text>
      <Text className="monthly-card__muted">
        已支持 {pledge.paidMonths} 个月，共 {formatFen(pledge.paidFen)}
        {pledge.missedMonths > 0 ? `；${pledge.missedMonths} 个月未完成` : ''}
      </Text>

      {pledge.current && pledge.current.status === 'invited' && pledge.status === 'active' ? (
        <View className="monthly-pledge__due" onClick={() => void Taro.navigateTo({ url: `${MONTHLY_PAY_URL}?id=${pledge.current!.id}` })}>
          <Text>本月 {formatFen(pledge.current.amountFen)} 待支付</Text>
          <Text className="monthly-pledge__due-go">去支付 ›</Text>
        </View>
      ) : null}

      {pledge.instalments.length > 0 ? (
        <View className="monthly-months">
          {pledge.instalments.slice(0, 6).map((month) => (
            <View key={month.id} className="monthly-months__row">
              <Text>{monthLabel(month.month)}</Text>
              <Text>{formatFen(month.amountFen)}</Text>
              <Text className={`monthly-status monthly-status--${month.status}`}>{INSTALMENT_STATUS_LABELS[month.status]}</Text>
            </View>
          ))}
        </View>
      ) : null}

      {live && editing ? (
        <View className="monthly-edit">
          <Text className="monthly-custom__label">新的每月金额 ¥</Text>
          <Input
            className="monthly-edit__input"
            type="digit"
            value={amount}
            placeholder="5 – 5000"
            onInput={(e) => setAmount(e.detail.value)}
          />
          {!check.ok && amount !== '' ? <Text className="monthly-problem">{check.problem}</Text> : null}
          <View className="monthly-edit__actions">
            <Button size="small" shape="round" onClick={() => setEditing(false)}>
              取消
            </Button>
            <Button
              className="monthly-edit__save"
              size="small"
              type="primary"
              shape="round"
              disabled={!check.ok || busy}
              onClick={() =>
                check.ok &&
                void act(
                  '修改每月金额',
                  `每月金额改为 ${formatFen(check.fen)}，从下一笔起生效（本月尚未下单的也按新金额）。`,
                  '确认修改',
                  update({ amountFen: check.fen }),
                )
              }
            >
              保存
            </Button>
          </View>
        </View>
      ) : null}

      {live && !editing ? (
        <View className="monthly-pledge__actions">
          <Button className="monthly-action-change" size="small" shape="round" onClick={() => setEditing(true)}>
            修改金额
          </Button>
          {pledge.status === 'active' ? (
            <Button
              className="monthly-action-pause"
              size="small"
              shape="round"
              disabled={busy}
              onClick={() =>
                void act('暂停月捐', '暂停后不再提醒，也不会产生未完成记录；随时可以恢复。', '暂停', update({ status: 'paused' }))
              }
            >
              暂停
            </Button>
          ) : (
            <Button
              className="monthly-action-resume"
              size="small"
              shape="round"
              disabled={busy}
              onClick={() =>
                void act('恢复月捐', `恢复后每月 ${pledge.dayOfMonth} 日照常提醒你支付。`, '恢复', update({ status: 'active' }))
              }
            >
              恢复
            </Button>
          )}
          <Button
            className="monthly-action-cancel"
            size="small"
            shape="round"
            disabled={busy}
            onClick={() =>
              void act('取消月捐', '取消后不再提醒，已完成的捐赠不受影响。取消后如想再支持，可在项目页重新开始月捐。', '取消月捐', () =>
                cancelMonthlyPledge(pledge.id),
              )
            }
          >
            取消月捐
          </Button>
        </View>
      ) : null}
    </View>
  );
}
