import { formatShanghaiDateTime, REUNION_STATUS_LABELS, type ReunionProposalDto } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { getReunion, setReunionInterest, withdrawReunion } from '../../../../api/campus-days';
import { ErrorState } from '../../../../components/error-state';
import { useLoaded } from '../../../../components/use-loaded';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

const load = async (id: string) => ({ proposal: await getReunion(id) });

/** A reunion a classmate proposed: say 我想参加; once staff approve it, the event to sign up for. */
export default function ReunionPage() {
  const { params } = useRouter();
  const { state, reload, update } = useLoaded(params.id, load, '聚会倡议不存在');
  const { busy, run, confirmThen } = useSingleFlight();
  if (state.status === 'loading') return <Skeleton rows={8} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  const { proposal } = state;

  const apply = async (action: () => Promise<ReunionProposalDto>, done: string) => {
    try {
      update({ proposal: await action() });
      void Taro.showToast({ title: done, icon: 'success' });
    } catch {
      // Shown by the request wrapper.
    }
  };
  const act = (action: () => Promise<ReunionProposalDto>, done: string) => run(() => apply(action, done));

  const withdraw = () =>
    confirmThen({ title: '撤回倡议', content: '撤回后同学们不能再响应。', confirmText: '撤回' }, () =>
      apply(() => withdrawReunion(proposal.id), '已撤回'),
    );

  return (
    <View className="cd-reunion">
      <View className="cd-reunion__card">
        <Text className="cd-reunion__title">{proposal.title}</Text>
        <Text className="cd-reunion__meta">
          {proposal.classGroup.name} · {REUNION_STATUS_LABELS[proposal.status]} · {proposal.proposer.displayName} 发起
        </Text>
        <Text className="cd-reunion__row">时间：{formatShanghaiDateTime(proposal.startsAt)}</Text>
        {proposal.city || proposal.venue ? (
          <Text className="cd-reunion__row">地点：{[proposal.city, proposal.venue].filter(Boolean).join(' ')}</Text>
        ) : null}
        <Text className="cd-reunion__message">{proposal.message}</Text>
        <Text className="cd-reunion__count">{proposal.interestCount} 位同学想参加</Text>
        {proposal.decisionNote ? <Text className="cd-reunion__note">校友会：{proposal.decisionNote}</Text> : null}
      </View>
      <View className="cd-reunion__bar">
        {proposal.eventId ? (
          <Button
            className="cd-reunion__event"
            type="primary"
            shape="round"
            block
            onClick={() => void Taro.navigateTo({ url: `/packages/events/pages/detail/index?id=${proposal.eventId}` })}
          >
            去报名
          </Button>
        ) : null}
        {proposal.mayExpressInterest ? (
          <Button
            className="cd-reunion__interest"
            type={proposal.interestedByMe ? 'default' : 'primary'}
            shape="round"
            block
            loading={busy}
            onClick={() =>
              void act(() => setReunionInterest(proposal.id, !proposal.interestedByMe), proposal.interestedByMe ? '已取消' : '已响应')
            }
          >
            {proposal.interestedByMe ? '不去了' : '我想参加'}
          </Button>
        ) : null}
        {proposal.mayWithdraw ? (
          <Button className="cd-reunion__withdraw" shape="round" block onClick={() => void withdraw()}>
            撤回倡议
          </Button>
        ) : null}
      </View>
    </View>
  );
}
