import { CAMPAIGN_KIND_LABELS, formatFen, progressPercent, type CampaignSummaryDto } from '@alumni/shared';
import { Progress } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import './campaign-card.scss';

export function CampaignCard({ campaign }: { campaign: CampaignSummaryDto }) {
  const percent = progressPercent(campaign.raisedFen, campaign.goalFen);
  return (
    <View className="campaign-card">
      <View className="campaign-card__head">
        <Text className="campaign-card__kind">{CAMPAIGN_KIND_LABELS[campaign.kind]}</Text>
        <Text className="campaign-card__title">{campaign.title}</Text>
      </View>
      {campaign.summary ? <Text className="campaign-card__summary">{campaign.summary}</Text> : null}
      <Progress
        className="campaign-card__progress"
        percent={percent}
        color="linear-gradient(90deg, #f5a25d 0%, #e8692c 100%)"
        background="#f3ece7"
        strokeWidth="6"
      />
      <View className="campaign-card__numbers">
        <Text className="campaign-card__raised">
          <Text className="campaign-card__raised-amount">{formatFen(campaign.raisedFen)}</Text>
          <Text className="campaign-card__goal"> / {formatFen(campaign.goalFen)}</Text>
        </Text>
        <Text className="campaign-card__donors">{campaign.donorCount} 人已捐</Text>
      </View>
    </View>
  );
}
