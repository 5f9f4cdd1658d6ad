/** How often the counts on the registrant list are read again while it is on screen. */
export const COUNTS_POLL_MS = 10_000;

/** An answer as one line: options joined with 、, an unanswered question as —. */
export function answerText(answer: string | string[] | undefined): string {
  if (answer === undefined || answer.length === 0) return '—';
  return Array.isArray(answer) ? answer.join('、') : answer;
}
