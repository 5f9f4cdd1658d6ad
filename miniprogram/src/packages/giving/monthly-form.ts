import {
  formatFenShort,
  MONTHLY_MAX_DAY,
  MONTHLY_MAX_FEN,
  MONTHLY_MIN_FEN,
  type MonthlyInstalmentStatus,
  type MonthlyPledgeStatus,
  parseYuanToFen,
  shanghaiDay,
} from '@alumni/shared';

/** The amounts offered as chips on the 月捐 page, fen. */
export const MONTHLY_CHIPS = [1000, 3000, 5000, 10000];

export const PLEDGE_STATUS_LABELS: Record<MonthlyPledgeStatus, string> = { active: '进行中', paused: '已暂停', cancelled: '已取消' };
export const INSTALMENT_STATUS_LABELS: Record<MonthlyInstalmentStatus, string> = {
  invited: '待支付',
  paid: '已支付',
  missed: '未完成',
  skipped: '已跳过',
};

/** A custom monthly amount typed in yuan: fen, or what to fix. */
export function checkMonthlyAmount(text: string): { ok: true; fen: number } | { ok: false; problem: string } {
  const fen = parseYuanToFen(text.trim());
  if (fen === null) return { ok: false, problem: '请输入金额，如 30 或 30.5' };
  if (fen < MONTHLY_MIN_FEN || fen > MONTHLY_MAX_FEN)
    return { ok: false, problem: `每月金额须在 ${formatFenShort(MONTHLY_MIN_FEN)} 到 ${formatFenShort(MONTHLY_MAX_FEN)} 之间` };
  return { ok: true, fen };
}

/** Today's day of the month in Beijing, as a pledge day (29–31 become 28: every month has it). */
export function defaultPledgeDay(now: Date = new Date()): number {
  return Math.min(Number(shanghaiDay(now).slice(8, 10)), MONTHLY_MAX_DAY);
}

/** `2026-12` → `2026年12月`. */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-');
  return `${year}年${Number(m)}月`;
}
