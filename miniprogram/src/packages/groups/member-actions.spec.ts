import type { GroupMemberDto, GroupMemberRole } from '@alumni/shared';
import { memberActions } from './member-actions';

const member = (id: string, role: GroupMemberRole, muted = false): GroupMemberDto => ({
  alumnus: { id, displayName: id, avatarUrl: null },
  role,
  muted,
  joinedAt: '2026-01-01T00:00:00.000Z',
});
const labels = (m: GroupMemberDto, viewer: { id: string; role: GroupMemberRole | null; isStaff: boolean }) =>
  memberActions(m, viewer).map((a) => a.label);

describe('member management', () => {
  it('lets an admin remove or mute a member, but not name admins', () => {
    expect(labels(member('m', 'member'), { id: 'a', role: 'admin', isStaff: false })).toEqual(['移出群组', '禁言']);
    expect(labels(member('m', 'member', true), { id: 'a', role: 'admin', isStaff: false })).toEqual(['移出群组', '解除禁言']);
  });

  it('leaves other admins to the owner', () => {
    expect(labels(member('b', 'admin'), { id: 'a', role: 'admin', isStaff: false })).toEqual([]);
    expect(labels(member('b', 'admin'), { id: 'o', role: 'owner', isStaff: false })).toEqual(['移出群组', '禁言', '取消管理员']);
  });

  it('lets staff act as the owner', () => {
    expect(labels(member('m', 'member'), { id: 's', role: null, isStaff: true })).toEqual(['移出群组', '禁言', '设为管理员']);
  });

  it('offers nothing on the owner, on oneself, or to plain members', () => {
    expect(labels(member('o', 'owner'), { id: 's', role: null, isStaff: true })).toEqual([]);
    expect(labels(member('a', 'admin'), { id: 'a', role: 'owner', isStaff: false })).toEqual([]);
    expect(labels(member('m', 'member'), { id: 'x', role: 'member', isStaff: false })).toEqual([]);
  });
});
