import { formatShanghaiShort, type GroupSummaryDto, type MyGroupJoinRequestDto, type MyGroupProposalDto } from '@alumni/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { listMyGroupProposals, listMyGroupRequests } from '../../../../api/groups';
import { EmptyState } from '../../../../components/empty-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { GroupAvatar } from '../../../../components/group-card';
import { groupUrl } from '../../../../components/group-urls';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { proposalBadge, requestBadge, type StandingBadge } from '../../my-requests-view';
import './index.scss';

type Tab = 'requests' | 'proposals';
const PAGE = 20;

/** My join requests and the groups I proposed, with where each stands and why it was refused. */
export default function MyRequestsPage() {
  const { params } = useRouter();
  const [tab, setTab] = useState<Tab>(params.tab === 'proposals' ? 'proposals' : 'requests');
  return (
    <View className="my-requests">
      <View className="my-requests__tabs">
        {(['requests', 'proposals'] as const).map((t) => (
          <Text key={t} className={t === tab ? 'my-requests__tab my-requests__tab--active' : 'my-requests__tab'} onClick={() => setTab(t)}>
            {t === 'requests' ? '入群申请' : '我发起的群组'}
          </Text>
        ))}
      </View>
      {tab === 'requests' ? <Requests /> : <Proposals />}
    </View>
  );
}

function Requests() {
  const list = usePagedList<MyGroupJoinRequestDto>((cursor) => listMyGroupRequests({ cursor, limit: PAGE }), 'requests');
  useReloadOnReturn(list.reload);
  useReachBottom(() => void list.loadMore());
  return (
    <EventPagedList
      state={list.state}
      empty={<EmptyState title="还没有入群申请" description="申请加入需审核的群组后，可以在这里查看进度" />}
      onRetry={() => void list.reload()}
      onMore={() => void list.loadMore()}
      render={(request) => (
        <StandingCard
          key={`${request.group.id}-${request.requestedAt}`}
          group={request.group}
          when={`${formatShanghaiShort(request.requestedAt)} 申请`}
          quote={request.note}
          badge={requestBadge(request)}
        />
      )}
    />
  );
}

function Proposals() {
  const list = usePagedList<MyGroupProposalDto>((cursor) => listMyGroupProposals({ cursor, limit: PAGE }), 'proposals');
  useReloadOnReturn(list.reload);
  useReachBottom(() => void list.loadMore());
  return (
    <EventPagedList
      state={list.state}
      empty={<EmptyState title="还没有发起过群组" description="已认证校友可以在“群组”页发起兴趣、城市或行业群" />}
      onRetry={() => void list.reload()}
      onMore={() => void list.loadMore()}
      render={(proposal) => (
        <StandingCard
          key={proposal.group.id}
          group={proposal.group}
          when={`${formatShanghaiShort(proposal.proposedAt)} 发起`}
          quote={null}
          badge={proposalBadge(proposal)}
        />
      )}
    />
  );
}

function StandingCard({ group, when, quote, badge }: { group: GroupSummaryDto; when: string; quote: string | null; badge: StandingBadge }) {
  return (
    <View className="standing" onClick={() => void Taro.navigateTo({ url: groupUrl(group.id) })}>
      <View className="standing__head">
        <GroupAvatar group={group} />
        <View className="standing__title">
          <Text className="standing__name">{group.name}</Text>
          <Text className="standing__when">{when}</Text>
        </View>
        <Text className={`standing__badge standing__badge--${badge.tone}`}>{badge.label}</Text>
      </View>
      {quote ? <Text className="standing__quote">“{quote}”</Text> : null}
      {badge.note ? <Text className={`standing__note standing__note--${badge.tone}`}>{badge.note}</Text> : null}
    </View>
  );
}
