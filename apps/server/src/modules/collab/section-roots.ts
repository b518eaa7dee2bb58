import { sectionFragmentName } from '@cw/shared';

/** Reads of the sections, at most one per this many ms: a client cannot make the server query at will. */
const MIN_REFRESH_INTERVAL_MS = 1_000;

/**
 * Which root types of a paper are sections of its consultation, so that no update writes content
 * where no page shows it. Read again when the consultation's structure changes, and when someone
 * writes into a root not known yet (a section just added, before word of it arrived here).
 */
export class SectionRoots {
  private names: Set<string>;
  private refreshedAt = Date.now();
  private refreshing: Promise<void> | undefined;
  /** Counts completed reads: an unknown root still unknown after a later read is not a section. */
  generation = 0;

  constructor(
    sectionIds: string[],
    /** The consultation's section ids as stored now. */
    private readonly load: () => Promise<string[]>,
  ) {
    this.names = new Set(sectionIds.map(sectionFragmentName));
  }

  has(rootName: string): boolean {
    return this.names.has(rootName);
  }

  /**
   * Reads the sections again, at the earliest a second after the last read; calls made meanwhile
   * share it. A failed read leaves the set as it was (and rejects).
   */
  refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      const wait = this.refreshedAt + MIN_REFRESH_INTERVAL_MS - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      try {
        this.names = new Set((await this.load()).map(sectionFragmentName));
        this.generation += 1;
      } finally {
        this.refreshedAt = Date.now();
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }
}
