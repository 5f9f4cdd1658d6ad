import { formatFen, type MonthlyInstalmentDetailDto } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { getInstalment, payInstalment } from '../../../../api/monthly-giving';
import { ErrorState } from '../../../../components/error-state';
import { DONATION_URL } from '../../../../components/campaign-links';
import { INSTALMENT_STATUS_LABELS, monthLabel } from '../../monthly-form';
import { MY_MONTHLY_URL } from '../../urls';
import { usePayOrder } from '../../use-pay-order';
import './index.scss';

type State = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; instalment: MonthlyInstalmentDetailDto };

/** 本月月捐: what a month's invitation opens — the month's gift, paid in one tap as an ordinary donation. */
export default function MonthlyPayPage() {
  const { params } = useRouter();
  const [state, setState] = useState<State>({ status: 'loading' });
  const load = async () => {
    try {
      setState({ status: 'ready', instalment: await getInstalment(params.id ?? '') });
    } catch {
      setState({ status: 'failed' });
    }
  };
  useEffect(() => void load(), []);
  // However the wait ended, the page shows where the month stands now.
  const { phase, pay, simulate } = usePayOrder(() => load());

  if (state.status === 'loading') return <Skeleton className="monthly-skeleton" rows={5} animated />;
  if (state.status === 'failed') return <ErrorState message="这个月的月捐打不开，请稍后重试" onRetry={() => void load()} />;
  const { instalment } = state;

  const payable = instalment.status === 'invited' && instalment.pledgeStatus === 'active';
  return (
    <View className="monthly">
      <View className="monthly-card monthly-bill">
        <Text className="monthly-bill__month">{monthLabel(instalment.month)} 月捐</Text>
        <Text className="monthly-bill__title">{instalment.campaignTitle}</Text>
        <Text className="monthly-bill__amount">{formatFen(instalment.amountFen)}</Text>
        <Text className={`monthly-status monthly-status--${instalment.status}`}>{INSTALMENT_STATUS_LABELS[instalment.status]}</Text>
      </View>

      {instalment.status === 'paid' ? (
        <View className="monthly-card monthly-done">
          <Text className="monthly-done__title">本月月捐已完成，感谢你的持续支持！</Text>
          <Text className="monthly-card__muted">这笔捐赠和单次捐赠一样计入项目，可查看证书、申请捐赠票据。</Text>
          {instalment.donationId ? (
            <Button
              className="monthly-done__open"
              shape="round"
              block
              onClick={() => void Taro.navigateTo({ url: `${DONATION_URL}?id=${instalment.donationId}` })}
            >
              查看捐赠证书
            </Button>
          ) : null}
        </View>
      ) : null}
      {instalment.status === 'missed' ? (
        <Text className="monthly-notice">这个月已经结束，未完成的月捐不再补缴，下个月会照常提醒你。</Text>
      ) : null}
      {instalment.status === 'invited' && instalment.pledgeStatus !== 'active' ? (
        <Text className="monthly-notice">这项月捐已{instalment.pledgeStatus === 'paused' ? '暂停' : '取消'}，本月无需支付。</Text>
      ) : null}
      {phase.step === 'timeout' ? (
        <Text className="monthly-notice">
          暂未确认到支付结果。如果已经付款，会在几分钟内自动确认；未付款的订单 30 分钟后自动关闭，不会扣款。
        </Text>
      ) : null}

      {phase.step === 'simulate' ? (
        <View className="monthly-card monthly-simulate">
          <Text className="monthly-simulate__badge">演示环境</Text>
          <Text className="monthly-card__muted">浏览器里没有微信支付。点击下方按钮，由演示服务器模拟完成付款，流程与真实支付相同。</Text>
          <Text className="monthly-card__muted">订单号 {phase.donation.outTradeNo}</Text>
          <Button className="monthly-simulate__pay" type="primary" shape="round" block onClick={() => void simulate(phase.donation)}>
            模拟支付
          </Button>
        </View>
      ) : null}

      <View className="monthly-actionbar">
        {payable && phase.step !== 'simulate' ? (
          <Button
            className="monthly-pay"
            type="primary"
            shape="round"
            block
            loading={phase.step === 'ordering' || phase.step === 'confirming'}
            onClick={() =>
              // A refused order (paid already, the month ended…): the request wrapper showed why; the page shows where it stands.
              void pay(() => payInstalment(instalment.id), load)
            }
          >
            {`一键支付 ${formatFen(instalment.amountFen)}`}
          </Button>
        ) : null}
        <Button className="monthly-mine" shape="round" block onClick={() => void Taro.redirectTo({ url: MY_MONTHLY_URL })}>
          我的月捐
        </Button>
      </View>
    </View>
  );
}
