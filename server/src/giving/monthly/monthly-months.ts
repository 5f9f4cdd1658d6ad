import { shanghaiDay } from '@alumni/shared';

/** The Beijing month of a moment, `2026-12`. */
export const shanghaiMonth = (at: Date): string => shanghaiDay(at).slice(0, 7);

/** The Beijing day of the month of a moment, 1–31. */
export const shanghaiDayOfMonth = (at: Date): number => Number(shanghaiDay(at).slice(8, 10));

/** How many days a `YYYY-MM` month has. */
export function daysIn(month: string): number {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).getUTCDate();
}

/** The first moment of a Beijing month. */
export const startOfMonth = (month: string): Date => new Date(`${month}-01T00:00:00+08:00`);

/** The first moment of the Beijing month after `month`. */
export function startOfNextMonth(month: string): Date {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
  return startOfMonth(next);
}
