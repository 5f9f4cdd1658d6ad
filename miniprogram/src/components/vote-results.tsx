import { formatPercent, type VoteChoice, type VoteResultsDto } from '@alumni/shared';
import { Text, View } from '@tarojs/components';
import './vote-results.scss';

/**
 * A vote's figures as bars, one per option: its ballots and their share of ballots; for a
 * multiple-choice vote also the share of all choices made (the column that sums to 100%).
 * Shown to voters (live or once published) and to staff after the close.
 */
export function VoteResults({ results, choice }: { results: VoteResultsDto; choice: VoteChoice }) {
  const top = Math.max(1, ...results.options.map((o) => o.count));
  return (
    <View className="vote-results">
      <Text className="vote-results__summary">
        {results.final ? '最终结果' : '实时结果'}：{results.ballots} 人投票
        {results.eligible > 0 ? `，应投 ${results.eligible} 人，投票率 ${formatPercent(results.turnout)}` : ''}
      </Text>
      {results.options.map((option) => (
        <View key={option.number} className="vote-results__option">
          <View className="vote-results__line">
            <Text className="vote-results__label">{option.label}</Text>
            <Text className="vote-results__count">
              {option.count} 票 · {formatPercent(option.shareOfBallots)}
              {choice === 'multiple' ? `（占选择 ${formatPercent(option.shareOfChoices)}）` : ''}
            </Text>
          </View>
          <View className="vote-results__track">
            <View className="vote-results__bar" style={{ width: `${Math.round((option.count / top) * 100)}%` }} />
          </View>
        </View>
      ))}
    </View>
  );
}
