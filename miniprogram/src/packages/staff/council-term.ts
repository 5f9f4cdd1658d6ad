import { shanghaiDay } from '@alumni/shared';

/** A term as staff usually give it: from today (Beijing) for `years` years, its last day the day before the anniversary. */
export function defaultTerm(years: number, now: Date = new Date()): { termStartsOn: string; termEndsOn: string } {
  const start = shanghaiDay(now);
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + years, m - 1, d) - 86_400_000);
  return { termStartsOn: start, termEndsOn: end.toISOString().slice(0, 10) };
}
