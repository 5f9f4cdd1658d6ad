/** The server signs a new check-in token every 60 s and still accepts the previous one. */
export const ROTATION_MS = 60_000;

/** Fetch a moment after the server's step turns, so the new token is the one issued. */
const AFTER_STEP_MS = 500;
const MIN_DELAY_MS = 1_000;

/**
 * When to fetch the next token: at the server's `refreshAt`, but never later than one
 * rotation from now, so a phone whose clock runs behind still refreshes every 60 s.
 */
export function refreshDelay(refreshAt: string, now: number): number {
  const until = Date.parse(refreshAt) - now + AFTER_STEP_MS;
  if (Number.isNaN(until)) return ROTATION_MS;
  return Math.min(ROTATION_MS, Math.max(MIN_DELAY_MS, until));
}

/** After a failed fetch: 2 s, 4 s, 8 s … at most 30 s, well within the token's two-minute life. */
export function retryDelay(failures: number): number {
  return Math.min(30_000, 2_000 * 2 ** Math.max(0, failures - 1));
}

/** Whole seconds until the code changes, for the countdown under it. */
export function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** `K7M2QX9D` → `K7M2 QX9D`: two groups are easier to read out at the door. */
export function spacedShortCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}
