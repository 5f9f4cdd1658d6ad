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
