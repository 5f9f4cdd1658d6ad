import type { DashboardGroupDto, HeadlineFigures } from '@alumni/shared';
import { breakdownRows, REST_KEY, sumFigures } from './breakdown';
import { figuresFixture } from './test-fixtures';

function figures(alumni: number, override: Partial<HeadlineFigures> = {}): HeadlineFigures {
  return figuresFixture({
    alumni,
    signedIn: alumni,
    verified: Math.floor(alumni / 2),
    withCurrentContact: Math.floor(alumni / 4),
    contactCoveragePercent: 25,
    engaged12Months: 1,
    donorsThisYear: 0,
    raisedThisYearFen: 0,
    segments: { uncontacted: alumni, contacted: 0, participating: 0, core: 0 },
    ...override,
  });
}

const group = (label: string, f: HeadlineFigures, key: string | null = label): DashboardGroupDto => ({ key, label, figures: f });

describe('the breakdown model', () => {
  it('ranks groups by the chosen figure, ties by size then by name', () => {
    const groups = [
      group('杭州', figures(10, { raisedThisYearFen: 500 })),
      group('北京', figures(30, { raisedThisYearFen: 100 })),
      group('上海', figures(10, { raisedThisYearFen: 900 })),
      group('未填写', figures(5), null),
    ];
    expect(breakdownRows(groups, 'alumni').map((r) => [r.label, r.value])).toEqual([
      ['北京', 30],
      ['杭州', 10],
      ['上海', 10],
      ['未填写', 5],
    ]);
    expect(breakdownRows(groups, 'raisedThisYearFen').map((r) => r.label)).toEqual(['上海', '杭州', '北京', '未填写']);
    // One engaged alumnus in each: the larger group still comes first, though 阿坝 sorts first by name.
    expect(breakdownRows([group('阿坝', figures(1)), group('郑州', figures(50))], 'engaged12Months').map((r) => r.label)).toEqual([
      '郑州',
      '阿坝',
    ]);
    // The group of alumni who left the field empty keeps a key a list can use.
    expect(breakdownRows(groups, 'alumni').at(-1)?.key).toBe('');
  });

  it('folds the smallest groups into one 其他 row with summed counts and a recomputed coverage', () => {
    const groups = [40, 30, 20, 8, 2].map((n, i) => group(`${2000 + i}届`, figures(n, { withCurrentContact: i === 4 ? 2 : 0 })));
    const rows = breakdownRows(groups, 'alumni', 3);
    expect(rows.map((r) => r.label)).toEqual(['2000届', '2001届', '其他（3 组）']);
    expect(rows[2].key).toBe(REST_KEY);
    const rest = rows[2];
    expect(rest.value).toBe(30);
    expect(rest.figures.verified).toBe(10 + 4 + 1);
    expect(rest.figures.segments.uncontacted).toBe(30);
    // 2 of 30 reachable: 6.7 %, not the mean of the groups' percentages.
    expect(rest.figures.contactCoveragePercent).toBe(6.7);
  });

  it('shows every group when they fit, and nothing for none', () => {
    expect(breakdownRows([group('a', figures(1)), group('b', figures(2))], 'alumni', 2)).toHaveLength(2);
    expect(breakdownRows([], 'alumni')).toEqual([]);
    expect(sumFigures([]).contactCoveragePercent).toBe(0);
  });
});
