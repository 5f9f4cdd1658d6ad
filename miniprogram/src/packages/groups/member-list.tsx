import { formatShanghaiShort, type GroupDetailDto, type GroupMemberDto } from '@alumni/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { listGroupMembers, removeGroupMember, setGroupMemberMuted, setGroupMemberRole } from '../../api/groups';
import { loadSession } from '../../api/session';
import { EmptyState } from '../../components/empty-state';
import { EventPagedList } from '../../components/event-paged-list';
import { AuthorAvatar } from '../../components/group-post-card';
import { usePagedList } from '../../pages/events/use-paged-list';
import { type MemberAction, memberActions, ROLE_LABELS } from './member-actions';
import { showModal } from '../../components/modal';
import { useSingleFlight } from '../../components/use-single-flight';

const PAGE_SIZE = 30;

/**
 * The members, newest first. A group admin taps a member for what they may do to them
 * (remove, mute, name an admin); the list and the member count follow.
 */
export function MemberList({ group, isStaff, onChanged }: { group: GroupDetailDto; isStaff: boolean; onChanged: () => void }) {
  const { state, reload, loadMore, update } = usePagedList<GroupMemberDto>(
    (cursor) => listGroupMembers(group.id, { cursor, limit: PAGE_SIZE }),
    group.id,
  );
  const viewer = { id: loadSession()?.alumnus.id ?? '', role: group.me?.status === 'active' ? group.me.role : null, isStaff };

  // The action sheet comes first and asks only for 移出, so the whole run is the flight (not confirmThen):
  // a second tap on a member while a sheet or the question is up opens nothing and does nothing again.
  const { run } = useSingleFlight();
  const act = (member: GroupMemberDto) =>
    run(async () => {
      const actions = memberActions(member, viewer);
      if (actions.length === 0) return;
      let tapIndex: number;
      try {
        ({ tapIndex } = await Taro.showActionSheet({ itemList: actions.map((a) => a.label) }));
      } catch {
        return; // Cancelled.
      }
      const chosen = actions[tapIndex]!;
      if (chosen.action === 'remove') {
        const { confirm } = await showModal({
          title: '移出群组',
          content: `确定将 ${member.alumnus.displayName} 移出群组？再次加入需经群管理员同意。`,
          confirmText: '移出',
        });
        if (!confirm) return;
      }
      try {
        await perform(group.id, member.alumnus.id, chosen.action);
        void Taro.showToast({ title: '已完成', icon: 'success' });
        if (chosen.action === 'remove') {
          update((items) => items.filter((m) => m.alumnus.id !== member.alumnus.id));
          onChanged();
        } else {
          update((items) => items.map((m) => (m.alumnus.id === member.alumnus.id ? changed(m, chosen.action) : m)));
        }
      } catch {
        // The request wrapper showed why.
      }
    });

  return (
    <View className="group-members">
      <EventPagedList
        state={state}
        empty={<EmptyState title="还没有成员" />}
        onRetry={() => void reload()}
        onMore={() => void loadMore()}
        render={(member) => (
          <View key={member.alumnus.id} className="group-member" onClick={() => void act(member)}>
            <AuthorAvatar author={member.alumnus} small />
            <View className="group-member__who">
              <Text className="group-member__name">{member.alumnus.displayName}</Text>
              <Text className="group-member__since">{formatShanghaiShort(member.joinedAt)} 加入</Text>
            </View>
            {member.muted ? <Text className="group-member__tag group-member__tag--muted">禁言中</Text> : null}
            {member.role !== 'member' ? <Text className="group-member__tag">{ROLE_LABELS[member.role]}</Text> : null}
            {memberActions(member, viewer).length > 0 ? <Text className="group-member__more">管理</Text> : null}
          </View>
        )}
      />
    </View>
  );
}

function perform(groupId: string, alumnusId: string, action: MemberAction): Promise<void> {
  switch (action) {
    case 'remove':
      return removeGroupMember(groupId, alumnusId);
    case 'mute':
    case 'unmute':
      return setGroupMemberMuted(groupId, alumnusId, action === 'mute');
    case 'make-admin':
    case 'make-member':
      return setGroupMemberRole(groupId, alumnusId, action === 'make-admin' ? 'admin' : 'member');
  }
}

function changed(member: GroupMemberDto, action: MemberAction): GroupMemberDto {
  if (action === 'mute' || action === 'unmute') return { ...member, muted: action === 'mute' };
  return { ...member, role: action === 'make-admin' ? 'admin' : 'member' };
}
