/**
 * Contact coverage against the rosters (docs/reach.md): of the graduates the registrar
 * lists, how many the association can reach, i.e. whose roster entry a verified account
 * holds. Graduates who never signed in count in the denominator.
 */
export interface CoverageFigures {
  /** Roster entries (graduates on the rosters). */
  graduates: number;
  /** Roster entries claimed by a verified account. */
  reached: number;
  /** reached / graduates, 0–100 with one decimal (0 when there are no graduates). */
  percent: number;
}

/** One department or graduation year. */
export interface CoverageGroupDto extends CoverageFigures {
  /** Department id, or the year as text. */
  key: string;
  /** 机电工程学院, or 2016届. */
  label: string;
}

/** The roster and its claims as they stood at the end of a calendar month (Asia/Shanghai). */
export interface CoverageMonthDto extends CoverageFigures {
  /** `2026-11`. */
  month: string;
}

/** GET /staff/dashboard/coverage */
export interface RosterCoverageDto {
  asOf: string;
  totals: CoverageFigures;
  /** Largest first. */
  byDepartment: CoverageGroupDto[];
  /** Newest class first. */
  byYear: CoverageGroupDto[];
  /** Oldest first, the current month last. */
  months: CoverageMonthDto[];
}

/** `reached` of `graduates` as a percentage with one decimal; 0 of 0 is 0. */
export function coveragePercent(reached: number, graduates: number): number {
  return graduates === 0 ? 0 : Math.round((reached / graduates) * 1000) / 10;
}

/** Builds the figures from the two counts. */
export function coverageFigures(graduates: number, reached: number): CoverageFigures {
  return { graduates, reached, percent: coveragePercent(reached, graduates) };
}
