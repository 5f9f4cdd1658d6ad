import type { GroupDetailDto, GroupMyStandingDto } from '@alumni/shared';
import { feedAccess, joinModel, managesGroup } from './join-model';

function group(values: Partial<GroupDetailDto> = {}, me: Partial<GroupMyStandingDto> | null = {}): GroupDetailDto {
  return {
    id: 'g1',
    kind: 'class',
    name: '机械2012级1班',
    coverUrl: null,
    coverThumbnailUrl: null,
    joinPolicy: 'roster_only',
    status: 'active',
    memberCount: 6,
    subtitle: '2016届 · 机械工程学院 · 机械2012级1班',
    intro: '',
    graduationYear: 2016,
    department: { id: 'd1', name: '机械工程学院' },
    className: '机械2012级1班',
    city: null,
    industry: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    rejectReason: null,
    scene: 'g=XwweKisccE5vijsMnY5_al',
    ...values,
    me: me === null ? null : { status: null, role: null, muted: false, canJoin: false, joinNeedsApproval: false, ...me },
  };
}

describe('join button by policy and standing', () => {
  it('asks a signed-out visitor to sign in, saying a class group is for verified classmates', () => {
    expect(joinModel(group({}, null))).toEqual({ action: 'sign-in', label: '登录后加入', note: '仅限本班已认证校友加入', member: false });
  });

  it('sends an alumnus not verified in the class to verification, with the reason', () => {
    const model = joinModel(group());
    expect(model.action).toBe('verify');
    expect(model.note).toContain('仅限本班已认证校友');
  });

  it('lets a verified classmate join at once', () => {
    expect(joinModel(group({}, { canJoin: true })).action).toBe('join');
  });

  it('files a request in an approval group, saying the admins decide', () => {
    const model = joinModel(group({ kind: 'interest', joinPolicy: 'approval' }, { canJoin: true, joinNeedsApproval: true }));
    expect(model).toMatchObject({ action: 'request', label: '申请加入', note: '加入需群管理员同意' });
  });

  it('tells a removed member of an open group that coming back takes approval', () => {
    const model = joinModel(group({ kind: 'city', joinPolicy: 'open' }, { status: 'removed', canJoin: true, joinNeedsApproval: true }));
    expect(model.action).toBe('request');
    expect(model.note).toContain('曾被移出');
  });

  it('offers to withdraw a pending request', () => {
    expect(joinModel(group({ joinPolicy: 'approval' }, { status: 'pending' }))).toMatchObject({ action: 'withdraw', member: false });
  });

  it('lets a member leave, and says so when muted', () => {
    expect(joinModel(group({}, { status: 'active', role: 'member' }))).toMatchObject({ action: 'leave', note: null, member: true });
    expect(joinModel(group({}, { status: 'active', role: 'member', muted: true })).note).toContain('禁言');
  });

  it('offers the owner no way to leave', () => {
    expect(joinModel(group({ joinPolicy: 'open' }, { status: 'active', role: 'owner' }))).toMatchObject({ action: 'none', member: true });
  });

  it('explains proposed, rejected and archived groups instead of a join button', () => {
    expect(joinModel(group({ status: 'proposed' })).action).toBe('none');
    expect(joinModel(group({ status: 'rejected', rejectReason: '已有相同主题的群组' })).note).toBe('未通过原因：已有相同主题的群组');
    expect(joinModel(group({ status: 'archived' })).label).toBe('已归档');
  });
});

describe('feed access', () => {
  it('shows an open group’s feed to anyone signed in, but only members speak', () => {
    expect(feedAccess(group({ joinPolicy: 'open' }), false)).toEqual({ read: true, speak: false });
  });

  it('hides other groups’ feeds from non-members and everything from signed-out visitors', () => {
    expect(feedAccess(group({ joinPolicy: 'approval' }), false).read).toBe(false);
    expect(feedAccess(group({ joinPolicy: 'open' }, null), false).read).toBe(false);
  });

  it('keeps a muted member reading but not posting', () => {
    expect(feedAccess(group({}, { status: 'active', role: 'member', muted: true }), false)).toEqual({
      read: true,
      speak: false,
    });
  });

  it('lets staff read and speak anywhere', () => {
    expect(feedAccess(group(), true)).toEqual({ read: true, speak: true });
  });

  it('counts owners, admins and staff as the group’s managers', () => {
    expect(managesGroup(group({}, { status: 'active', role: 'admin' }), false)).toBe(true);
    expect(managesGroup(group({}, { status: 'active', role: 'member' }), false)).toBe(false);
    expect(managesGroup(group({}, { status: 'left', role: null }), true)).toBe(true);
  });
});
