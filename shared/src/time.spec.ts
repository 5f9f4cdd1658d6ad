import { formatShanghaiDateTime, formatShanghaiShort } from './time.js';

describe('Shanghai time formatting', () => {
  it('shows UTC instants in UTC+8, across the date line', () => {
    expect(formatShanghaiDateTime('2026-05-01T10:05:00Z')).toBe('2026-05-01 18:05');
    expect(formatShanghaiDateTime('2026-12-31T16:30:00Z')).toBe('2027-01-01 00:30');
    expect(formatShanghaiShort('2026-05-01T10:05:00+08:00')).toBe('5月1日 10:05');
  });

  it('refuses text that is not a date', () => {
    expect(() => formatShanghaiDateTime('tomorrow')).toThrow(RangeError);
  });
});
