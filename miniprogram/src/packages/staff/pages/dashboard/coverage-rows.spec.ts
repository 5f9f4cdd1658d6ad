import type { RosterCoverageDto } from '@alumni/shared';
import { COVERAGE_ROWS, coverageRows, coverageSummary } from './coverage-rows';

const group = (i: number) => ({ key: String(2000 + i), label: `${2000 + i}届`, graduates: 10, reached: i, percent: i * 10 });
const coverage: RosterCoverageDto = {
  asOf: '2026-12-06T00:00:00.000Z',
  totals: { graduates: 12_040, reached: 4_630, percent: 38.5 },
  byDepartment: [group(1), group(2)],
  byYear: Array.from({ length: 11 }, (_, i) => group(i)),
  months: [],
};

describe('the coverage table', () => {
  it('shows the first rows of a long grouping and says how many are folded away', () => {
    expect(coverageRows(coverage, 'byYear', false)).toEqual({ rows: coverage.byYear.slice(0, COVERAGE_ROWS), hidden: 11 - COVERAGE_ROWS });
    expect(coverageRows(coverage, 'byYear', true)).toEqual({ rows: coverage.byYear, hidden: 0 });
    expect(coverageRows(coverage, 'byDepartment', false)).toEqual({ rows: coverage.byDepartment, hidden: 0 });
  });

  it('says what the headline percentage is made of, with thousands separators', () => {
    expect(coverageSummary(coverage)).toBe('名册毕业生 12,040 人，已认证联系上 4,630 人');
  });
});
