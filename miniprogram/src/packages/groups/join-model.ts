import type { GroupDetailDto } from '@alumni/shared';

/**
 * What the group page's action bar offers, from the group's policy and my standing in it.
 * `action` names the one button (or none); `note` says in plain words why.
 */
export interface JoinModel {
  action: 'sign-in' | 'join' | 'request' | 'withdraw' | 'leave' | 'verify' | 'none';
  label: string;
  note: string | null;
  /** The members' things: the feed's compose button, likes, comments. */
  member: boolean;
}

export function joinModel(group: GroupDetailDto): JoinModel {
  const me = group.me;
  const rosterOnly = group.joinPolicy === 'roster_only';
  if (group.status === 'proposed') return none('审核中', '该群组正在等待校友会审核，通过后即可加入');
  if (group.status === 'rejected') return none('未通过审核', group.rejectReason ? `未通过原因：${group.rejectReason}` : null);
  if (group.status === 'archived') return none('已归档', '该群组已归档，不再接受新成员');
  if (me === null) {
    return {
      action: 'sign-in',
      label: '登录后加入',
      note: rosterOnly ? '仅限本班已认证校友加入' : group.joinPolicy === 'approval' ? '加入需群管理员同意' : null,
      member: false,
    };
  }
  if (me.status === 'active') {
    const muted = me.muted ? '你已被群管理员禁言，暂时不能发言' : null;
    if (me.role === 'owner') return { action: 'none', label: '我是群主', note: muted, member: true };
    return { action: 'leave', label: '退出群组', note: muted, member: true };
  }
  if (me.status === 'pending') {
    return { action: 'withdraw', label: '撤回申请', note: '已申请加入，等待群管理员审核', member: false };
  }
  if (me.canJoin) {
    if (me.joinNeedsApproval) {
      const note = group.joinPolicy === 'approval' ? '加入需群管理员同意' : '你曾被移出该群，再次加入需群管理员同意';
      return { action: 'request', label: '申请加入', note, member: false };
    }
    return { action: 'join', label: '加入群组', note: rosterOnly ? '你已认证为本班校友，可直接加入' : null, member: false };
  }
  if (rosterOnly) {
    return { action: 'verify', label: '去认证校友身份', note: '仅限本班已认证校友加入：完成校友认证后即可加入', member: false };
  }
  return none('暂不能加入', null);
}

function none(label: string, note: string | null): JoinModel {
  return { action: 'none', label, note, member: false };
}

/** Group admins (owner, admins) and staff manage requests and members. */
export function managesGroup(group: GroupDetailDto, isStaff: boolean): boolean {
  const role = group.me?.status === 'active' ? group.me.role : null;
  return isStaff || role === 'owner' || role === 'admin';
}

/**
 * What the viewer may do with the feed as a whole, mirroring the server's rules. What they
 * may do with each post and comment comes with it from the server (its `may…` flags).
 */
export interface FeedAccess {
  /** Open groups' feeds are read by anyone signed in; others by members and staff. */
  read: boolean;
  /** Post: members who are not muted, and staff. */
  speak: boolean;
}

export function feedAccess(group: GroupDetailDto, isStaff: boolean): FeedAccess {
  if (group.me === null) return { read: false, speak: false };
  const member = group.me.status === 'active';
  return {
    read: isStaff || member || group.joinPolicy === 'open',
    speak: isStaff || (member && !group.me.muted),
  };
}
