import { Logger } from '@nestjs/common';
import { backoffDelay } from '@cw/shared';
import * as Y from 'yjs';
import type { PaperConnection } from './paper-connection.js';
import type {
  CompactionResult,
  ContributionDelta,
  NewSuggestion,
  PendingUpdate,
  StoredSize,
} from './paper.repository.js';
import { describeDocument } from './document-id.js';
import { storedMessage } from './sync-messages.js';

/** Where a paper's accepted updates go; the paper store backs it with the instance's group commit. */
export interface PaperSink {
  append(updates: PendingUpdate[], contributions: ContributionDelta[]): Promise<void>;
}

/** What other instances serving the paper need to know of its writes (see PaperChannel). */
export interface WritePeers {
  /** A mark covering every update accepted here so far. */
  mark(): number;
  /** Everything up to `mark` is now stored (these `updates` in this batch). */
  stored(mark: number, updates: PendingUpdate[]): void;
  /** Per client, the lowest clock of another instance's updates held here but not stored yet. */
  unstoredFloor(): Map<number, number> | undefined;
}

/** After a failed write, retry after this many ms (doubling up to 5 s). */
const RETRY_BASE_MS = 100;
const RETRY_MAX_MS = 5_000;

/**
 * When an accepted edit is stored: the group commit of one paper. Edits wait here for at most
 * `flushDelayMs` after the oldest of them was accepted, are written in one batch, and only then
 * are their writers told what is stored (MESSAGE_STORED). A failed write keeps the batch and is
 * retried with backoff; nothing is acknowledged until it is committed.
 */
export class PendingWrites {
  private updates: PendingUpdate[] = [];
  private contributions = new Map<string, ContributionDelta>();
  private writers = new Set<PaperConnection>();
  /** When the oldest update in `updates` was accepted (ms): its flush is due a window later. */
  private since: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  /** Failed writes in a row, for the backoff. */
  private failures = 0;
  private readonly logger = new Logger('Paper');

  constructor(
    private readonly documentId: string,
    private readonly sink: PaperSink,
    private readonly flushDelayMs: number,
    /** The document's state vector now. */
    private readonly currentStateVector: () => Uint8Array,
    /** Whether a writer is still connected to be told. */
    private readonly isConnected: (connection: PaperConnection) => boolean,
    /** State vector of what is durably stored; sent in acknowledgements. */
    private storedStateVector: Uint8Array,
    readonly storage: StoredSize,
    private readonly peers?: WritePeers,
  ) {}

  /** Accepted updates not yet stored (nor acknowledged). */
  get hasPending(): boolean {
    return this.updates.length > 0;
  }

  /** Accepted updates not yet committed: queued, or in the write under way. */
  get hasUnstored(): boolean {
    return this.updates.length > 0 || this.writing !== undefined;
  }

  /**
   * An update the paper applied, made by `userId`: sent by a socket here (told once it is
   * stored), or made by the server on their behalf (no `writer`); with the suggestions it
   * brought in, stored with it.
   */
  accept(
    data: Uint8Array,
    userId: string,
    writer?: PaperConnection,
    suggestions: NewSuggestion[] = [],
  ): void {
    this.since ??= Date.now();
    this.updates.push(suggestions.length > 0 ? { data, userId, suggestions } : { data, userId });
    if (writer) this.writers.add(writer);
    this.schedule();
  }

  /** Characters a member changed in a section, stored with the next batch. */
  count(contribution: ContributionDelta): void {
    const key = `${contribution.userId}|${contribution.groupId}|${contribution.sectionId}`;
    const existing = this.contributions.get(key);
    if (!existing) {
      this.contributions.set(key, contribution);
      return;
    }
    existing.inserted += contribution.inserted;
    existing.deleted += contribution.deleted;
  }

  /** The acknowledgement of what is stored now. */
  storedMessage(): Uint8Array {
    return storedMessage(this.storedStateVector);
  }

  /**
   * Due one window after the oldest pending update was accepted: an edit that arrived while the
   * previous batch was being written has already served part of its wait.
   */
  private schedule(): void {
    if (this.timer || this.writing) return;
    const waited = this.since === undefined ? 0 : Date.now() - this.since;
    const delay = Math.max(0, this.flushDelayMs - waited);
    this.timer = setTimeout(() => void this.flushAndRetry(), delay);
  }

  /** Timer-driven flush: a database failure is logged and retried with backoff, never thrown. */
  private async flushAndRetry(): Promise<void> {
    try {
      await this.flush();
      this.failures = 0;
    } catch (error) {
      this.logger.warn(
        `Storing ${describeDocument(this.documentId)} failed, retrying: ${(error as Error).message}`,
      );
      const delay = backoffDelay(this.failures++, RETRY_BASE_MS, RETRY_MAX_MS);
      if (!this.timer) this.timer = setTimeout(() => void this.flushAndRetry(), delay);
    }
  }

  /**
   * Writes every accepted update since the last flush in one batch, then tells the writers what
   * is now stored. On failure the batch stays queued and is retried; nothing is acknowledged.
   */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    while (this.writing) await this.writing;
    if (this.updates.length === 0) return;
    const updates = this.updates;
    const contributions = [...this.contributions.values()];
    const writers = this.writers;
    const stateVector = this.storableStateVector();
    const mark = this.peers?.mark() ?? 0;
    const since = this.since;
    this.updates = [];
    this.since = undefined;
    this.contributions = new Map();
    this.writers = new Set();
    this.writing = this.sink.append(updates, contributions).then(
      () => {
        this.peers?.stored(mark, updates);
        this.storedStateVector = stateVector;
        this.storage.logCount += updates.length;
        this.storage.logBytes += updates.reduce((sum, update) => sum + update.data.length, 0);
        const ack = this.storedMessage();
        for (const writer of writers) {
          if (writer.wantsAcks && this.isConnected(writer)) writer.send(ack);
        }
      },
      (error: unknown) => {
        this.updates = [...updates, ...this.updates];
        this.since = since;
        for (const contribution of contributions) this.count(contribution);
        for (const writer of writers) this.writers.add(writer);
        throw error;
      },
    );
    try {
      await this.writing;
    } finally {
      this.writing = undefined;
    }
    // Edits accepted while this batch was being written wait for the next one.
    if (this.updates.length > 0) this.schedule();
  }

  /**
   * The document's state vector, less other instances' edits held here that they have not
   * stored yet: what this batch's commit makes true.
   */
  private storableStateVector(): Uint8Array {
    const floor = this.peers?.unstoredFloor();
    const current = this.currentStateVector();
    if (!floor) return current;
    const state = Y.decodeStateVector(current);
    for (const [client, clock] of floor) if ((state.get(client) ?? 0) > clock) state.set(client, clock);
    return Y.encodeStateVector(state);
  }

  /** A compaction (here or on another instance) merged this much of the log into the snapshot. */
  countCompaction(result: CompactionResult): void {
    this.storage.logCount = Math.max(0, this.storage.logCount - result.count);
    this.storage.logBytes = Math.max(0, this.storage.logBytes - result.bytes);
    this.storage.snapshotBytes = result.snapshotBytes;
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
