import { Inject, Injectable, Logger } from '@nestjs/common';
import * as Y from 'yjs';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { isForeignKeyViolation } from '../../db/database-errors.js';
import { MetricsService } from '../metrics/index.js';
import { describeDocument, documentOf } from './document-id.js';
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
 * Where papers and the other collaborative documents are kept, each by its id (document-id.ts): a
 * snapshot and the log of updates after it (docs/architecture.md). Reads them (seeding a new paper
 * from its sections' starting text; a session's notes start empty), appends accepted updates
 * through the instance's group commit, and compacts the log into the snapshot.
 */
@Injectable()
export class PaperStore {
  private readonly logger = new Logger('PaperStore');
  /** Documents being compacted by this instance: one compaction per document at a time. */
  private readonly compacting = new Set<string>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly papers: PaperRepository,
    private readonly queue: PaperStoreQueue,
    private readonly participants: ParticipantsRepository,
    private readonly metrics: MetricsService,
  ) {}

  /** The stored document; a new paper is first stored from its sections' starting text. */
  async load(documentId: string): Promise<StoredPaper> {
    const stored = await this.papers.load(documentId);
    const document = documentOf(documentId);
    if (stored.snapshot || stored.updates.length > 0 || document.kind !== 'paper') return stored;
    const initial = buildInitialPaper(await this.participants.sectionBodies(document.consultationId));
    if (!initial) return stored;
    await this.papers.seedIfEmpty(documentId, initial);
    return this.papers.load(documentId);
  }

  /** Who made each suggestion of the paper, as recorded with the updates that brought them in. */
  suggestionAuthors(consultationId: string): Promise<[id: string, authorId: string | null][]> {
    return this.papers.suggestionAuthors(consultationId);
  }

  /** The stored document as it is now, as one update (read again by an instance catching up). */
  async reload(documentId: string): Promise<{ state: Uint8Array | undefined; size: StoredSize }> {
    const stored = await this.papers.load(documentId);
    return { state: mergeStored(stored), size: storedSize(stored) };
  }

  /** The stored document as one update, merged without building a document. */
  async readState(documentId: string): Promise<Uint8Array> {
    return mergeStored(await this.load(documentId)) ?? Y.encodeStateAsUpdate(new Y.Doc());
  }

  /** Stores one batch of a document's accepted updates; resolves once it is committed. */
  async append(
    documentId: string,
    updates: PendingUpdate[],
    contributions: ContributionDelta[],
  ): Promise<void> {
    const stopTimer = this.metrics.paperStoreDuration.startTimer();
    try {
      await this.queue.append(documentId, updates, contributions);
    } catch (error) {
      stopTimer({ outcome: 'error' });
      throw error;
    }
    stopTimer({ outcome: 'ok' });
  }

  /**
   * Whether an append failed because its document is gone: a session's notes whose session was
   * deleted (its rows went with it), so the edits have nowhere to be stored.
   */
  isGone(error: unknown): boolean {
    return (
      isForeignKeyViolation(error) &&
      (error as { constraint_name?: unknown }).constraint_name === 'notes_updates_session_id_fkey'
    );
  }

  /** Stores updates storage lacks (an instance that relayed them died before storing them). */
  storeMissing(documentId: string, updates: PendingUpdate[]): Promise<PendingUpdate[]> {
    return this.papers.storeMissing(documentId, updates);
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
   * Merges the stored log into one snapshot. Undefined when this document is being compacted
   * already, or the compaction failed (the log stays as it was; a later one retries).
   */
  async compact(documentId: string): Promise<CompactionResult | undefined> {
    if (this.compacting.has(documentId)) return undefined;
    this.compacting.add(documentId);
    try {
      return await this.papers.compact(documentId, (stored) => {
        // Through a document rather than mergeUpdates alone: that drops deleted content for good.
        const doc = new Y.Doc();
        Y.applyUpdate(doc, mergeStored(stored)!);
        const state = Y.encodeStateAsUpdate(doc);
        doc.destroy();
        return state;
      });
    } catch (error) {
      this.logger.warn(`Compacting ${describeDocument(documentId)} failed: ${(error as Error).message}`);
      return undefined;
    } finally {
      this.compacting.delete(documentId);
    }
  }
}
