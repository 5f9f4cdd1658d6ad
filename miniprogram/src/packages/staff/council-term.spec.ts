import { defaultTerm } from './council-term';

describe('default council term', () => {
  it('runs from today in Beijing to the day before the anniversary', () => {
    // 2026-12-06 20:00 UTC is already 12月7日 in Beijing.
    expect(defaultTerm(5, new Date('2026-12-06T20:00:00Z'))).toEqual({ termStartsOn: '2026-12-07', termEndsOn: '2031-12-06' });
  });

  it('ends on the last day of February when the term starts on 1 March', () => {
    expect(defaultTerm(4, new Date('2027-03-01T02:00:00Z'))).toEqual({ termStartsOn: '2027-03-01', termEndsOn: '2031-02-28' });
  });
});
