import type { LiaisonLeaderboardDto, LiaisonClassDto } from '@alumni/shared';
import { Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { getClassLeaderboard, listMyLiaisonClasses } from '../../../../api/liaisons';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorState } from '../../../../components/error-state';
import { useLoaded } from '../../../../components/use-loaded';
import './index.scss';

const load = async (): Promise<{ board: LiaisonLeaderboardDto; mine: LiaisonClassDto[] }> => {
  const [board, mine] = await Promise.all([getClassLeaderboard(50), listMyLiaisonClasses()]);
  return { board, mine };
};

/** Classes ranked by coverage (verified ÷ roster entries); a liaison's own classes are marked, and shown below when off the list. */
export default function ClassLeaderboardPage() {
  const { state, reload } = useLoaded('leaderboard', load, '');
  if (state.status === 'loading') return <Skeleton className="lb-skeleton" rows={10} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  const { board, mine } = state;
  const own = new Set(mine.map((c) => c.classGroupId));
  const offList = mine.filter((c) => !board.items.some((row) => row.classGroupId === c.classGroupId));
  if (board.items.length === 0) return <EmptyState title="还没有班级名册" />;
  return (
    <View className="class-leaderboard">
      <Text className="lb-lead">按班级认证覆盖率（已认证 ÷ 名册人数）排名，共 {board.classCount} 个班级</Text>
      {board.items.map((row) => (
        <View key={row.classGroupId} className={`lb-row${own.has(row.classGroupId) ? ' lb-row--mine' : ''}`}>
          <Text className="lb-row__rank">{row.rank}</Text>
          <View className="lb-row__body">
            <Text className="lb-row__name">{row.name}</Text>
            <Text className="lb-row__meta">
              名册 {row.graduates} 人 · 已认证 {row.reached} 人{row.liaisonCount > 0 ? ` · 联络人 ${row.liaisonCount}` : ''}
            </Text>
          </View>
          <Text className="lb-row__percent">{row.percent}%</Text>
        </View>
      ))}
      {offList.map((c) => (
        <View key={c.classGroupId} className="lb-row lb-row--mine lb-row--off">
          <Text className="lb-row__rank">{c.rank ?? '-'}</Text>
          <View className="lb-row__body">
            <Text className="lb-row__name">{c.name}</Text>
            <Text className="lb-row__meta">
              名册 {c.graduates} 人 · 已认证 {c.reached} 人
            </Text>
          </View>
          <Text className="lb-row__percent">{c.percent}%</Text>
        </View>
      ))}
    </View>
  );
}
