import { formatShanghaiShort, REUNION_STATUS_LABELS, type ReunionClassDto, type ReunionProposalDto } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { listReunionClasses, listReunions } from '../../../../api/campus-days';
import { ApiError } from '../../../../api/request';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorState } from '../../../../components/error-state';
import { campusDayUrls } from '../../urls';
import './index.scss';

type State =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; classes: { klass: ReunionClassDto; proposals: ReunionProposalDto[] }[] };

/** The reunions of the classes I am verified in: proposals to answer, and a new one to propose. */
export default function ReunionsPage() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const load = useCallback(async () => {
    try {
      const classes = await listReunionClasses();
      const lists = await Promise.all(classes.map((c) => listReunions(c.groupId, { limit: 20 })));
      setState({ status: 'ready', classes: classes.map((klass, i) => ({ klass, proposals: lists[i]!.items })) });
    } catch (error) {
      setState({ status: 'failed', message: error instanceof ApiError ? error.message : '网络异常，请稍后重试' });
    }
  }, []);
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  if (state.status === 'loading') return <Skeleton rows={8} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void load()} />;
  if (state.classes.length === 0) {
    return <EmptyState title="认证班级后可以发起聚会" description="完成校友认证，和同班同学约一次聚会" />;
  }
  return (
    <View className="cd-reunions">
      {state.classes.map(({ klass, proposals }) => (
        <View key={klass.groupId} className="cd-reunions__class">
          <View className="cd-reunions__head">
            <Text className="cd-reunions__name">{klass.name}</Text>
            {klass.mayPropose ? (
              <Button
                className="cd-reunions__propose"
                size="small"
                type="primary"
                shape="round"
                onClick={() => void Taro.navigateTo({ url: campusDayUrls.propose(klass.groupId) })}
              >
                发起聚会
              </Button>
            ) : null}
          </View>
          {proposals.length === 0 ? <Text className="cd-reunions__empty">还没有聚会倡议</Text> : null}
          {proposals.map((p) => (
            <View key={p.id} className="cd-reunions__item" onClick={() => void Taro.navigateTo({ url: campusDayUrls.reunion(p.id) })}>
              <Text className="cd-reunions__title">{p.title}</Text>
              <Text className="cd-reunions__meta">
                {REUNION_STATUS_LABELS[p.status]} · {formatShanghaiShort(p.startsAt)} · {p.interestCount} 人想参加
              </Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
