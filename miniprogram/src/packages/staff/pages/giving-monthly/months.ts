import { shanghaiDay } from '@alumni/shared';

/** `2026-12` shifted by `by` months: `shiftMonth('2026-12', 1)` is `2027-01`. */
export function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** 10:00 Beijing on the same day of next month (the 28th at most, as pledge days), ISO 8601. */
export function nextMonthSameDay(now: Date): string {
  const today = shanghaiDay(now);
  const day = Math.min(Number(today.slice(8, 10)), 28);
  return `${shiftMonth(today.slice(0, 7), 1)}-${String(day).padStart(2, '0')}T10:00:00+08:00`;
}
