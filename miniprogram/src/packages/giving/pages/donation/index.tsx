import type { CampaignDetailDto, DonationCertificateDto, DonationDto } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getCampaign } from '../../../../api/campaigns';
import { getCertificate, getDonation } from '../../../../api/donations';
import { ApiError } from '../../../../api/request';
import { CAMPAIGN_URL, MY_DONATIONS_URL } from '../../../../components/campaign-links';
import { ErrorState } from '../../../../components/error-state';
import { CertificateImage } from '../../certificate-image';
import { amountLine, DONATION_STATUS_LABELS } from '../../donation-view';
import { matchedLine } from '../../match-view';
import { sleep, treeLine, waitForSettlement } from '../../payment';
import './index.scss';

type State =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | {
      status: 'ready';
      donation: DonationDto;
      campaign: CampaignDetailDto;
      waiting: boolean;
      /** Once paid: what its certificate shows. */
      certificate: DonationCertificateDto | null;
    };

/**
 * One gift (?id=): its certificate once paid; a pending one is watched until it settles. The
 * thank-you message opens this page; `from=donate` says the campaign page is right behind it.
 */
export default function DonationPage() {
  const { params } = useRouter();
  const [state, setState] = useState<State>({ status: 'loading' });
  // The drawn certificate: WeChat's share card shows it.
  const [certificateImage, setCertificateImage] = useState<string | null>(null);
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
      const show = async (settled: DonationDto) =>
        setState({
          status: 'ready',
          donation: settled,
          campaign,
          waiting: false,
          certificate: settled.status === 'paid' ? await getCertificate(settled.id) : null,
        });
      if (donation.status !== 'pending') return await show(donation);
      setState({ status: 'ready', donation, campaign, waiting: true, certificate: null });
      const settled = await waitForSettlement(donation, { read: getDonation, sleep, now: Date.now, abandoned: () => left.current });
      if (settled.outcome !== 'abandoned') await show(settled.donation);
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
      ...(certificateImage && process.env.TARO_ENV === 'weapp' ? { imageUrl: certificateImage } : {}),
    };
  });

  if (state.status === 'loading') return <Skeleton className="donation-skeleton" rows={8} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void load()} />;
  const { donation, campaign, waiting, certificate } = state;
  return (
    <View className="donation">
      {certificate ? (
        <>
          <CertificateImage certificate={certificate} onDrawn={setCertificateImage} />
          {donation.matchedFen > 0 ? <Text className="donation-matched">{matchedLine(donation)}</Text> : null}
        </>
      ) : (
        <View className="donation-status">
          <Text className={`donation-status__label donation-status__label--${donation.status}`}>
            {waiting ? '正在确认支付结果…' : DONATION_STATUS_LABELS[donation.status]}
          </Text>
          <Text className="donation-status__hint">
            {donation.status === 'closed'
              ? '这笔订单未付款，已关闭，没有扣款。'
              : donation.status === 'refunded'
                ? '这笔捐赠已全额退款，证书随之作废。'
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
          // With a certificate, saving it is the page's main action.
          type={certificate ? 'default' : 'primary'}
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
