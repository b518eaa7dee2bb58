import { Inject, Injectable, Logger } from '@nestjs/common';
import * as Y from 'yjs';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { MetricsService } from '../metrics/index.js';
import { buildInitialPaper } from './initial-paper.js';
import { PaperStoreQueue } from './paper-store-queue.js';
import {
  type CompactionResult,
  type ContributionDelta,
  mergeStored,
  PaperRepository,
  type PendingUpdate,
  type StoredPaper,
  type StoredSize,
  storedSize,
} from './paper.repository.js';
import { ParticipantsRepository } from './participants.repository.js';

/**
 * Where papers are kept: a snapshot and the log of updates after it (docs/architecture.md).
 * Reads them (seeding a new paper from its sections' starting text), appends accepted updates
 * through the instance's group commit, and compacts the log into the snapshot.
 */
@Injectable()
export class PaperStore {
  private readonly logger = new Logger('PaperStore');
  /** Papers being compacted by this instance: one compaction per paper at a time. */
  private readonly compacting = new Set<string>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly papers: PaperRepository,
    private readonly queue: PaperStoreQueue,
    private readonly participants: ParticipantsRepository,
    private readonly metrics: MetricsService,
  ) {}

  /** The stored paper; a new paper is first stored from its sections' starting text. */
  async load(consultationId: string): Promise<StoredPaper> {
    const stored = await this.papers.load(consultationId);
    if (stored.snapshot || stored.updates.length > 0) return stored;
    const initial = buildInitialPaper(await this.participants.sectionBodies(consultationId));
    if (!initial) return stored;
    await this.papers.seedIfEmpty(consultationId, initial);
    return this.papers.load(consultationId);
  }

  /** Who made each suggestion of the paper, as recorded with the updates that brought them in. */
  suggestionAuthors(consultationId: string): Promise<[id: string, authorId: string | null][]> {
    return this.papers.suggestionAuthors(consultationId);
  }

  /** The stored paper as it is now, as one update (read again by an instance catching up). */
  async reload(consultationId: string): Promise<{ state: Uint8Array | undefined; size: StoredSize }> {
    const stored = await this.papers.load(consultationId);
    return { state: mergeStored(stored), size: storedSize(stored) };
  }

  /** The stored paper as one update, merged without building a document. */
  async readState(consultationId: string): Promise<Uint8Array> {
    return mergeStored(await this.load(consultationId)) ?? Y.encodeStateAsUpdate(new Y.Doc());
  }

  /** Stores one batch of a paper's accepted updates; resolves once it is committed. */
  async append(
    consultationId: string,
    updates: PendingUpdate[],
    contributions: ContributionDelta[],
  ): Promise<void> {
    const stopTimer = this.metrics.paperStoreDuration.startTimer();
    try {
      await this.queue.append(consultationId, updates, contributions);
    } catch (error) {
      stopTimer({ outcome: 'error' });
      throw error;
    }
    stopTimer({ outcome: 'ok' });
  }

  /** Stores updates storage lacks (an instance that relayed them died before storing them). */
  storeMissing(consultationId: string, updates: PendingUpdate[]): Promise<PendingUpdate[]> {
    return this.papers.storeMissing(consultationId, updates);
  }

  /**
   * Compaction rewrites the whole snapshot, so it waits until the log is as large as the snapshot
   * (amortised: each stored byte of edits costs at most one more byte of snapshot writing) or
   * holds very many rows.
   */
  needsCompaction({ snapshotBytes, logCount, logBytes }: StoredSize): boolean {
    const { compactMinBytes, compactAfter } = this.config.collab;
    return logCount > 0 && (logBytes >= Math.max(snapshotBytes, compactMinBytes) || logCount >= compactAfter);
  }

  /**
   * Merges the stored log into one snapshot. Undefined when this paper is being compacted
   * already, or the compaction failed (the log stays as it was; a later one retries).
   */
  async compact(consultationId: string): Promise<CompactionResult | undefined> {
    if (this.compacting.has(consultationId)) return undefined;
    this.compacting.add(consultationId);
    try {
      return await this.papers.compact(consultationId, (stored) => {
        // Through a document rather than mergeUpdates alone: that drops deleted content for good.
        const doc = new Y.Doc();
        Y.applyUpdate(doc, mergeStored(stored)!);
        const state = Y.encodeStateAsUpdate(doc);
        doc.destroy();
        return state;
      });
    } catch (error) {
      this.logger.warn(`Compacting paper ${consultationId} failed: ${(error as Error).message}`);
      return undefined;
    } finally {
      this.compacting.delete(consultationId);
    }
  }
}
