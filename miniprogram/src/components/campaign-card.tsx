import { CAMPAIGN_KIND_LABELS, type CampaignSummaryDto } from '@alumni/shared';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CAMPAIGN_URL } from './campaign-links';
import { CampaignProgress } from './campaign-progress';
import './campaign-card.scss';
import { mediaUrl } from '../api/media';

/** A tap opens the campaign page, unless the caller (a staff list) says otherwise. */
export function CampaignCard({ campaign, onClick }: { campaign: CampaignSummaryDto; onClick?: () => void }) {
  const open = onClick ?? (() => void Taro.navigateTo({ url: `${CAMPAIGN_URL}?id=${campaign.id}` }));
  return (
    <View className={`campaign-card campaign-card--${campaign.kind}`} onClick={open}>
      {campaign.coverUrl ? <Image className="campaign-card__cover" src={mediaUrl(campaign.coverUrl)} mode="aspectFill" lazyLoad /> : null}
      <View className="campaign-card__head">
        <Text className="campaign-card__kind">{CAMPAIGN_KIND_LABELS[campaign.kind]}</Text>
        <Text className="campaign-card__title">{campaign.title}</Text>
      </View>
      {campaign.summary ? <Text className="campaign-card__summary">{campaign.summary}</Text> : null}
      <CampaignProgress campaign={campaign} />
    </View>
  );
}
