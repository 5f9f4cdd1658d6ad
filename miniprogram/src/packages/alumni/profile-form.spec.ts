import { changesBetween, draftFrom, hasChanges, problemsOf } from './profile-form';
import { myProfile } from './test-fixtures';

describe('profile form', () => {
  it('sends nothing when nothing changed', () => {
    const profile = myProfile();
    expect(hasChanges(changesBetween(profile, draftFrom(profile)))).toBe(false);
  });

  it('sends only the changed fields, trimmed, with blank text as null and the year as a number', () => {
    const profile = myProfile({ city: '杭州', employer: '某某公司' });
    const draft = { ...draftFrom(profile), city: ' 宁波 ', employer: '  ', graduationYear: '2013', departmentId: 'd2' };
    draft.visibility = { ...draft.visibility, city: 'everyone', realName: 'everyone' };
    expect(changesBetween(profile, draft)).toEqual({
      city: '宁波',
      employer: null,
      graduationYear: 2013,
      departmentId: 'd2',
      visibility: { city: 'everyone' },
    });
  });

  it('clears the year when it is emptied', () => {
    const profile = myProfile({ graduationYear: 2012 });
    expect(changesBetween(profile, { ...draftFrom(profile), graduationYear: '' })).toEqual({ graduationYear: null });
  });

  it('names the problems the server would refuse, in Chinese', () => {
    const draft = { ...draftFrom(myProfile()), displayName: ' ', realName: '张'.repeat(31), graduationYear: '1900' };
    expect(problemsOf(draft, new Date('2026-11-24'))).toEqual({
      displayName: '请填写昵称',
      realName: '最多 30 个字',
      graduationYear: '请填写 1950–2032 之间的年份',
    });
    expect(problemsOf({ ...draft, displayName: '舟', realName: '', graduationYear: '2032' }, new Date('2026-11-24'))).toEqual({});
  });
});
