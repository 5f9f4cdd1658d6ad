import { formatFen, type HonourRollEntryDto } from '@alumni/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { getHonourRoll } from '../../../../api/giving';
import { MY_DONATIONS_URL } from '../../../../components/campaign-links';
import { EmptyState } from '../../../../components/empty-state';
import { RankBadge, YearBoard } from '../../year-board';

/**
 * 捐赠光荣榜: the year's alumni who chose to be on it, by their total of named gifts, exactly
 * as the server answers it (anonymous gifts never count towards a name).
 */
export default function HonourRollPage() {
  return (
    <YearBoard<HonourRollEntryDto>
      className="honour-roll"
      title={(year) => `${year} 年度捐赠光荣榜`}
      hint="按当年署名捐赠总额排名，只列出自愿上榜的校友"
      load={getHonourRoll}
      render={(entry) => (
        <View key={entry.alumnusId} className="year-board__row honour-roll__entry">
          <RankBadge rank={entry.rank} />
          <View className="year-board__main">
            <Text className="year-board__name honour-roll__name">{entry.name}</Text>
            <Text className="year-board__meta">{entry.gifts} 笔捐赠</Text>
          </View>
          <Text className="year-board__figure honour-roll__total">{formatFen(entry.totalFen)}</Text>
        </View>
      )}
      empty={(year) => (
        <EmptyState title={`${year} 年还没有校友上榜`} description="在“我的捐赠”里开启“上光荣榜”，你当年的署名捐赠就会计入排名">
          <Text className="year-board__link honour-roll__join" onClick={() => void Taro.navigateTo({ url: MY_DONATIONS_URL })}>
            去开启 ›
          </Text>
        </EmptyState>
      )}
    />
  );
}
