/**
 * Times travel as ISO 8601 strings and are shown in Asia/Shanghai. China has used a fixed
 * UTC+8 offset without daylight saving since 1991, so a constant offset is exact and
 * avoids depending on Intl time-zone data, which some WeChat runtimes lack.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

const pad = (n: number): string => n.toString().padStart(2, '0');

function shanghaiParts(iso: string): Date {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new RangeError(`not an ISO date-time: ${iso}`);
  return new Date(time + SHANGHAI_OFFSET_MS);
}

/** `2026-05-01T10:00:00Z` → `2026-05-01 18:00` */
export function formatShanghaiDateTime(iso: string): string {
  const d = shanghaiParts(iso);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** `2026-05-01T10:00:00Z` → `5月1日 18:00`, the form used on cards. */
export function formatShanghaiShort(iso: string): string {
  const d = shanghaiParts(iso);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** A waiting time in seconds as staff read it: `刚刚`, `12 分钟`, `3 小时 5 分钟`, `2 天 4 小时`. */
export function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  if (minutes < 1) return '刚刚';
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} 小时` : `${hours} 小时 ${minutes % 60} 分钟`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} 天` : `${days} 天 ${hours % 24} 小时`;
}

/** The Beijing calendar day of a moment, `2026-05-01`. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The moment a Beijing calendar day (`2026-05-01`) ends: the last millisecond before midnight. */
export function endOfShanghaiDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + 24 * 60 * 60 * 1000 - 1);
}
