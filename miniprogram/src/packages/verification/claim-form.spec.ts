import { draftFromInvitation, EMPTY_DRAFT, graduationYears, missingOf, toRequest } from './claim-form';

describe('the claim form', () => {
  const complete = { ...EMPTY_DRAFT, name: ' 张伟 ', graduationYear: 2016, departmentId: 'd1', studentNumber: ' 2012001 ' };

  it('names the first thing still missing, in the order of the form', () => {
    expect(missingOf(EMPTY_DRAFT)).toBe('请填写姓名');
    expect(missingOf({ ...complete, graduationYear: null })).toBe('请选择毕业年份');
    expect(missingOf({ ...complete, departmentId: null })).toBe('请选择院系');
    expect(missingOf({ ...complete, studentNumber: '  ' })).toBe('请填写学号');
    expect(missingOf({ ...complete, by: 'className' })).toBe('请填写班级');
    expect(missingOf(complete)).toBeNull();
  });

  it('sends only the identifier the alumnus chose, trimmed', () => {
    expect(toRequest({ ...complete, className: '机械1201班' })).toEqual({
      name: '张伟',
      graduationYear: 2016,
      departmentId: 'd1',
      studentNumber: '2012001',
    });
    expect(toRequest({ ...complete, by: 'className', className: ' 机械1201班 ' })).toEqual({
      name: '张伟',
      graduationYear: 2016,
      departmentId: 'd1',
      className: '机械1201班',
    });
  });

  it('offers years from a few years ahead back to 1950, newest first', () => {
    const years = graduationYears(new Date('2026-11-24T00:00:00Z'));
    expect(years[0]).toBe(2032);
    expect(years.at(-1)).toBe(1950);
  });

  it('fills the form from a class invitation: the roster’s name, year, department and class, ready to send', () => {
    const draft = draftFromInvitation({
      token: 't'.repeat(22),
      classGroupName: '2016届机械1201班',
      name: '赵四',
      graduationYear: 2016,
      department: { id: 'd1', name: '机械工程学院' },
      className: '机械1201班',
      invitedBy: '张一',
      claimed: false,
    });
    expect(missingOf(draft)).toBeNull();
    expect(toRequest(draft)).toEqual({ name: '赵四', graduationYear: 2016, departmentId: 'd1', className: '机械1201班' });
  });
});
