/** Per member, bytes of edits allowed per minute; a whole minute's worth may come at once. */
export class EditBudgets {
  private readonly buckets = new Map<string, { bytes: number; refilledAt: number }>();

  constructor(private readonly bytesPerMinute: number) {}

  /**
   * Takes `bytes` from the member's budget. `tooLarge`: more than a whole minute's budget at once,
   * so it can never pass; `exceeded`: it may pass once enough time has refilled the budget.
   */
  take(userId: string, bytes: number, now = Date.now()): 'ok' | 'exceeded' | 'tooLarge' {
    if (bytes > this.bytesPerMinute) return 'tooLarge';
    const bucket = this.buckets.get(userId) ?? { bytes: this.bytesPerMinute, refilledAt: now };
    bucket.bytes = Math.min(
      this.bytesPerMinute,
      bucket.bytes + ((now - bucket.refilledAt) / 60_000) * this.bytesPerMinute,
    );
    bucket.refilledAt = now;
    this.buckets.set(userId, bucket);
    if (bucket.bytes < bytes) return 'exceeded';
    bucket.bytes -= bytes;
    return 'ok';
  }
}

/**
 * How large one paper may grow. Counting its encoded size exactly means encoding the whole
 * document, so the size is carried forward from the last count by adding each applied update's
 * bytes (an overestimate: edits replace text, and merged updates are smaller than their parts).
 * Only when that estimate passes the limit is the paper counted exactly; a deletion makes a new
 * count worth doing, since it may have made room.
 */
export class PaperSize {
  private added = 0;
  private isExact = false;

  constructor(
    private counted: number,
    private readonly maxBytes: number,
    /** The document's encoded size now. */
    private readonly count: () => number,
  ) {}

  /** Whether an update of `bytes` that adds content keeps the paper within its limit. */
  admits(bytes: number): boolean {
    if (this.counted + this.added + bytes <= this.maxBytes) return true;
    if (this.isExact) return false;
    this.counted = this.count();
    this.added = 0;
    this.isExact = true;
    return this.counted + bytes <= this.maxBytes;
  }

  /** An update was applied. */
  applied(bytes: number, inserts: boolean): void {
    if (inserts) this.added += bytes;
    else this.isExact = false;
  }
}
