import {
  DASHBOARD_DIMENSION_LABELS,
  DASHBOARD_DIMENSIONS,
  type DashboardDimension,
  type DashboardGroupDto,
  formatFenShort,
  type HeadlineFigures,
} from '@alumni/shared';

/** The figures a breakdown can rank groups by, with how each reads. */
export const BREAKDOWN_METRICS = {
  alumni: { label: '校友人数', format: (n: number) => String(n) },
  verified: { label: '已认证', format: (n: number) => String(n) },
  contactCoveragePercent: { label: '联系覆盖率', format: (n: number) => `${n}%` },
  engaged12Months: { label: '近12月参与', format: (n: number) => String(n) },
  raisedThisYearFen: { label: '今年筹款', format: formatFenShort },
} as const;

export type BreakdownMetric = keyof typeof BREAKDOWN_METRICS;
export const BREAKDOWN_METRIC_KEYS = Object.keys(BREAKDOWN_METRICS) as BreakdownMetric[];

/** Which breakdown the page shows: grouped by what, ranked by which figure. */
export interface BreakdownSelection {
  by: DashboardDimension;
  metric: BreakdownMetric;
}

export const DEFAULT_BREAKDOWN: BreakdownSelection = { by: 'graduationYear', metric: 'alumni' };

export const DIMENSION_OPTIONS = DASHBOARD_DIMENSIONS.map((by) => ({ by, label: DASHBOARD_DIMENSION_LABELS[by] }));

/** Groups shown one by one; the rest fold into one 其他 row, so a phone never scrolls through 40 years. */
export const BREAKDOWN_ROWS = 10;

/** The key of the folded 其他 row (a real group's key is a year, a department id or a city). */
export const REST_KEY = '__rest';

export interface BreakdownRow {
  key: string;
  label: string;
  value: number;
  figures: HeadlineFigures;
}

const COUNTED = ['alumni', 'signedIn', 'verified', 'withCurrentContact', 'engaged12Months', 'donorsThisYear', 'raisedThisYearFen'] as const;

/** Sums groups' figures; the coverage is recomputed from the sums, never averaged. */
export function sumFigures(list: HeadlineFigures[]): HeadlineFigures {
  const total: HeadlineFigures = {
    alumni: 0,
    signedIn: 0,
    verified: 0,
    withCurrentContact: 0,
    contactCoveragePercent: 0,
    engaged12Months: 0,
    donorsThisYear: 0,
    raisedThisYearFen: 0,
    segments: { uncontacted: 0, contacted: 0, participating: 0, core: 0 },
  };
  for (const figures of list) {
    for (const key of COUNTED) total[key] += figures[key];
    for (const segment of Object.keys(total.segments) as (keyof HeadlineFigures['segments'])[])
      total.segments[segment] += figures.segments[segment];
  }
  total.contactCoveragePercent = total.alumni === 0 ? 0 : Math.round((total.withCurrentContact * 1000) / total.alumni) / 10;
  return total;
}

/**
 * The rows of a breakdown, highest first by the chosen figure (ties: larger groups first,
 * then by name), at most
 * `limit`: past that the smallest groups fold into 其他（N 组）.
 */
export function breakdownRows(groups: DashboardGroupDto[], metric: BreakdownMetric, limit = BREAKDOWN_ROWS): BreakdownRow[] {
  const rows = groups
    .map((group) => ({ key: group.key ?? '', label: group.label, value: group.figures[metric], figures: group.figures }))
    .sort((a, b) => b.value - a.value || b.figures.alumni - a.figures.alumni || a.label.localeCompare(b.label, 'zh-CN'));
  if (rows.length <= limit) return rows;
  const rest = rows.slice(limit - 1);
  const figures = sumFigures(rest.map((row) => row.figures));
  return [...rows.slice(0, limit - 1), { key: REST_KEY, label: `其他（${rest.length} 组）`, value: figures[metric], figures }];
}
