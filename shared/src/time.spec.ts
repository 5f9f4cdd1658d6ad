import { formatDuration, formatShanghaiDateTime, formatShanghaiShort } from './time.js';

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

describe('formatDuration', () => {
  it.each([
    [0, '刚刚'],
    [59, '刚刚'],
    [60 * 12, '12 分钟'],
    [3600, '1 小时'],
    [3600 * 3 + 300, '3 小时 5 分钟'],
    [86400 * 2, '2 天'],
    [86400 * 2 + 3600 * 4 + 59, '2 天 4 小时'],
  ])('%i s → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
