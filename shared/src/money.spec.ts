import { formatFen, formatFenShort, isFen, parseYuanToFen, progressPercent } from './money.js';

describe('formatFen', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [1250, '¥12.50'],
    [3000, '¥30.00'],
    [102400, '¥1,024.00'],
    [123456789, '¥1,234,567.89'],
    [-300, '-¥3.00'],
  ])('shows %i fen as %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('refuses fractional fen instead of rounding them away', () => {
    expect(() => formatFen(12.5)).toThrow(RangeError);
  });

  it('drops the decimals of whole yuan in the short form only', () => {
    expect(formatFenShort(3000)).toBe('¥30');
    expect(formatFenShort(3050)).toBe('¥30.50');
  });
});

describe('parseYuanToFen', () => {
  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['12.05', 1205],
    ['¥1,024.00', 102400],
    ['￥0.01', 1],
    [' 30 ', 3000],
  ])('reads %s as %i fen', (text, fen) => {
    expect(parseYuanToFen(text)).toBe(fen);
  });

  it.each(['', 'abc', '-1', '1.005', '1e3', '12.', '.5', '99999999999999'])('rejects %p', (text) => {
    expect(parseYuanToFen(text)).toBeNull();
  });

  it('round-trips with formatFen', () => {
    for (const fen of [0, 1, 99, 100, 1234567]) {
      expect(parseYuanToFen(formatFen(fen))).toBe(fen);
    }
  });
});

describe('isFen and progressPercent', () => {
  it('accepts only non-negative safe integers as fen', () => {
    expect(isFen(0)).toBe(true);
    expect(isFen(100)).toBe(true);
    expect(isFen(-1)).toBe(false);
    expect(isFen(1.5)).toBe(false);
    expect(isFen('100')).toBe(false);
    expect(isFen(Number.MAX_SAFE_INTEGER + 1)).toBe(false);
  });

  it('caps progress at 100 and treats a zero goal as no progress', () => {
    expect(progressPercent(5000, 10000)).toBe(50);
    expect(progressPercent(30000, 10000)).toBe(100);
    expect(progressPercent(100, 0)).toBe(0);
  });
});
