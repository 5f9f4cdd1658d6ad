import type { GroupMemberDto, GroupMemberRole } from '@alumni/shared';

export type MemberAction = 'remove' | 'mute' | 'unmute' | 'make-admin' | 'make-member';

const LABELS: Record<MemberAction, string> = {
  remove: '移出群组',
  mute: '禁言',
  unmute: '解除禁言',
  'make-admin': '设为管理员',
  'make-member': '取消管理员',
};

/**
 * What a group admin may do to a member, as the server allows it: nobody acts on the owner
 * or on themselves; admins act on members; the owner (and staff) also on admins, and only
 * they name or unname admins.
 */
export function memberActions(
  member: GroupMemberDto,
  viewer: { id: string; role: GroupMemberRole | null; isStaff: boolean },
): { action: MemberAction; label: string }[] {
  if (member.role === 'owner' || member.alumnus.id === viewer.id) return [];
  const owner = viewer.isStaff || viewer.role === 'owner';
  if (!owner && (viewer.role !== 'admin' || member.role === 'admin')) return [];
  const actions: MemberAction[] = ['remove', member.muted ? 'unmute' : 'mute'];
  if (owner) actions.push(member.role === 'admin' ? 'make-member' : 'make-admin');
  return actions.map((action) => ({ action, label: LABELS[action] }));
}

export const ROLE_LABELS: Record<GroupMemberRole, string> = { owner: '群主', admin: '管理员', member: '成员' };
