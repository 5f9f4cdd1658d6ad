import type { ClassmateDto } from '@alumni/shared';
import { filterChips, filtered, invitable, invitationTitle } from './classmates';

const mate = (name: string, state: ClassmateDto['state']): ClassmateDto => ({
  rosterEntryId: name,
  name,
  className: '机械1201班',
  state,
  invitedAt: null,
});
const classmates = [mate('钱五', 'unreached'), mate('赵四', 'unreached'), mate('王三', 'pending'), mate('张一', 'verified')];

describe('the liaison’s class list', () => {
  it('counts each contact state on its chip', () => {
    expect(filterChips(classmates).map((c) => c.label)).toEqual(['全部 4', '未联系上 2', '认证审核中 1', '已认证 1']);
  });

  it('filters by state and offers an invitation to everyone not verified', () => {
    expect(filtered(classmates, 'unreached').map((c) => c.name)).toEqual(['钱五', '赵四']);
    expect(filtered(classmates, 'all')).toHaveLength(4);
    expect(classmates.filter(invitable).map((c) => c.name)).toEqual(['钱五', '赵四', '王三']);
  });

  it('names the classmate and the class on the share card', () => {
    expect(invitationTitle('赵四', '机械1201班')).toBe('赵四，机械1201班的同学邀请你认证校友身份');
  });
});
