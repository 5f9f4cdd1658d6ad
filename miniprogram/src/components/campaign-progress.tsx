import { type CampaignSummaryDto, formatFen, progressPercent } from '@alumni/shared';
import { Progress } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { groupDigits, unitsRaisedLine } from './campaign-units';
import './campaign-progress.scss';

/** Raised vs goal as a bar and figures, donors, and the units given when the drive counts them. */
export function CampaignProgress({ campaign }: { campaign: CampaignSummaryDto }) {
  const percent = progressPercent(campaign.raisedFen, campaign.goalFen);
  return (
    <View className="campaign-progress">
      <Progress
        className="campaign-progress__bar"
        percent={percent}
        color="linear-gradient(90deg, #f5a25d 0%, #e8692c 100%)"
        background="#f3ece7"
        strokeWidth="6"
      />
      <View className="campaign-progress__numbers">
        <Text className="campaign-progress__raised">
          <Text className="campaign-progress__raised-amount">{formatFen(campaign.raisedFen)}</Text>
          <Text className="campaign-progress__goal"> / {formatFen(campaign.goalFen)}</Text>
        </Text>
        <Text className="campaign-progress__percent">{percent}%</Text>
      </View>
      <View className="campaign-progress__meta">
        <Text className="campaign-progress__donors">{groupDigits(campaign.donorCount)} 人已捐</Text>
        {campaign.unit ? (
          <Text className="campaign-progress__units">{unitsRaisedLine(campaign.kind, campaign.unit, campaign.unitsRaised)}</Text>
        ) : null}
      </View>
    </View>
  );
}
