import type { CoverageGroupDto, RosterCoverageDto } from '@alumni/shared';

/** The two ways the coverage table groups the roster. */
export const COVERAGE_DIMENSIONS = [
  { key: 'byDepartment', label: '按院系' },
  { key: 'byYear', label: '按届别' },
] as const;
export type CoverageDimension = (typeof COVERAGE_DIMENSIONS)[number]['key'];

/** Rows shown before 展开全部: a phone never scrolls through forty classes unasked. */
export const COVERAGE_ROWS = 8;

/** The rows of one grouping, the first `COVERAGE_ROWS` unless expanded, and how many are hidden. */
export function coverageRows(
  coverage: RosterCoverageDto,
  dimension: CoverageDimension,
  expanded: boolean,
): { rows: CoverageGroupDto[]; hidden: number } {
  const all = coverage[dimension];
  const rows = expanded ? all : all.slice(0, COVERAGE_ROWS);
  return { rows, hidden: all.length - rows.length };
}

/** `名册 1,204 人，已联系 463 人`: what the headline percentage is made of. */
export function coverageSummary(coverage: Pick<RosterCoverageDto, 'totals'>): string {
  // Not toLocaleString: WeChat's Android runtime ships without the locale data.
  const n = (value: number) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `名册毕业生 ${n(coverage.totals.graduates)} 人，已认证联系上 ${n(coverage.totals.reached)} 人`;
}
