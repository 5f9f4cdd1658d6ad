import type { StaffReunionProposalDto } from '@alumni/shared';
import { approveDraftOf, approveInput, spotInput } from './forms';

describe('spotInput', () => {
  it('needs a name and trims what it sends', () => {
    expect(spotInput('  ', '')).toEqual({ problem: '请填写打卡点名称，如 老图书馆' });
    expect(spotInput(' 老图书馆 ', '  ')).toEqual({ input: { name: '老图书馆', description: null } });
    expect(spotInput('钟楼', ' 盖章处在一楼 ')).toEqual({ input: { name: '钟楼', description: '盖章处在一楼' } });
  });

  it('refuses a name longer than the server takes', () => {
    expect(spotInput('很'.repeat(31), '')).toHaveProperty('problem');
  });
});

describe('approveInput', () => {
  const proposal = { venue: '母校大礼堂', city: '江州', interestCount: 20 } as StaffReunionProposalDto;
  const ready = { ...approveDraftOf(proposal), address: '江州市学院路 1 号', latitude: '30.5', longitude: '114.3' };

  it('starts from the proposal’s venue and city, room for twice those interested', () => {
    expect(approveDraftOf(proposal)).toMatchObject({ venue: '母校大礼堂', city: '江州', capacity: '40' });
  });

  it('sends numbers for capacity and coordinates', () => {
    expect(approveInput(ready)).toEqual({
      input: {
        capacity: 40,
        venue: '母校大礼堂',
        address: '江州市学院路 1 号',
        latitude: 30.5,
        longitude: 114.3,
        city: '江州',
        note: null,
      },
    });
  });

  it('says what to fix', () => {
    expect(approveInput({ ...ready, capacity: '0' })).toEqual({ problem: '人数上限填 1–2000' });
    expect(approveInput({ ...ready, capacity: '2.5' })).toHaveProperty('problem');
    expect(approveInput({ ...ready, venue: ' ' })).toEqual({ problem: '请填写场地' });
    expect(approveInput({ ...ready, address: '' })).toEqual({ problem: '请填写地址，或在地图上选点' });
    expect(approveInput({ ...ready, latitude: '' })).toHaveProperty('problem');
    expect(approveInput({ ...ready, latitude: '91' })).toHaveProperty('problem');
    expect(approveInput({ ...ready, longitude: 'east' })).toHaveProperty('problem');
  });
});
