/** Sign-ups written together at most: one transaction's arrays, and the wait of the last to arrive. */
export const MAX_BATCH = 100;

/**
 * Group commit for sign-ups (issue 17, docs/events.md "Seats"): per event, one write at a time in
 * this instance. A sign-up that finds none in flight is written at once, alone, so a quiet event's
 * sign-up waits for nothing (no timer); those arriving while a write is in flight wait, and when
 * it ends they are written together, up to MAX_BATCH, in arrival order. An alumnus is in a batch
 * at most once: a second request of theirs waits for the next, so it sees the first one's outcome.
 * `write` answers each of its items itself and never throws.
 */
export class SignUpQueue<T extends { alumnusId: string }> {
  /** The items waiting per event; an event is here while a write for it is in flight. */
  private readonly waiting = new Map<string, T[]>();

  constructor(private readonly write: (eventId: string, items: T[]) => Promise<void>) {}

  add(eventId: string, item: T): void {
    const waiting = this.waiting.get(eventId);
    if (waiting) {
      waiting.push(item);
      return;
    }
    this.waiting.set(eventId, []);
    void this.writeThenNext(eventId, [item]);
  }

  /** How many wait for the write in flight for the event (tests wait for a batch to gather). */
  waitingFor(eventId: string): number {
    return this.waiting.get(eventId)?.length ?? 0;
  }

  private async writeThenNext(eventId: string, items: T[]): Promise<void> {
    try {
      await this.write(eventId, items);
    } finally {
      this.next(eventId);
    }
  }

  private next(eventId: string): void {
    const waiting = this.waiting.get(eventId)!;
    if (waiting.length === 0) {
      this.waiting.delete(eventId);
      return;
    }
    const batch: T[] = [];
    const later: T[] = [];
    const alumni = new Set<string>();
    for (const item of waiting) {
      if (batch.length < MAX_BATCH && !alumni.has(item.alumnusId)) {
        batch.push(item);
        alumni.add(item.alumnusId);
      } else later.push(item);
    }
    this.waiting.set(eventId, later);
    void this.writeThenNext(eventId, batch);
  }
}
