import type { CampaignDetailDto } from '@alumni/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { listStaffCampaigns } from '../../../../api/campaigns';
import { CampaignCard } from '../../../../components/campaign-card';
import { EmptyState } from '../../../../components/empty-state';
import { StaffRecordList } from '../../record-list';
import { CAMPAIGN_STATUS_LABELS } from './status';
import { CAMPAIGN_EDITOR_URL } from './urls';
import './index.scss';

/** Every donation drive, drafts included, newest first; a tap opens the editor. */
export default function StaffCampaignsPage() {
  return (
    <StaffRecordList<CampaignDetailDto>
      block="staff-campaigns"
      top={<Text className="staff-campaigns__hint">植树、助学、奖学金与综合项目</Text>}
      newLabel="新建项目"
      editorUrl={CAMPAIGN_EDITOR_URL}
      fetchPage={(cursor) => listStaffCampaigns({ cursor, limit: 20 })}
      filterKey="all"
      empty={<EmptyState title="还没有捐赠项目" description="点“新建项目”发起第一个植树或助学项目" />}
      render={(campaign) => (
        <View key={campaign.id} className="staff-campaign">
          <Text className={`staff-campaign__status staff-campaign__status--${campaign.status}`}>
            {CAMPAIGN_STATUS_LABELS[campaign.status]}
          </Text>
          <CampaignCard campaign={campaign} onClick={() => void Taro.navigateTo({ url: `${CAMPAIGN_EDITOR_URL}?id=${campaign.id}` })} />
        </View>
      )}
    />
  );
}
