import { checkSample } from './sample-size';

describe('sample-size check', () => {
  it('asks 385 answers of an unknown population at 95% and ±5% (1.96²·0.5²/0.05² = 384.16, rounded up), and says how many are missing', () => {
    expect(checkSample({ population: '', level: 95, sigma: '0.5', marginPercent: '5' }, 100)).toEqual({
      needed: 385,
      missing: 285,
      achievedPercent: 9.8,
      problem: null,
    });
  });

  it('asks fewer of a known population of 2,000 (n = N·σ²·z² / (N·e² + z²·σ²) = 322.3 → 323) and is satisfied at 323', () => {
    expect(checkSample({ population: '2000', level: 95, sigma: '0.5', marginPercent: '5' }, 323)).toMatchObject({
      needed: 323,
      missing: 0,
    });
  });

  it('names the field that cannot be read', () => {
    expect(checkSample({ population: '12.5', level: 95, sigma: '0.5', marginPercent: '5' }, 0).problem).toMatch(/N/);
    expect(checkSample({ population: '', level: 99, sigma: '0', marginPercent: '5' }, 0).problem).toMatch(/σ/);
    expect(checkSample({ population: '', level: 90, sigma: '0.5', marginPercent: '' }, 0).problem).toMatch(/误差/);
  });
});
