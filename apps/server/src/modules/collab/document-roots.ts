/** Reads of the roots, at most one per this many ms: a client cannot make the server query at will. */
const MIN_REFRESH_INTERVAL_MS = 1_000;

/**
 * Which root types a document may have, so that no update writes content where no page shows it:
 * the paper's are its consultation's sections, a session's notes its guiding questions and the
 * general notes. Read again when the consultation's structure changes, and when someone writes
 * into a root not known yet (a section just added, before word of it arrived here).
 */
export class DocumentRoots {
  private names: Set<string>;
  private refreshedAt = Date.now();
  private refreshing: Promise<void> | undefined;
  /** Counts completed reads: an unknown root still unknown after a later read is not allowed. */
  generation = 0;

  constructor(
    names: string[],
    /** The root names as stored now. */
    private readonly load: () => Promise<string[]>,
    /** Why an update into another root is refused, e.g. `not a section of this paper`. */
    readonly refusal: string,
  ) {
    this.names = new Set(names);
  }

  has(rootName: string): boolean {
    return this.names.has(rootName);
  }

  /**
   * Reads the roots again, at the earliest a second after the last read; calls made meanwhile
   * share it. A failed read leaves the set as it was (and rejects).
   */
  refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      const wait = this.refreshedAt + MIN_REFRESH_INTERVAL_MS - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      try {
        this.names = new Set(await this.load());
        this.generation += 1;
      } finally {
        this.refreshedAt = Date.now();
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }
}
