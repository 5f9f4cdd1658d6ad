/** Answers kept by a cache (frozen, so they cannot change), with their JSON once a reply has needed it. */
const answers = new WeakMap<object, Buffer | null>();

/**
 * The reply serializer (bootstrap.ts): an answer from a cache is turned into UTF-8 JSON once
 * and those bytes sent by every reply that sends it (a feed page is ~13 KB, encoded and
 * measured again on every reply otherwise); anything else is stringified as usual.
 */
export function serializeReply(payload: unknown): string | Buffer {
  if (typeof payload !== 'object' || payload === null) return JSON.stringify(payload);
  const known = answers.get(payload);
  if (known === undefined) return JSON.stringify(payload);
  if (known !== null) return known;
  const json = Buffer.from(JSON.stringify(payload));
  answers.set(payload, json);
  return json;
}

/** Entries a cache holds at most unless told: the oldest goes first (paged lists could otherwise grow it without end). */
const MAX_ENTRIES = 1_000;

/**
 * Answers of one kind of public read, reused for a few seconds. Requests arriving together
 * share one read; a failed read is not kept; `clear()` (a table it depends on changed) drops
 * everything, reads in flight included, so nothing read before a change is kept after it.
 * Values are frozen: every request gets the same object.
 */
export class ReadCache<V> {
  private readonly entries = new Map<string, { value: Promise<V>; until: number }>();

  constructor(
    private readonly ttlMs: number,
    /** Whether changes are heard now; while they are not, every request reads. */
    private readonly live: () => boolean,
    private readonly maxEntries = MAX_ENTRIES,
  ) {}

  /** Whether answers are kept now (on, and changes heard): a caller may choose a cheaper read when they are not. */
  get keeping(): boolean {
    return this.ttlMs > 0 && this.live();
  }

  get(key: string, read: () => Promise<V>): Promise<V> {
    if (!this.keeping) return read();
    const now = Date.now();
    const cached = this.entries.get(key);
    if (cached && cached.until > now) return cached.value;
    if (cached) this.entries.delete(key);
    else if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    const entry = { value: read().then(keepAnswer), until: now + this.ttlMs };
    this.entries.set(key, entry);
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.value;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** An answer frozen for good and sent as JSON bytes made once (serializeReply): for the caches, and for constant answers. */
export function keepAnswer<T>(value: T): T {
  deepFreeze(value);
  // Kept again (one answer shared by several caches' entries): its bytes, once made, stay.
  if (typeof value === 'object' && value !== null && !answers.has(value)) answers.set(value, null);
  return value;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
