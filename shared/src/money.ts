/**
 * Money is always an integer number of fen (分). These helpers are the only place that
 * turns fen into text or text into fen, so rounding never happens anywhere else.
 */

export const FEN_PER_YUAN = 100;

export function isFen(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an integer amount of fen: ${fen}`);
}

/** `1250` → `¥12.50`; `102400` → `¥1,024.00`; negative amounts keep their sign: `-¥3.00`. */
export function formatFen(fen: number): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / FEN_PER_YUAN)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % FEN_PER_YUAN).toString().padStart(2, '0');
  return `${sign}¥${yuan}.${cents}`;
}

/** Short form for chips and headlines: whole yuan without decimals (`3000` → `¥30`). */
export function formatFenShort(fen: number): string {
  assertFen(fen);
  return fen % FEN_PER_YUAN === 0 ? formatFen(fen).slice(0, -3) : formatFen(fen);
}

const YUAN_PATTERN = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/**
 * Parses what a person types as yuan (`"12"`, `"12.5"`, `"¥1,024.00"`) into fen without
 * floating point. Returns `null` for anything that is not a non-negative amount with at
 * most two decimals.
 */
export function parseYuanToFen(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/^[¥￥]/, '')
    .replace(/,/g, '');
  const match = YUAN_PATTERN.exec(cleaned);
  if (!match) return null;
  const [, whole, fraction = ''] = match;
  const fen = Number(whole) * FEN_PER_YUAN + Number(fraction.padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** Share of a goal reached, as a whole percent capped at 100 (progress bars). */
export function progressPercent(raisedFen: number, goalFen: number): number {
  assertFen(raisedFen);
  assertFen(goalFen);
  if (goalFen <= 0) return 0;
  return Math.min(100, Math.floor((raisedFen * 100) / goalFen));
}
