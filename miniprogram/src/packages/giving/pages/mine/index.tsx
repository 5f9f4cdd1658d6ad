import { CAMPAIGN_KIND_LABELS, type DisbursementDto, formatShanghaiShort, type MyDonationDto } from '@alumni/shared';
import { Switch, Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { listMyDisbursements, listMyDonations } from '../../../../api/donations';
import { getGivingPreferences, setGivingPreferences } from '../../../../api/giving';
import { CAMPAIGN_URL, DONATION_URL, HONOUR_ROLL_URL, RECEIPTS_URL } from '../../../../components/campaign-links';
import { CampaignTabs } from '../../../../components/campaign-tabs';
import { EmptyState } from '../../../../components/empty-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { amountLine, DONATION_STATUS_LABELS } from '../../donation-view';
import { FundUseEntry } from '../../fund-use-entry';
import { treeLine } from '../../payment';
import { BRAND_COLOR } from '../../../../theme';
import './index.scss';

const TABS = [
  ['gifts', '捐赠记录'],
  ['fundUse', '善款去向'],
] as const;
type Tab = (typeof TABS)[number][0];
type Item = MyDonationDto | DisbursementDto;
const isGift = (item: Item): item is MyDonationDto => 'campaign' in item;

/** 我的捐赠: every gift, newest first, with its status and certificate; and what the money of those drives did. */
export default function MyDonationsPage() {
  const [tab, setTab] = useState<Tab>('gifts');
  const { state, reload, loadMore } = usePagedList<Item>(
    (cursor) => (tab === 'gifts' ? listMyDonations({ cursor, limit: 20 }) : listMyDisbursements({ cursor, limit: 20 })),
    tab,
  );
  useReloadOnReturn(reload);
  useReachBottom(() => void loadMore());
  return (
    <View className="my-donations">
      <HonourRollChoice />
      <View className="my-donations__receipts" onClick={() => void Taro.navigateTo({ url: RECEIPTS_URL })}>
        <Text className="my-donations__receipts-title">捐赠票据</Text>
        <Text className="my-donations__receipts-hint">申请公益事业捐赠票据，开具后在此下载 ›</Text>
      </View>
      <View className="my-donations__tabs">
        <CampaignTabs tabs={TABS} value={tab} onChange={setTab} />
      </View>
      <EventPagedList
        state={state}
        empty={
          tab === 'gifts' ? (
            <EmptyState title="还没有捐赠记录" description="在“捐赠”里选一个项目，种下一棵树或资助一位学弟学妹" />
          ) : (
            <EmptyState title="暂无善款使用公示" description="你支持的项目每使用一笔善款，都会在这里告诉你" />
          )
        }
        onRetry={() => void reload()}
        onMore={() => void loadMore()}
        render={(item) =>
          isGift(item) ? (
            <MyDonation key={item.id} donation={item} />
          ) : (
            <View
              key={item.id}
              className="my-donations__fund-use"
              onClick={() => void Taro.navigateTo({ url: `${CAMPAIGN_URL}?id=${item.campaignId}` })}
            >
              <FundUseEntry entry={item} />
              <Text className="my-donations__fund-use-link">查看项目 ›</Text>
            </View>
          )
        }
      />
    </View>
  );
}

function MyDonation({ donation }: { donation: MyDonationDto }) {
  return (
    <View className="my-donation" onClick={() => void Taro.navigateTo({ url: `${DONATION_URL}?id=${donation.id}` })}>
      <View className="my-donation__head">
        <Text className={`my-donation__kind my-donation__kind--${donation.campaign.kind}`}>
          {CAMPAIGN_KIND_LABELS[donation.campaign.kind]}
        </Text>
        <Text className="my-donation__title">{donation.campaign.title}</Text>
        <Text className={`my-donation__status my-donation__status--${donation.status}`}>{DONATION_STATUS_LABELS[donation.status]}</Text>
      </View>
      <View className="my-donation__line">
        <Text className="my-donation__amount">{amountLine(donation)}</Text>
        <Text className="my-donation__time">{formatShanghaiShort(donation.paidAt ?? donation.createdAt)}</Text>
      </View>
      {donation.treeNumbers ? <Text className="my-donation__trees">{treeLine(donation.treeNumbers)}</Text> : null}
      {donation.certificateNo ? <Text className="my-donation__certificate">证书编号 {donation.certificateNo} ›</Text> : null}
    </View>
  );
}

/** The honour roll is opt-in: off until the alumnus turns it on here. */
function HonourRollChoice() {
  const [on, setOn] = useState<boolean | null>(null);
  useEffect(() => {
    getGivingPreferences().then(
      (preferences) => setOn(preferences.honourRoll),
      () => setOn(null),
    );
  }, []);
  if (on === null) return null;

  const change = async (next: boolean) => {
    setOn(next);
    try {
      setOn((await setGivingPreferences({ honourRoll: next })).honourRoll);
      void Taro.showToast({ title: next ? '已开启，署名捐赠将计入光荣榜' : '已关闭，光荣榜上不再显示你', icon: 'none' });
    } catch {
      setOn(!next);
      void Taro.showToast({ title: '保存失败，请重试', icon: 'none' });
    }
  };
  return (
    <View className="my-donations__roll">
      <View className="my-donations__roll-text">
        <Text className="my-donations__roll-title">加入年度光荣榜</Text>
        <Text className="my-donations__roll-hint">开启后，你当年署名捐赠的总额会列在光荣榜上；匿名捐赠不计入。</Text>
        <Text className="my-donations__roll-link" onClick={() => void Taro.navigateTo({ url: HONOUR_ROLL_URL })}>
          查看光荣榜 ›
        </Text>
      </View>
      <Switch
        className="my-donations__roll-switch"
        checked={on}
        color={BRAND_COLOR}
        onChange={(event) => void change(event.detail.value)}
      />
    </View>
  );
}
