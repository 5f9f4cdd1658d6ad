import type { GroupDetailDto } from '@alumni/shared';
import { branchJoinModel, branchPlaceLine } from './join';

const group = (me: GroupDetailDto['me'], joinPolicy: GroupDetailDto['joinPolicy'] = 'approval') =>
  ({ id: 'g', status: 'active', joinPolicy, me }) as GroupDetailDto;

describe('branchJoinModel', () => {
  it('asks to apply to an approval branch, in a branch’s words', () => {
    const model = branchJoinModel(
      group({ status: null, role: null, muted: false, canJoin: true, joinNeedsApproval: true } as unknown as GroupDetailDto['me']),
    );
    expect(model).toMatchObject({ action: 'request', label: '申请加入', note: '加入需分会管理员同意' });
  });

  it('offers leaving the branch to a member', () => {
    const model = branchJoinModel(group({ status: 'active', role: 'member', muted: false } as unknown as GroupDetailDto['me'], 'open'));
    expect(model).toMatchObject({ action: 'leave', label: '退出分会', member: true });
  });

  it('asks a visitor to sign in first', () => {
    expect(branchJoinModel(group(null)).action).toBe('sign-in');
  });
});

describe('branchPlaceLine', () => {
  it('names the place after the kind, or the kind alone', () => {
    expect(branchPlaceLine({ place: '上海' }, '城市分会')).toBe('城市分会 · 上海');
    expect(branchPlaceLine({ place: null }, '兴趣分会')).toBe('兴趣分会');
  });
});
