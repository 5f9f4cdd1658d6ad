import { formatShanghaiShort, GROUP_JOIN_POLICY_LABELS, GROUP_KIND_LABELS, GROUP_LIMITS, type GroupDetailDto } from '@alumni/shared';
import { Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { approveGroupProposal, listStaffGroups, rejectGroupProposal } from '../../../../api/groups';
import { EmptyState } from '../../../../components/empty-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { Decision } from '../../../../components/decision';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import './index.scss';

/** Staff: groups alumni proposed, oldest first; approving opens the group with its proposer as owner. */
export default function GroupProposalsPage() {
  const { state, reload, loadMore, update } = usePagedList<GroupDetailDto>(
    (cursor) => listStaffGroups({ status: 'proposed', cursor, limit: 20 }),
    'proposed',
  );
  useReloadOnReturn(reload);
  useReachBottom(() => void loadMore());
  return (
    <View className="proposals">
      <EventPagedList
        state={state}
        empty={<EmptyState title="没有待审核的群组" description="校友发起的兴趣、城市、行业群会出现在这里" />}
        onRetry={() => void reload()}
        onMore={() => void loadMore()}
        render={(group) => (
          <ProposalCard key={group.id} group={group} onDecided={() => update((items) => items.filter((g) => g.id !== group.id))} />
        )}
      />
    </View>
  );
}

function ProposalCard({ group, onDecided }: { group: GroupDetailDto; onDecided: () => void }) {
  return (
    <View className="proposal">
      <View className="proposal__head">
        <Text className="proposal__kind">{GROUP_KIND_LABELS[group.kind]}</Text>
        <Text className="proposal__name">{group.name}</Text>
      </View>
      {group.subtitle ? <Text className="proposal__line">{group.subtitle}</Text> : null}
      <Text className="proposal__line">
        {GROUP_JOIN_POLICY_LABELS[group.joinPolicy]} · 提交于 {formatShanghaiShort(group.createdAt)}
      </Text>
      <Text className="proposal__intro">{group.intro || '（未填写简介）'}</Text>
      <Decision
        approveLabel="通过并开放"
        rejectVerb="拒绝"
        reasonRequired
        reasonMaxLength={GROUP_LIMITS.rejectReason}
        reasonPlaceholder="告诉发起人未通过的原因，例如：已有相同主题的群组"
        approve={() => approveGroupProposal(group.id)}
        reject={(reason) => rejectGroupProposal(group.id, reason ?? '')}
        onDecided={onDecided}
      />
    </View>
  );
}
