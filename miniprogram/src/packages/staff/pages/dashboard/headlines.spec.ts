import { HEADLINES, share } from './headlines';
import { figuresFixture } from './test-fixtures';

describe('the headline figures', () => {
  it('show each figure once, money in yuan and coverage as a percent', () => {
    const f = figuresFixture({ raisedThisYearFen: 1_234_550, contactCoveragePercent: 54.2 });
    const shown = Object.fromEntries(HEADLINES.map((h) => [h.label, [h.value(f), h.hint?.(f)]]));
    expect(shown).toEqual({
      校友账户: ['10', undefined],
      已注册: ['8', '占 80%'],
      已认证: ['5', '占 50%'],
      联系方式有效: ['4', '占账户 54.2%'],
      '近 12 个月参与': ['3', undefined],
      今年捐赠人数: ['2', undefined],
      今年筹款: ['¥12,345.50', undefined],
    });
  });

  it('rounds shares to whole percents, one decimal below 10 %, and 0 % of nobody', () => {
    expect(share(1, 3)).toBe('33%');
    expect(share(1, 30)).toBe('3.3%');
    expect(share(0, 0)).toBe('0%');
  });
});
