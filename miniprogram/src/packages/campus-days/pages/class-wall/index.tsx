import { Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { getClassWall } from '../../../../api/campus-days';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorState } from '../../../../components/error-state';
import { useLoaded } from '../../../../components/use-loaded';
import './index.scss';

const load = async (id: string) => ({ wall: await getClassWall(id) });

/** The classes that came back together today (two alumni or more), most first, with their names. */
export default function ClassWallPage() {
  const { params } = useRouter();
  const { state, reload } = useLoaded(params.eventId, load, '返校日不存在');
  if (state.status === 'loading') return <Skeleton rows={8} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  const { wall } = state;
  return (
    <View className="cd-wall">
      <Text className="cd-wall__total">今天已有 {wall.alumniCount} 位校友回到母校</Text>
      {wall.classes.length === 0 ? <EmptyState title="还没有班级结伴回来" description="同班两位以上校友打卡后，班级会出现在这里" /> : null}
      {wall.classes.map((c) => (
        <View key={c.groupId} className="cd-wall__class">
          <View className="cd-wall__head">
            <Text className="cd-wall__name">{c.name}</Text>
            <Text className="cd-wall__count">{c.count} 人</Text>
          </View>
          <Text className="cd-wall__names">{c.names.join('、')}</Text>
        </View>
      ))}
    </View>
  );
}
