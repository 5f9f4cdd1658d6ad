import { formatFen, type MonthlyContractSigningDto, type MonthlyPledgeDto, type UpdateMonthlyPledgeRequest } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import {
  cancelMonthlyPledge,
  checkMonthlyContract,
  listMyMonthlyPledges,
  signMonthlyContract,
  updateMonthlyPledge,
} from '../../../../api/monthly-giving';
import { CAMPAIGN_URL } from '../../../../components/campaign-links';
import { ErrorState } from '../../../../components/error-state';
import { useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { checkMonthlyAmount, INSTALMENT_STATUS_LABELS, monthLabel, PLEDGE_STATUS_LABELS } from '../../monthly-form';
import { MONTHLY_PAY_URL } from '../../urls';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

type State = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; pledges: MonthlyPledgeDto[] };

/** WeChat Pay's signing mini-program (委托代扣 小程序纯签约). */
const SIGNING_APPID = 'wxbd687630cd02ce1d';

/**
 * 我的月捐: my monthly pledges, their months, and pause / resume / change / cancel, each after
 * a confirmation; where the school offers it, 签约自动扣款 (WeChat Pay's signing mini-program).
 */
export default function MyMonthlyPage() {
  const [state, setState] = useState<State>({ status: 'loading' });
  /** The pledge whose signing mini-program we opened: on coming back, the server is asked (the referrer's word is not proof). */
  const signing = useRef<string | null>(null);
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
  /**
   * Back from paying a month: it shows as paid. Back from WeChat Pay's signing mini-program:
   * the server asks WeChat Pay first (the referrer's return_code is not proof), then the list.
   */
  useReloadOnReturn(async () => {
    const pledgeId = signing.current;
    if (pledgeId) {
      signing.current = null;
      const cameBack = Taro.getEnterOptionsSync().referrerInfo?.appId === SIGNING_APPID;
      try {
        const pledge = await checkMonthlyContract(pledgeId);
        if (pledge.contract?.state === 'signed') void Taro.showToast({ title: '签约成功，之后每月自动扣款', icon: 'none' });
        else if (cameBack) void Taro.showToast({ title: '尚未完成签约，可稍后在此查看', icon: 'none' });
      } catch {
        // Shown by the request wrapper; the list below says where the contract stands.
      }
    }
    await load();
  });

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
        state.pledges.map((pledge) => (
          <PledgeCard key={pledge.id} pledge={pledge} onChanged={replace} onSigning={(id) => (signing.current = id)} />
        ))
      )}
    </View>
  );
}

function PledgeCard({
  pledge,
  onChanged,
  onSigning,
}: {
  pledge: MonthlyPledgeDto;
  onChanged: (pledge: MonthlyPledgeDto) => void;
  onSigning: (pledgeId: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [amount, setAmount] = useState('');
  const { busy, run, confirmThen } = useSingleFlight();
  const live = pledge.status !== 'cancelled';
  const check = checkMonthlyAmount(amount);

  /** Asks first, then changes, one at a time, confirmation included; a refusal was shown by the request wrapper. */
  const act = (title: string, content: string, confirmText: string, change: () => Promise<MonthlyPledgeDto>) =>
    confirmThen({ title, content, confirmText }, async () => {
      try {
        onChanged(await change());
        setEditing(false);
      } catch {
        // Shown by the request wrapper.
      }
    });
  const update = (body: UpdateMonthlyPledgeRequest) => () => updateMonthlyPledge(pledge.id, body);
  const contract = pledge.contract;
  const deducting = contract?.state === 'signed';

  const [request, setRequest] = useState<MonthlyContractSigningDto | null>(null);

  /** 签约自动扣款, step 1: the signed request from the server (a network round trip, so not yet the jump). */
  const prepare = () =>
    run(async () => {
      try {
        setRequest(await signMonthlyContract(pledge.id));
      } catch {
        // Shown by the request wrapper.
      }
    });
  /**
   * Step 2, in the tap itself with nothing awaited first: WeChat opens another mini-program
   * only from a user's tap, and a jump after an await is no longer one.
   */
  const open = () => {
    if (!request) return;
    onSigning(pledge.id);
    Taro.navigateToMiniProgram({ appId: request.appId, path: request.path, extraData: request.extraData }).then(
      () => setRequest(null),
      (error: { errMsg?: string }) => {
        if (!error.errMsg?.includes('cancel')) void Taro.showToast({ title: '无法打开签约页面，请稍后重试', icon: 'none' });
      },
    );
  };

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

      {pledge.deductionAvailable && live ? (
        <View className="monthly-pledge__deduction">
          {deducting ? (
            <Text className="monthly-pledge__deduction-state">已签约自动扣款：每月 {pledge.dayOfMonth} 日起由微信支付自动扣款</Text>
          ) : contract?.state === 'terminating' ? (
            <Text className="monthly-pledge__deduction-state">自动扣款解约中</Text>
          ) : pledge.status === 'active' ? (
            <>
              <Text className="monthly-card__muted">
                {contract?.state === 'signing' ? '自动扣款尚未签约完成。' : '签约后每月自动扣款，无需每月手动支付；可随时取消。'}
              </Text>
              {request ? (
                <>
                  <Text className="monthly-card__muted">将打开微信支付的签约页面，确认后每月 {pledge.dayOfMonth} 日自动扣款。</Text>
                  <Button className="monthly-action-open-signing" size="small" shape="round" type="primary" onClick={open}>
                    前往微信支付签约
                  </Button>
                </>
              ) : (
                <Button
                  className="monthly-action-sign"
                  size="small"
                  shape="round"
                  type="primary"
                  disabled={busy}
                  onClick={() => void prepare()}
                >
                  签约自动扣款
                </Button>
              )}
            </>
          ) : null}
        </View>
      ) : null}

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
              void act(
                '取消月捐',
                `${deducting ? '取消后将同时解除自动扣款签约，不再扣款。' : '取消后不再提醒。'}已完成的捐赠不受影响。取消后如想再支持，可在项目页重新开始月捐。`,
                '取消月捐',
                () => cancelMonthlyPledge(pledge.id),
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
