import { CONFIDENCE_LEVELS, formatPercent, marginOfError, percentOf, sampleSize } from './statistics.js';

const at95 = { z: 1.96, sigma: 0.5, margin: 0.05 };

describe('sampleSize', () => {
  it.each([
    // n = N·σ²·z² / (N·e² + z²·σ²), rounded up to a whole respondent.
    [10000, 370],
    [1000, 278],
    [500, 218],
    [100, 80],
    [2000, 323],
  ])('needs %i → %i valid responses at 95%% confidence, σ 0.5, ±5%%', (population, n) => {
    expect(sampleSize({ population, ...at95 })).toBe(n);
  });

  it('uses n = z²·σ²/e² for an unknown or very large population', () => {
    expect(sampleSize({ population: null, ...at95 })).toBe(385); // 384.16
    expect(sampleSize({ population: null, z: 2.576, sigma: 0.5, margin: 0.03 })).toBe(1844); // 1843.27
    expect(sampleSize({ population: 100_000_000, ...at95 })).toBe(385);
  });

  it('does not round a whole result up because of floating-point noise', () => {
    // z²σ²/e² = 4·0.25/0.01 = 100 exactly.
    expect(sampleSize({ population: null, z: 2, sigma: 0.5, margin: 0.1 })).toBe(100);
  });

  it('never asks for more than the population', () => {
    expect(sampleSize({ population: 3, z: 2.576, sigma: 0.5, margin: 0.01 })).toBe(3);
  });

  it('refuses values that have no meaning', () => {
    expect(() => sampleSize({ population: 0, ...at95 })).toThrow(RangeError);
    expect(() => sampleSize({ population: 10.5, ...at95 })).toThrow(RangeError);
    expect(() => sampleSize({ population: 100, z: 1.96, sigma: 0.5, margin: 0 })).toThrow(RangeError);
  });

  it('offers the usual confidence levels', () => {
    expect(CONFIDENCE_LEVELS.map((c) => [c.level, c.z])).toEqual([
      [90, 1.645],
      [95, 1.96],
      [99, 2.576],
    ]);
  });
});

describe('marginOfError', () => {
  it('is the margin the sample size was computed for', () => {
    const e = marginOfError(370, { population: 10000, z: 1.96, sigma: 0.5 })!;
    expect(e).toBeLessThan(0.05);
    expect(e).toBeGreaterThan(0.0499);
    expect(marginOfError(385, { population: null, z: 1.96, sigma: 0.5 })!).toBeCloseTo(0.04994, 4);
  });

  it('is zero for a census and unknown without answers', () => {
    expect(marginOfError(50, { population: 50, z: 1.96, sigma: 0.5 })).toBe(0);
    expect(marginOfError(0, { population: 50, z: 1.96, sigma: 0.5 })).toBeNull();
  });
});

describe('percentOf', () => {
  it.each([
    [1, 3, 33],
    [2, 3, 67],
    [1, 8, 13],
    [1, 200, 1],
    [1, 201, 0],
    [7, 7, 100],
    [0, 5, 0],
  ])('%i of %i prints as %i%%', (count, total, percent) => {
    expect(percentOf(count, total)).toBe(percent);
  });

  it('has no percentage without a base', () => {
    expect(percentOf(0, 0)).toBeNull();
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(37)).toBe('37%');
  });
});
