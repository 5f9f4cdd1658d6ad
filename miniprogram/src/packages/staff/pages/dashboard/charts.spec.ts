import type { DashboardMonthDto } from '@alumni/shared';
import { REST_KEY } from './breakdown';
import { figuresFixture } from './test-fixtures';
import {
  breakdownChartHeight,
  breakdownOption,
  CHART_FONT,
  coverageTrendOption,
  givingTrendOption,
  MONTH_LABEL_SLOT,
  monthLabel,
  monthLabelInterval,
  participationTrendOption,
} from './charts';

const months: DashboardMonthDto[] = [
  '2025-12',
  '2026-01',
  '2026-02',
  '2026-03',
  '2026-04',
  '2026-05',
  '2026-06',
  '2026-07',
  '2026-08',
  '2026-09',
  '2026-10',
  '2026-11',
].map((month, i) => ({ month, signedUp: i, verified: i * 2, engaged: 3, donors: 1, raisedFen: i * 1000 }));

// The option objects are plain data; read them loosely.
type Loose = Record<string, any>;

describe('chart options', () => {
  it('labels months in Chinese, with the year on the first month and on January', () => {
    expect(monthLabel('2025-12', true)).toBe('12月\n2025');
    expect(monthLabel('2026-01', false)).toBe('1月\n2026');
    expect(monthLabel('2026-11', false)).toBe('11月');
  });

  it('skips month labels so they never overlap on a 375 px phone, and shows them all on a desktop', () => {
    // A phone chart is 343 px wide: 12 labels of 40 px do not fit in the ~280 px left of the y axis.
    const phone = monthLabelInterval(12, 343);
    expect(phone).toBeGreaterThan(0);
    const shown = Math.ceil(12 / (phone + 1));
    expect(shown * MONTH_LABEL_SLOT).toBeLessThanOrEqual(343 - 64);
    expect(monthLabelInterval(12, 560)).toBe(0);
    expect(monthLabelInterval(3, 343)).toBe(0);
  });

  it('draws sign-ups, verifications and participation as three named lines', () => {
    const option = participationTrendOption(months, 343) as Loose;
    expect(option.series.map((s: Loose) => [s.name, s.type])).toEqual([
      ['新注册', 'line'],
      ['新认证', 'line'],
      ['参与校友', 'line'],
    ]);
    expect(option.series[1].data).toEqual(months.map((m) => m.verified));
    expect(option.xAxis.data[0]).toBe('12月\n2025');
    expect(option.xAxis.axisLabel.fontSize).toBeGreaterThanOrEqual(12);
    expect(option.legend.textStyle.fontSize).toBe(CHART_FONT.legend);
    expect(option.grid.containLabel).toBe(true);
  });

  it('keeps money in fen and writes it as yuan through formatFen', () => {
    const option = givingTrendOption(months, 343) as Loose;
    expect(option.series[0].data[11]).toBe(11_000);
    expect(option.yAxis.axisLabel.formatter(11_000)).toBe('¥110');
    // A month without gifts still ticks in whole yuan.
    expect(option.yAxis.minInterval).toBe(100);
    expect(option.tooltip.formatter([{ dataIndex: 11 }])).toBe('2026年11月<br/>筹款 ¥110.00<br/>捐赠 1 人');
  });

  it('draws coverage against the rosters as a percentage line on a 0–100 axis, the counts in the tooltip', () => {
    const coverage = [
      { month: '2026-10', graduates: 200, reached: 50, percent: 25 },
      { month: '2026-11', graduates: 240, reached: 90, percent: 37.5 },
    ];
    const option = coverageTrendOption(coverage, 343) as Loose;
    expect(option.series[0].data).toEqual([25, 37.5]);
    expect([option.yAxis.min, option.yAxis.max]).toEqual([0, 100]);
    expect(option.yAxis.axisLabel.formatter(50)).toBe('50%');
    expect(option.tooltip.formatter([{ dataIndex: 1 }])).toBe('2026年11月底<br/>覆盖率 37.5%<br/>名册 240 人，已联系 90 人');
  });

  it('draws a breakdown as ranked horizontal bars labelled with their values', () => {
    const rows = [
      { key: '杭州', label: '杭州', value: 52.5, figures: figuresFixture() },
      { key: '', label: '未填写', value: 10, figures: figuresFixture() },
    ];
    const option = breakdownOption(rows, 'contactCoveragePercent') as Loose;
    expect(option.yAxis.data).toEqual(['杭州', '未填写']);
    expect(option.yAxis.inverse).toBe(true);
    expect(option.yAxis.axisLabel.overflow).toBe('truncate');
    expect(option.xAxis.max).toBe(100);
    expect(option.series[0].label.formatter({ value: 52.5 })).toBe('52.5%');
    expect((breakdownOption(rows, 'raisedThisYearFen') as Loose).series[0].label.formatter({ value: 123_400 })).toBe('¥1,234');
    expect(breakdownChartHeight(10)).toBeGreaterThan(breakdownChartHeight(2));
    // The folded rest stays out of the chart (the table lists it).
    const folded = [...rows, { key: REST_KEY, label: '其他（30 组）', value: 300, figures: figuresFixture() }];
    expect((breakdownOption(folded, 'alumni') as Loose).yAxis.data).toEqual(['杭州', '未填写']);
  });
});
