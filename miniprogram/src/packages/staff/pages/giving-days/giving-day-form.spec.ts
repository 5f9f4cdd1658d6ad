import { emptyGivingDayDraft, toGivingDayInput } from './giving-day-form';

const now = new Date('2026-12-06T04:00:00.000Z');

describe('the giving-day form', () => {
  it('starts tomorrow for a day, Beijing time, with a class challenge by donors', () => {
    expect(emptyGivingDayDraft(now)).toMatchObject({ startsAt: '2026-12-07 00:00', endsAt: '2026-12-08 00:00', classChallenge: 'donors' });
  });

  it('sends goals in fen, the campaigns and the challenges, published when asked', () => {
    const { input } = toGivingDayInput(
      {
        ...emptyGivingDayDraft(now),
        title: ' 百年校庆捐赠日 ',
        goalYuan: '10000',
        goalDonors: '100',
        campaignIds: ['c1'],
        unlockDonors: '50',
        unlockBonusYuan: '5000',
        unlockSponsor: '江州科技',
        departmentChallenge: 'amount',
      },
      true,
    );
    expect(input).toMatchObject({
      title: '百年校庆捐赠日',
      startsAt: '2026-12-06T16:00:00.000Z',
      endsAt: '2026-12-07T16:00:00.000Z',
      goalFen: 1_000_000,
      goalDonors: 100,
      campaignIds: ['c1'],
      status: 'published',
      challenges: [
        { kind: 'donor_unlock', title: '50 位校友参与，解锁 江州科技 ¥5000', donorTarget: 50, bonusFen: 500_000, sponsorName: '江州科技' },
        { kind: 'class_competition', title: '班级参与人数挑战', metric: 'donors' },
        { kind: 'department_competition', title: '院系筹款金额挑战', metric: 'amount' },
      ],
    });
  });

  it('names what is missing', () => {
    const { input, problems } = toGivingDayInput({ ...emptyGivingDayDraft(now), unlockDonors: '5', goalDonors: '1.5' }, true);
    expect(input).toBeNull();
    expect(Object.keys(problems).sort()).toEqual(['campaignIds', 'goalDonors', 'goalYuan', 'title', 'unlock']);
    // A draft may wait for its campaigns.
    expect(toGivingDayInput({ ...emptyGivingDayDraft(now), title: '草稿', goalYuan: '1' }, false).problems).toEqual({});
  });
});
