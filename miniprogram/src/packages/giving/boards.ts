import type { ClassLeaderboardEntryDto } from '@alumni/shared';

/** The first year the boards go back to: the association's records of gifts start then. */
export const FIRST_BOARD_YEAR = 2020;

/** This calendar year in Beijing, the year the server's boards default to. */
export function beijingYear(now: number = Date.now()): number {
  return new Date(now + 8 * 3600_000).getUTCFullYear();
}

/** "2018 届 计算机学院 软件1班"; a department the school no longer lists is left out. */
export function classLabel(entry: Pick<ClassLeaderboardEntryDto, 'graduationYear' | 'departmentName' | 'className'>): string {
  return [`${entry.graduationYear} 届`, entry.departmentName, entry.className].filter(Boolean).join(' ');
}

/** "12 / 40 人参与" */
export function participationLine(entry: Pick<ClassLeaderboardEntryDto, 'donors' | 'alumni'>): string {
  return `${entry.donors} / ${entry.alumni} 人参与`;
}

/** The share as the server gives it, one decimal: `32.5%`, `100%`. */
export function shareText(sharePercent: number): string {
  return `${Number.isInteger(sharePercent) ? sharePercent : sharePercent.toFixed(1)}%`;
}
