import { EMPTY_PROPOSAL, proposalProblems, proposalRequest } from './propose-form';

describe('group proposal form', () => {
  it('needs a name, and a city for a city group', () => {
    expect(proposalProblems(EMPTY_PROPOSAL)).toEqual({ name: '请填写群组名称' });
    expect(proposalProblems({ ...EMPTY_PROPOSAL, kind: 'city', name: '苏州校友会' })).toEqual({ place: '请填写城市' });
    expect(proposalProblems({ ...EMPTY_PROPOSAL, kind: 'industry', name: '金融圈', place: ' ' })).toEqual({ place: '请填写行业' });
  });

  it('refuses a name over 40 characters', () => {
    expect(proposalProblems({ ...EMPTY_PROPOSAL, name: '名'.repeat(41) }).name).toBe('名称最多 40 字');
  });

  it('sends only the kind’s own field, trimmed, and leaves a blank intro out', () => {
    expect(proposalRequest({ kind: 'city', name: ' 苏州校友会 ', intro: '  ', place: ' 苏州 ', joinPolicy: 'approval' })).toEqual({
      kind: 'city',
      name: '苏州校友会',
      city: '苏州',
      joinPolicy: 'approval',
    });
    expect(proposalRequest({ kind: 'interest', name: '读书会', intro: '共读', place: '上海', joinPolicy: 'open' })).toEqual({
      kind: 'interest',
      name: '读书会',
      intro: '共读',
      joinPolicy: 'open',
    });
  });
});
