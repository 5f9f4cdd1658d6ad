import { closedNote, keepsakeLines, progressLine, proposalInput, tokenOfParams } from './stamp-view';

const NOW = new Date('2026-12-06T08:00:00Z');

describe('campus-day views', () => {
  it('reads the token from the scene WeChat opened the page with, or a link', () => {
    expect(tokenOfParams({ scene: 't%3DABCDEFGHJKMNPQRSTVWXYZ' })).toBe('t=ABCDEFGHJKMNPQRSTVWXYZ');
    expect(tokenOfParams({ scene: 'ABCDEFGHJKMNPQRSTVWXYZ' })).toBe('t=ABCDEFGHJKMNPQRSTVWXYZ');
    expect(tokenOfParams({ t: 'ABCDEFGHJKMNPQRSTVWXYZ' })).toBe('t=ABCDEFGHJKMNPQRSTVWXYZ');
    expect(tokenOfParams({})).toBeNull();
  });

  it('says how far the card is and whether codes are taken now', () => {
    const spots = [1, 2, 3].map((n) => ({ id: `s${n}`, name: `点${n}`, description: null, position: n, collectedAt: null }));
    expect(progressLine({ collectedCount: 2, spots })).toBe('已集 2 / 3 枚');
    const event = {
      id: 'e',
      title: '校庆',
      status: 'published' as const,
      startsAt: '2026-12-07T00:00:00Z',
      endsAt: '2026-12-07T08:00:00Z',
      venue: null,
    };
    expect(closedNote({ open: false, event }, NOW)).toBe('返校日当天开放打卡');
    expect(closedNote({ open: false, event: { ...event, startsAt: '2026-12-01T00:00:00Z' } }, NOW)).toBe('本次返校日打卡已结束');
    expect(closedNote({ open: true, event }, NOW)).toBeNull();
  });

  it('words the keepsake', () => {
    expect(
      keepsakeLines({
        name: '周明远',
        className: '2012届计科1班',
        eventTitle: '校庆返校日',
        day: '2026-12-06',
        spotNames: ['老校门', '图书馆'],
        completedAt: '2026-12-06T04:00:00Z',
        completionNumber: 7,
        schoolName: '江州学院',
      }),
    ).toEqual({
      title: '校庆返校日',
      name: '周明远 · 2012届计科1班',
      body: '2026-12-06 重返母校，走过老校门、图书馆，集齐全部 2 枚印章，是当天第 7 位集齐的校友。',
      footer: '江州学院',
    });
  });

  it('turns the reunion form into a proposal in Beijing time, or says what is missing', () => {
    const form = { title: '十周年聚会', message: '回来看看', date: '2027-05-01', time: '18:00', hours: '3', city: '江州', venue: '' };
    expect(proposalInput('g1', form, NOW)).toEqual({
      input: {
        classGroupId: 'g1',
        title: '十周年聚会',
        message: '回来看看',
        startsAt: '2027-05-01T10:00:00.000Z',
        endsAt: '2027-05-01T13:00:00.000Z',
        city: '江州',
        venue: null,
      },
    });
    expect(proposalInput('g1', { ...form, title: ' ' }, NOW)).toEqual({ problem: '请填写聚会名称' });
    expect(proposalInput('g1', { ...form, date: '2025-05-01' }, NOW)).toEqual({ problem: '聚会时间须在将来' });
  });
});
