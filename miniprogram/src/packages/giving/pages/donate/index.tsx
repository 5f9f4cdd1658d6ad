import { type CampaignDetailDto, DONATION_MESSAGE_MAX_LENGTH, type DonationDto, formatFen, formatFenShort } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createDonation } from '../../../../api/donations';
import { askForMessages, prefetchMessageTemplates } from '../../../../api/notifications';
import { ApiError, showingErrorsInline } from '../../../../api/request';
import { FieldError } from '../../../../components/field-error';
import { unitPriceLine } from '../../../../components/campaign-units';
import { ErrorState } from '../../../../components/error-state';
import {
  amountChips,
  amountProblemFromServer,
  attemptFor,
  checkAmount,
  type DonateDraft,
  initialChoice,
  type OrderAttempt,
  toDonationRequest,
} from '../../donate-form';
import { useCampaign } from '../../use-campaign';
import { usePayOrder } from '../../use-pay-order';
import { DONATION_URL } from '../../../../components/campaign-links';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

/** What a donor is asked to receive by WeChat message (at most three, one dialog); all of it reaches 消息 regardless. */
const DONOR_MESSAGES = ['donationThanks', 'fundUse', 'refundNotice'];

export default function DonatePage() {
  const { params } = useRouter();
  const { state, reload } = useCampaign(params.id);
  useEffect(() => {
    void prefetchMessageTemplates();
  }, []);
  if (state.status === 'loading') return <Skeleton className="donate-skeleton" rows={8} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  return <DonateSheet campaign={state.campaign} />;
}

function DonateSheet({ campaign }: { campaign: CampaignDetailDto }) {
  const chips = useMemo(() => amountChips(campaign), [campaign]);
  const [draft, setDraft] = useState<DonateDraft>(() => ({
    choice: initialChoice(campaign),
    message: '',
    anonymous: false,
    hideAmount: false,
  }));
  const [serverProblem, setServerProblem] = useState<string | null>(null);
  const attempt = useRef<OrderAttempt | null>(null);
  const {
    phase,
    pay: payOrder,
    simulate,
    waitMore,
  } = usePayOrder((settled) => {
    if (settled.outcome === 'paid') void Taro.redirectTo({ url: `${DONATION_URL}?id=${settled.donation.id}&from=donate` });
    // That order is over: another tap is a new order.
    else if (settled.outcome === 'closed') attempt.current = null;
  });

  const check = checkAmount(campaign, draft.choice);
  const problem = serverProblem ?? (check.ok ? null : check.problem);
  const customText = draft.choice.kind === 'custom' ? draft.choice.text : '';
  const change = (next: Partial<DonateDraft>) => {
    setDraft((d) => ({ ...d, ...next }));
    setServerProblem(null);
  };

  const pay = async () => {
    if (!check.ok || phase.step === 'ordering') return;
    const body = toDonationRequest(draft, check.fen);
    attempt.current = attemptFor(attempt.current, body);
    // Asked in the tap itself (WeChat opens the dialog only from a tap), and answered before
    // WeChat Pay's sheet opens: two sheets at once collide. Declining does not stop the gift.
    // One dialog for all three: the thank-you now, later where the money went, and a refund if one comes.
    // The button spins only once the order is on its way: the dialog itself blocks a second tap.
    await askForMessages(DONOR_MESSAGES);
    const { key } = attempt.current;
    await payOrder(
      // A refused amount shows under the amount, not as a toast too.
      () =>
        showingErrorsInline(
          (error) => amountProblemFromServer(error.code, error.details, campaign) !== null,
          () => createDonation(campaign.id, body, key),
        ),
      (error) => {
        if (error instanceof ApiError) setServerProblem(amountProblemFromServer(error.code, error.details, campaign));
      },
    );
  };

  if (phase.step === 'simulate') return <SimulatedPayment campaign={campaign} donation={phase.donation} onPay={simulate} />;
  // Paid: the certificate page is on its way.
  if (phase.step === 'confirming' || phase.step === 'paid') return <Waiting />;
  if (phase.step === 'timeout') return <TimedOut donation={phase.donation} onWaitMore={(d) => void waitMore(d)} />;

  return (
    <View className="donate">
      <View className="donate-head">
        <Text className="donate-head__title">{campaign.title}</Text>
        {campaign.unit ? <Text className="donate-head__unit">{unitPriceLine(campaign.unit)}</Text> : null}
      </View>
      {phase.step === 'closed' ? <Text className="donate-notice">上一笔订单已关闭，未扣款，可以重新捐赠。</Text> : null}

      <View className="donate-card">
        <Text className="donate-card__title">{campaign.unit ? '选择数量' : '选择金额'}</Text>
        <View className="donate-chips">
          {chips.map((chip) => {
            const chosen = JSON.stringify(chip.choice) === JSON.stringify(draft.choice);
            return (
              <View
                key={chip.key}
                className={chosen ? 'donate-chip donate-chip--chosen' : 'donate-chip'}
                onClick={() => change({ choice: chip.choice })}
              >
                <Text className="donate-chip__label">{chip.label}</Text>
                {chip.hint ? <Text className="donate-chip__hint">{chip.hint}</Text> : null}
              </View>
            );
          })}
        </View>
        <View className={draft.choice.kind === 'custom' ? 'donate-custom donate-custom--active' : 'donate-custom'}>
          <Text className="donate-custom__label">其他金额 ¥</Text>
          <Input
            className="donate-custom__input"
            type="digit"
            value={customText}
            placeholder={`最少 ${formatFenShort(campaign.minAmountFen)}${campaign.maxAmountFen === null ? '' : `，最多 ${formatFenShort(campaign.maxAmountFen)}`}`}
            onFocus={() => draft.choice.kind !== 'custom' && change({ choice: { kind: 'custom', text: '' } })}
            onInput={(e) => change({ choice: { kind: 'custom', text: e.detail.value } })}
          />
        </View>
        {problem ? (
          <FieldError className="donate-problem" message={problem} />
        ) : check.ok && campaign.unit && draft.choice.kind === 'custom' && check.units > 0 ? (
          <Text className="donate-units">
            可{campaign.kind === 'sapling' ? '种下' : '认捐'} {check.units} {campaign.unit.name}
          </Text>
        ) : null}
      </View>

      <View className="donate-card">
        <Text className="donate-card__title">留言（选填）</Text>
        <Textarea
          className="donate-message"
          value={draft.message}
          maxlength={DONATION_MESSAGE_MAX_LENGTH}
          placeholder="写给母校或受助同学的话"
          onInput={(e) => change({ message: e.detail.value })}
        />
        <Toggle
          className="donate-anonymous"
          label="匿名捐赠"
          hint="爱心墙上显示为“匿名校友”"
          on={draft.anonymous}
          onChange={(anonymous) => change({ anonymous })}
        />
        <Toggle
          className="donate-hide-amount"
          label="隐藏金额"
          hint="爱心墙上不显示捐赠金额"
          on={draft.hideAmount}
          onChange={(hideAmount) => change({ hideAmount })}
        />
      </View>

      <View className="donate-actionbar">
        <Button
          className="donate-pay"
          type="primary"
          shape="round"
          block
          loading={phase.step === 'ordering'}
          disabled={!check.ok || campaign.status !== 'open'}
          onClick={() => void pay()}
        >
          {check.ok ? `支付 ${formatFen(check.fen)}` : '支付'}
        </Button>
        <Text className="donate-actionbar__note">由微信支付完成付款，捐赠记录和证书可在“我的捐赠”查看</Text>
      </View>
    </View>
  );
}

function Toggle({
  className,
  label,
  hint,
  on,
  onChange,
}: {
  className: string;
  label: string;
  hint: string;
  on: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <View className={`donate-toggle ${className}`} onClick={() => onChange(!on)}>
      <View className="donate-toggle__text">
        <Text className="donate-toggle__label">{label}</Text>
        <Text className="donate-toggle__hint">{hint}</Text>
      </View>
      <View className={on ? 'donate-switch donate-switch--on' : 'donate-switch'}>
        <View className="donate-switch__knob" />
      </View>
    </View>
  );
}

/** The H5 demo has no WeChat Pay: this step asks the server's WeChat Pay fake to pay the order. */
function SimulatedPayment({
  campaign,
  donation,
  onPay,
}: {
  campaign: CampaignDetailDto;
  donation: DonationDto;
  onPay: (donation: DonationDto) => Promise<void>;
}) {
  const { busy, run } = useSingleFlight();
  return (
    <View className="donate-simulate">
      <Text className="donate-simulate__badge">演示环境</Text>
      <Text className="donate-simulate__title">模拟微信支付</Text>
      <Text className="donate-simulate__amount">{formatFen(donation.amountFen)}</Text>
      <Text className="donate-simulate__meta">{campaign.title}</Text>
      <Text className="donate-simulate__meta">订单号 {donation.outTradeNo}</Text>
      <Text className="donate-simulate__hint">浏览器里没有微信支付。点击下方按钮，由演示服务器模拟完成付款，流程与真实支付相同。</Text>
      <Button
        className="donate-simulate__pay"
        type="primary"
        shape="round"
        block
        loading={busy}
        onClick={() => void run(() => onPay(donation))}
      >
        模拟支付
      </Button>
    </View>
  );
}

function Waiting() {
  return (
    <View className="donate-waiting">
      <View className="donate-waiting__spinner" />
      <Text className="donate-waiting__title">正在确认支付结果…</Text>
      <Text className="donate-waiting__hint">请勿关闭页面，通常几秒内完成</Text>
    </View>
  );
}

function TimedOut({ donation, onWaitMore }: { donation: DonationDto; onWaitMore: (donation: DonationDto) => void }) {
  return (
    <View className="donate-waiting donate-timeout">
      <Text className="donate-waiting__title">暂未确认到支付结果</Text>
      <Text className="donate-waiting__hint">
        如果已经付款，捐赠会在几分钟内自动确认，可在“我的捐赠”查看；未付款的订单 30 分钟后自动关闭，不会扣款。
      </Text>
      <Button className="donate-timeout__again" type="primary" shape="round" block onClick={() => onWaitMore(donation)}>
        再等一会儿
      </Button>
      <Button
        className="donate-timeout__open"
        shape="round"
        block
        onClick={() => void Taro.redirectTo({ url: `${DONATION_URL}?id=${donation.id}` })}
      >
        查看这笔捐赠
      </Button>
    </View>
  );
}
