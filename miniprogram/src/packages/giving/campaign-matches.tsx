import { type CampaignDetailDto, type CampaignMatchDto, formatFen, progressPercent } from '@alumni/shared';
import { Progress } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { MATCH_STATE_LABELS, matchConditions, matchState, matchWindow, ratioLabel } from './match-view';
import './campaign-matches.scss';

/** 配捐: the sponsors matching this drive's gifts, what each matched and what is left. Nothing when there are none. */
export function CampaignMatches({ campaign }: { campaign: CampaignDetailDto }) {
  if (campaign.matches.length === 0) return null;
  return (
    <View className="campaign__card campaign-matches">
      <View className="campaign-matches__head">
        <Text className="campaign__section">配捐</Text>
        <Text className="campaign-matches__total">已配捐 {formatFen(campaign.matchedFen)}</Text>
      </View>
      <Text className="campaign-matches__sum">
        捐款 {formatFen(campaign.raisedFen)} + 配捐 {formatFen(campaign.matchedFen)} = {formatFen(campaign.raisedFen + campaign.matchedFen)}
      </Text>
      {campaign.matches.map((match) => (
        <MatchRow key={match.id} match={match} />
      ))}
    </View>
  );
}

function MatchRow({ match }: { match: CampaignMatchDto }) {
  const state = matchState(match);
  const conditions = matchConditions(match);
  return (
    <View className="campaign-match">
      <View className="campaign-match__line">
        <Text className="campaign-match__sponsor">{match.sponsorName}</Text>
        <Text className={`campaign-match__state campaign-match__state--${state}`}>{MATCH_STATE_LABELS[state]}</Text>
      </View>
      <Text className="campaign-match__ratio">
        {ratioLabel(match.ratioPercent)} · 上限 {formatFen(match.capFen)}
      </Text>
      <Progress
        className="campaign-match__bar"
        percent={progressPercent(match.matchedFen, match.capFen)}
        color="linear-gradient(90deg, #f7c46c 0%, #e8692c 100%)"
        background="#f3ece7"
        strokeWidth="5"
      />
      <View className="campaign-match__line">
        <Text className="campaign-match__figure">已配捐 {formatFen(match.matchedFen)}</Text>
        <Text className="campaign-match__figure">剩余 {formatFen(match.remainingFen)}</Text>
      </View>
      <Text className="campaign-match__meta">
        {matchWindow(match)}
        {conditions ? ` · ${conditions}` : ''}
      </Text>
    </View>
  );
}
