import { type CampaignDetailDto, type DonationDto, formatShanghaiDateTime } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getCampaign } from '../../../../api/campaigns';
import { getDonation } from '../../../../api/donations';
import { ApiError } from '../../../../api/request';
import { loadSession } from '../../../../api/session';
import { CAMPAIGN_URL, MY_DONATIONS_URL } from '../../../../components/campaign-links';
import { ErrorState } from '../../../../components/error-state';
import { amountLine, DONATION_STATUS_LABELS } from '../../donation-view';
import { sleep, treeLine, waitForSettlement } from '../../payment';
import './index.scss';

type State =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; donation: DonationDto; campaign: CampaignDetailDto; waiting: boolean };

/**
 * One gift (?id=): its certificate once paid; a pending one is watched until it settles. The
 * thank-you message opens this page; `from=donate` says the campaign page is right behind it.
 */
export default function DonationPage() {
  const { params } = useRouter();
  const [state, setState] = useState<State>({ status: 'loading' });
  const left = useRef(false);
  useEffect(
    () => () => {
      left.current = true;
    },
    [],
  );

  const load = useCallback(async () => {
    if (!params.id) {
      setState({ status: 'failed', message: '捐赠记录不存在' });
      return;
    }
    setState({ status: 'loading' });
    try {
      const donation = await getDonation(params.id);
      const campaign = await getCampaign(donation.campaignId);
      const pending = donation.status === 'pending';
      setState({ status: 'ready', donation, campaign, waiting: pending });
      if (!pending) return;
      const settled = await waitForSettlement(donation, { read: getDonation, sleep, now: Date.now, abandoned: () => left.current });
      if (settled.outcome !== 'abandoned') setState({ status: 'ready', donation: settled.donation, campaign, waiting: false });
    } catch (error) {
      setState({ status: 'failed', message: error instanceof ApiError ? error.message : '网络异常，请稍后重试' });
    }
  }, [params.id]);
  useEffect(() => {
    void load();
  }, [load]);

  // Sharing invites others to the drive, never to this gift (only its donor may read it).
  useShareAppMessage(() => {
    if (state.status !== 'ready') return {};
    const { donation, campaign } = state;
    return {
      title: donation.treeNumbers ? `${treeLine(donation.treeNumbers)}，一起为母校种树吧` : `我支持了“${campaign.title}”`,
      path: `${CAMPAIGN_URL}?id=${campaign.id}`,
    };
  });

  if (state.status === 'loading') return <Skeleton className="donation-skeleton" rows={8} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void load()} />;
  const { donation, campaign, waiting } = state;
  return (
    <View className="donation">
      {donation.status === 'paid' || donation.status === 'refunded' ? (
        <Certificate donation={donation} campaign={campaign} />
      ) : (
        <View className="donation-status">
          <Text className={`donation-status__label donation-status__label--${donation.status}`}>
            {waiting ? '正在确认支付结果…' : DONATION_STATUS_LABELS[donation.status]}
          </Text>
          <Text className="donation-status__hint">
            {donation.status === 'closed'
              ? '这笔订单未付款，已关闭，没有扣款。'
              : waiting
                ? '通常几秒内完成，请稍候'
                : '尚未确认到付款。若已付款，几分钟内会自动确认；未付款的订单 30 分钟后自动关闭。'}
          </Text>
          <Text className="donation-status__meta">
            {campaign.title} · {amountLine(donation)}
          </Text>
        </View>
      )}

      <View className="donation-actions">
        <Button
          className="donation-back"
          type="primary"
          shape="round"
          block
          onClick={() =>
            void (params.from === 'donate' ? Taro.navigateBack() : Taro.redirectTo({ url: `${CAMPAIGN_URL}?id=${campaign.id}` }))
          }
        >
          返回项目
        </Button>
        <Button className="donation-mine" shape="round" block onClick={() => void Taro.redirectTo({ url: MY_DONATIONS_URL })}>
          我的捐赠
        </Button>
      </View>
    </View>
  );
}

function Certificate({ donation, campaign }: { donation: DonationDto; campaign: CampaignDetailDto }) {
  const name = donation.anonymous ? '匿名校友' : (loadSession()?.alumnus.displayName ?? '校友');
  return (
    <View className="certificate">
      <Text className="certificate__thanks">感谢你的捐赠</Text>
      <View className="certificate__paper">
        <Text className="certificate__heading">捐赠证书</Text>
        <Text className="certificate__name">{name}</Text>
        <Text className="certificate__body">
          于 {formatShanghaiDateTime(donation.paidAt ?? donation.createdAt)} 向“{campaign.title}”捐赠 {amountLine(donation)}
          ，特发此证，以致谢忱。
        </Text>
        {donation.treeNumbers ? <Text className="certificate__trees">{treeLine(donation.treeNumbers)}</Text> : null}
        {donation.message ? <Text className="certificate__message">“{donation.message}”</Text> : null}
        <View className="certificate__foot">
          <Text className="certificate__no">证书编号 {donation.certificateNo}</Text>
          <Text className="certificate__issuer">校友会</Text>
        </View>
        {donation.status === 'refunded' ? <Text className="certificate__refunded">已退款</Text> : null}
      </View>
    </View>
  );
}
