import type { CampaignDetailDto } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { listStaffCampaigns } from '../../../../api/campaigns';
import { CampaignCard } from '../../../../components/campaign-card';
import { EmptyState } from '../../../../components/empty-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { CAMPAIGN_STATUS_LABELS } from './status';
import { CAMPAIGN_EDITOR_URL } from './urls';
import './index.scss';

/** Every donation drive, drafts included, newest first; a tap opens the editor. */
export default function StaffCampaignsPage() {
  const { state, reload, loadMore } = usePagedList<CampaignDetailDto>((cursor) => listStaffCampaigns({ cursor, limit: 20 }), 'all');
  // Back from the editor: show the saved changes.
  useReloadOnReturn(reload);
  useReachBottom(() => void loadMore());

  return (
    <View className="staff-campaigns">
      <View className="staff-campaigns__top">
        <Text className="staff-campaigns__hint">植树、助学、奖学金与综合项目</Text>
        <Button
          className="staff-campaigns__new"
          type="primary"
          size="small"
          shape="round"
          onClick={() => void Taro.navigateTo({ url: CAMPAIGN_EDITOR_URL })}
        >
          新建项目
        </Button>
      </View>
      <EventPagedList
        state={state}
        empty={<EmptyState title="还没有捐赠项目" description="点“新建项目”发起第一个植树或助学项目" />}
        onRetry={() => void reload()}
        onMore={() => void loadMore()}
        render={(campaign) => (
          <View key={campaign.id} className="staff-campaign">
            <Text className={`staff-campaign__status staff-campaign__status--${campaign.status}`}>
              {CAMPAIGN_STATUS_LABELS[campaign.status]}
            </Text>
            <CampaignCard campaign={campaign} onClick={() => void Taro.navigateTo({ url: `${CAMPAIGN_EDITOR_URL}?id=${campaign.id}` })} />
          </View>
        )}
      />
    </View>
  );
}
