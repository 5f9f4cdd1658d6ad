import { emptyVoteDraft, type VoteDraft, voteInputOf } from './vote-form';

const filled = (patch: Partial<VoteDraft> = {}): VoteDraft => ({
  ...emptyVoteDraft(new Date('2026-12-06T04:10:00Z')),
  title: '校友会年度工作报告审议',
  options: [
    { label: '同意', description: '', candidateId: null },
    { label: '不同意', description: '', candidateId: null },
    { label: '', description: '', candidateId: null },
  ],
  ...patch,
});

describe('vote form', () => {
  it('opens now (Beijing, to the minute) for a week, secret, results after the close', () => {
    const draft = emptyVoteDraft(new Date('2026-12-06T04:10:00Z'));
    expect(draft.opensAt).toBe('2026-12-06 12:10');
    expect(draft.closesAt).toBe('2026-12-13 12:10');
    expect(draft.secret).toBe(true);
    expect(draft.resultsVisibility).toBe('after_close');
  });

  it('sends the filled options in Beijing time as ISO, without a choice limit for single choice', () => {
    const { input, problems } = voteInputOf(filled());
    expect(problems).toEqual({});
    expect(input).toMatchObject({
      options: [
        { label: '同意', description: null, candidateId: null },
        { label: '不同意', description: null, candidateId: null },
      ],
      maxChoices: null,
      opensAt: '2026-12-06T04:10:00.000Z',
      audience: { kind: 'verified' },
    });
  });

  it('refuses repeated options, a limit past the options, a live secret ballot and an end before the start', () => {
    const { input, problems } = voteInputOf(
      filled({
        options: [
          { label: '甲', description: '', candidateId: null },
          { label: '甲', description: '', candidateId: null },
        ],
        choice: 'multiple',
        maxChoices: '3',
        resultsVisibility: 'live',
        closesAt: '2026-12-01 10:00',
      }),
    );
    expect(input).toBeNull();
    expect(Object.keys(problems).sort()).toEqual(['closesAt', 'maxChoices', 'options', 'secret']);
  });

  it('asks for a year range and a group when the audience needs one', () => {
    expect(
      voteInputOf(filled({ audience: { kind: 'graduation_years', yearFrom: '', yearTo: '', groupId: '', groupName: '' } })).problems
        .audience,
    ).toBeDefined();
    expect(
      voteInputOf(filled({ audience: { kind: 'group', yearFrom: '', yearTo: '', groupId: '', groupName: '' } })).problems.audience,
    ).toBe('请选择一个群组');
    expect(
      voteInputOf(filled({ audience: { kind: 'graduation_years', yearFrom: '2005', yearTo: '', groupId: '', groupName: '' } })).input
        ?.audience,
    ).toEqual({ kind: 'graduation_years', yearFrom: 2005, yearTo: 2005 });
  });
});
