import { CLASS_LEADERBOARD_MIN_SIZE, type ClassLeaderboardEntryDto } from '@alumni/shared';
import { Text, View } from '@tarojs/components';
import { getClassLeaderboard } from '../../../../api/giving';
import { EmptyState } from '../../../../components/empty-state';
import { classLabel, participationLine, shareText } from '../../boards';
import { RankBadge, YearBoard } from '../../year-board';

const load = async (year: number) => (await getClassLeaderboard(year)).entries;

/** 班级捐赠榜: classes by the share of their alumni who gave that year; counts only, never names or amounts. */
export default function ClassLeaderboardPage() {
  return (
    <YearBoard<ClassLeaderboardEntryDto>
      className="class-leaderboard"
      title={(year) => `${year} 年班级捐赠榜`}
      hint={`按班级参与捐赠的校友比例排名（匿名捐赠也计入），不足 ${CLASS_LEADERBOARD_MIN_SIZE} 人的班级不列出`}
      load={load}
      render={(entry) => (
        <View key={`${entry.graduationYear}-${entry.departmentId}-${entry.className}`} className="year-board__row class-leaderboard__entry">
          <RankBadge rank={entry.rank} />
          <View className="year-board__main">
            <Text className="year-board__name class-leaderboard__class">{classLabel(entry)}</Text>
            <Text className="year-board__meta class-leaderboard__count">{participationLine(entry)}</Text>
            <View className="year-board__bar">
              <View className="year-board__bar-fill" style={{ width: `${Math.min(entry.sharePercent, 100)}%` }} />
            </View>
          </View>
          <Text className="year-board__figure class-leaderboard__share">{shareText(entry.sharePercent)}</Text>
        </View>
      )}
      empty={(year) => <EmptyState title={`${year} 年还没有班级上榜`} description="班级里有校友捐赠后，这里会按参与比例排名" />}
    />
  );
}
