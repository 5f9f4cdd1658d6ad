import type { DonationDto } from '@alumni/shared';
import { groupDigits } from '../../components/campaign-units';

/** How long the client waits for a payment to be confirmed before saying so and letting go. */
export const CONFIRM_TIMEOUT_MS = 45_000;

/**
 * Gaps between reads of the order: quick at first (the notification usually lands within a
 * second or two), then every three seconds; the server asks WeChat Pay itself once an order
 * is five seconds old, so a lost notification settles within the wait too.
 */
const POLL_GAPS_MS = [1000, 1000, 2000, 2000, 3000];

export type Settlement =
  | { outcome: 'paid'; donation: DonationDto }
  | { outcome: 'closed'; donation: DonationDto }
  /** Still pending when the wait ended: it may yet be paid (我的捐赠 will show it). */
  | { outcome: 'timeout'; donation: DonationDto }
  /** Nobody waits any more (the page was left). */
  | { outcome: 'abandoned' };

export type PollStep = { kind: 'done'; settlement: Settlement } | { kind: 'wait'; ms: number };

/**
 * The polling state machine, without clocks or network: given what the last read said, the
 * read count and the time spent, either the outcome or how long to wait before reading again.
 */
export function nextPollStep(donation: DonationDto, reads: number, elapsedMs: number, timeoutMs = CONFIRM_TIMEOUT_MS): PollStep {
  if (donation.status === 'paid' || donation.status === 'refunded') return { kind: 'done', settlement: { outcome: 'paid', donation } };
  if (donation.status === 'closed') return { kind: 'done', settlement: { outcome: 'closed', donation } };
  const gap = POLL_GAPS_MS[Math.min(reads - 1, POLL_GAPS_MS.length - 1)];
  if (elapsedMs + gap > timeoutMs) return { kind: 'done', settlement: { outcome: 'timeout', donation } };
  return { kind: 'wait', ms: gap };
}

export interface PollDeps {
  read: (id: string) => Promise<DonationDto>;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  /** True once the page that waits is gone. */
  abandoned: () => boolean;
  timeoutMs?: number;
}

/**
 * Reads the order until it is paid or closed, or the wait runs out. A failed read (the
 * network dropped) counts as still pending: the order is safe on the server either way.
 */
export async function waitForSettlement(first: DonationDto, deps: PollDeps): Promise<Settlement> {
  const started = deps.now();
  let last = first;
  for (let reads = 1; ; reads++) {
    if (deps.abandoned()) return { outcome: 'abandoned' };
    last = await deps.read(first.id).catch(() => last);
    const step = nextPollStep(last, reads, deps.now() - started, deps.timeoutMs);
    if (step.kind === 'done') return step.settlement;
    await deps.sleep(step.ms);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** "你种下了第 1,024 棵树" or "你种下了第 1,024–1,026 棵树". */
export function treeLine(trees: NonNullable<DonationDto['treeNumbers']>): string {
  const range = trees.first === trees.last ? groupDigits(trees.first) : `${groupDigits(trees.first)}–${groupDigits(trees.last)}`;
  return `你种下了第 ${range} 棵树`;
}
