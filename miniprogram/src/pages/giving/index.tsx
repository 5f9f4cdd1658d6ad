import type { CampaignSummaryDto, GivingDayDto } from '@alumni/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { listCampaigns } from '../../api/campaigns';
import { listGivingDays } from '../../api/giving-days';
import { CampaignCard } from '../../components/campaign-card';
import { CLASS_LEADERBOARD_URL, GIVING_DAY_URL, HONOUR_ROLL_URL, MY_DONATIONS_URL } from '../../components/campaign-links';
import { CampaignTabs } from '../../components/campaign-tabs';
import { EmptyState } from '../../components/empty-state';
import { EventPagedList } from '../../components/event-paged-list';
import { usePagedList, useReloadOnReturn } from '../events/use-paged-list';
import './index.scss';

type Status = 'open' | 'closed';

const TABS = [
  ['open', '进行中'],
  ['closed', '已结束'],
] as const;

/** The giving tab: donation drives with their progress; a tap opens one. */
export default function GivingPage() {
  const [status, setStatus] = useState<Status>('open');
  const { state, reload, loadMore } = usePagedList<CampaignSummaryDto>((cursor) => listCampaigns({ status, cursor, limit: 10 }), status);
  // Back from a gift: the progress moved.
  useReloadOnReturn(reload);
  useReachBottom(() => void loadMore());

  return (
    <View className="giving">
      <View className="giving-banner">
        <View className="giving-banner__text">
          <Text className="giving-banner__title">一棵树苗，一份助学金</Text>
          <Text className="giving-banner__hint">小额捐赠，每一笔都有去向、有回音</Text>
        </View>
        <Text className="giving-banner__mine" onClick={() => void Taro.navigateTo({ url: MY_DONATIONS_URL })}>
          我的捐赠
        </Text>
      </View>
      <GivingDayBanner />
      <View className="giving-boards">
        <Text className="giving-board giving-board--honour" onClick={() => void Taro.navigateTo({ url: HONOUR_ROLL_URL })}>
          年度光荣榜 ›
        </Text>
        <Text className="giving-board giving-board--classes" onClick={() => void Taro.navigateTo({ url: CLASS_LEADERBOARD_URL })}>
          班级捐赠榜 ›
        </Text>
      </View>
      <View className="giving-tabs">
        <CampaignTabs tabs={TABS} value={status} onChange={setStatus} />
      </View>
      <View className="giving-list">
        <EventPagedList
          state={state}
          empty={
            status === 'open' ? (
              <EmptyState title="暂无进行中的捐赠项目" description="新的植树、助学项目发布后会出现在这里" />
            ) : (
              <EmptyState title="还没有已结束的项目" />
            )
          }
          onRetry={() => void reload()}
          onMore={() => void loadMore()}
          render={(campaign) => <CampaignCard key={campaign.id} campaign={campaign} />}
        />
      </View>
    </View>
  );
}

/** The giving day running now (or the next one), when staff published one: a tap opens its live page. */
function GivingDayBanner() {
  const [day, setDay] = useState<GivingDayDto | null>(null);
  useEffect(() => {
    listGivingDays().then(
      (days) =>
        setDay(days.filter((d) => Date.parse(d.endsAt) > Date.now()).sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0] ?? null),
      () => setDay(null),
    );
  }, []);
  if (!day) return null;
  const live = Date.parse(day.startsAt) <= Date.now();
  return (
    <View className="giving-day-banner" onClick={() => void Taro.navigateTo({ url: `${GIVING_DAY_URL}?id=${day.id}` })}>
      <Text className="giving-day-banner__chip">{live ? '捐赠日进行中' : '捐赠日即将开始'}</Text>
      <Text className="giving-day-banner__title">{day.title}</Text>
      <Text className="giving-day-banner__go">去看看 ›</Text>
    </View>
  );
}
