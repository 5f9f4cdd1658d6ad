import type { GivingDayDto } from '@alumni/shared';
import { draftOfGivingDay, emptyGivingDayDraft, toGivingDayInput } from './giving-day-form';

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

  describe('editing a day', () => {
    const day: GivingDayDto = {
      id: 'g1',
      title: '百年校庆捐赠日',
      summary: '一起为母校庆生',
      status: 'published',
      startsAt: '2026-12-06T16:00:00.000Z',
      endsAt: '2026-12-07T16:00:00.000Z',
      goalFen: 1_000_050,
      goalDonors: null,
      campaignIds: ['c1', 'c2'],
      challenges: [
        {
          id: 'u1',
          kind: 'donor_unlock',
          title: '50 位校友参与，解锁 ¥5000',
          metric: 'donors',
          donorTarget: 50,
          bonusFen: 500_000,
          sponsorName: '江州科技',
        },
        {
          id: 'k1',
          kind: 'class_competition',
          title: '班级参与人数挑战',
          metric: 'donors',
          donorTarget: null,
          bonusFen: null,
          sponsorName: null,
        },
      ],
    };

    it('fills the form from the day, Beijing time and yuan', () => {
      expect(draftOfGivingDay(day)).toEqual({
        title: '百年校庆捐赠日',
        summary: '一起为母校庆生',
        startsAt: '2026-12-07 00:00',
        endsAt: '2026-12-08 00:00',
        goalYuan: '10000.50',
        goalDonors: '',
        campaignIds: ['c1', 'c2'],
        unlockDonors: '50',
        unlockBonusYuan: '5000.00',
        unlockSponsor: '江州科技',
        classChallenge: 'donors',
        departmentChallenge: null,
      });
    });

    it('sends the challenges back with their ids (and an unchanged one with its title), keeping the status', () => {
      const { input } = toGivingDayInput({ ...draftOfGivingDay(day), goalYuan: '20000', departmentChallenge: 'amount' }, false, day);
      expect(input).toMatchObject({ status: 'published', goalFen: 2_000_000 });
      expect(input!.challenges).toEqual([
        { id: 'u1', kind: 'donor_unlock', title: '50 位校友参与，解锁 ¥5000', donorTarget: 50, bonusFen: 500_000, sponsorName: '江州科技' },
        { id: 'k1', kind: 'class_competition', title: '班级参与人数挑战', metric: 'donors' },
        { kind: 'department_competition', title: '院系筹款金额挑战', metric: 'amount' },
      ]);
      // A changed challenge keeps its id with its new words; a draft edited and published is published.
      const changed = toGivingDayInput({ ...draftOfGivingDay({ ...day, status: 'draft' }), unlockDonors: '20' }, true, {
        ...day,
        status: 'draft',
      });
      expect(changed.input!.status).toBe('published');
      expect(changed.input!.challenges![0]).toMatchObject({ id: 'u1', donorTarget: 20, title: '20 位校友参与，解锁 江州科技 ¥5000.00' });
    });
  });
});
