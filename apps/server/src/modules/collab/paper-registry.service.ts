import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import {
  type AttributionMode,
  backoffDelay,
  CLOSE_CODES,
  NOTES_GENERAL_FRAGMENT,
  notesQuestionFragmentName,
  sectionFragmentName,
} from '@cw/shared';
import * as Y from 'yjs';
import { closeAndWait } from '../../common/socket-close.js';
import { SocketKeepAlive } from '../../common/socket-keep-alive.js';
import { ClusterBus } from '../../cluster/cluster-bus.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { MetricsService } from '../metrics/index.js';
import { PaperChannel } from './paper-channel.js';
import type { PaperConnection } from './paper-connection.js';
import { PaperDocument } from './paper-document.js';
import { PaperStore } from './paper-store.js';
import { ParticipantsRepository } from './participants.repository.js';
import { describeDocument, documentOf } from './document-id.js';
import { DocumentRoots } from './document-roots.js';

interface Entry {
  document?: PaperDocument;
  loading?: Promise<PaperDocument>;
  unloading?: Promise<void>;
  unloadTimer?: NodeJS.Timeout;
  /** The link to other instances serving this paper (with REDIS_URL). */
  channel?: PaperChannel;
}

/** At shutdown, a failed store is retried after this many ms, doubling up to the maximum. */
const DRAIN_RETRY_BASE_MS = 100;
const DRAIN_RETRY_MAX_MS = 2_000;
/**
 * Presence of another instance's client is dropped when not renewed for this long: clients renew
 * theirs every 15 s, so only an instance that died leaves such states behind. Checked every 5 s.
 */
const REMOTE_PRESENCE_TTL_MS = 30_000;
const PRESENCE_SWEEP_MS = 5_000;

/**
 * The papers and other collaborative documents (sessions' notes) loaded in this process, by
 * document id (document-id.ts; a paper's is its consultation's id): loads on first connection
 * (never serving a document that failed to load), unloads when the last client has gone, compacts
 * storage once enough edits are stored, and stores every pending edit before the process ends.
 */
@Injectable()
export class PaperRegistry implements OnModuleInit, OnModuleDestroy, BeforeApplicationShutdown {
  private readonly logger = new Logger('PaperRegistry');
  private readonly entries = new Map<string, Entry>();
  /** Told the consultation after each batch of its paper's edits is stored. */
  private readonly paperStoredListeners = new Set<(consultationId: string) => void>();
  private presenceTimer: NodeJS.Timeout | undefined;
  private readonly keepAlive = new SocketKeepAlive(() =>
    this.loadedDocuments().flatMap((document) => [...document.connections].map(({ socket }) => socket)),
  );

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: PaperStore,
    private readonly participants: ParticipantsRepository,
    private readonly metrics: MetricsService,
    private readonly cluster: ClusterBus,
  ) {}

  onModuleInit(): void {
    this.metrics.countPapersWith(() => this.loadedCount);
    this.keepAlive.start();
    if (this.cluster.isEnabled) {
      this.presenceTimer = setInterval(() => this.expireRemotePresence(), PRESENCE_SWEEP_MS);
      this.presenceTimer.unref();
    }
  }

  onModuleDestroy(): void {
    this.keepAlive.stop();
    clearInterval(this.presenceTimer);
  }

  /** Number of documents in memory (for metrics and tests). */
  get loadedCount(): number {
    return this.loadedDocuments().length;
  }

  /** The documents in memory. */
  loadedDocuments(): PaperDocument[] {
    return [...this.entries.values()].flatMap(({ document }) => (document ? [document] : []));
  }

  /**
   * Calls `listener` with the consultation after each batch of edits to its paper is stored here
   * (readers of the paper's text, such as the search index); returns the unsubscribe.
   */
  onPaperStored(listener: (consultationId: string) => void): () => void {
    this.paperStoredListeners.add(listener);
    return () => this.paperStoredListeners.delete(listener);
  }

  /** Sockets open on one document (0 when it is not loaded). */
  connectionCount(documentId: string): number {
    return this.entries.get(documentId)?.document?.connections.size ?? 0;
  }

  isLoaded(documentId: string): boolean {
    return this.entries.get(documentId)?.document !== undefined;
  }

  /** The document in memory, loading it first; rejects when it cannot be loaded. */
  async acquire(documentId: string, attributionMode: AttributionMode): Promise<PaperDocument> {
    for (;;) {
      const entry = this.entries.get(documentId);
      if (entry?.unloading) {
        await entry.unloading;
        continue;
      }
      if (entry?.document) {
        if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
        entry.unloadTimer = undefined;
        return entry.document;
      }
      if (entry?.loading) return entry.loading;
      const fresh: Entry = {};
      fresh.loading = this.load(fresh, documentId, attributionMode).then(
        (document) => {
          fresh.document = document;
          fresh.loading = undefined;
          return document;
        },
        (error: unknown) => {
          this.entries.delete(documentId);
          throw error;
        },
      );
      this.entries.set(documentId, fresh);
      return fresh.loading;
    }
  }

  /**
   * The consultation's structure changed: its loaded documents read their roots again (the
   * paper its sections, a session's notes its questions).
   */
  refreshRoots(consultationId: string): void {
    for (const document of this.loadedDocuments()) {
      if (document.consultationId !== consultationId) continue;
      document.roots
        .refresh()
        .catch((error: unknown) =>
          this.logger.warn(
            `Reading the roots of ${describeDocument(document.documentId)} failed: ${(error as Error).message}`,
          ),
        );
    }
  }

  /** Keeps a new socket alive with pings; one that stops answering is dropped. */
  trackAlive(connection: PaperConnection): void {
    this.keepAlive.track(connection.socket);
  }

  /**
   * The current document as one Yjs update: from memory when it is loaded (edits not yet stored
   * included), from storage otherwise. For readers outside the socket path (thread anchors, the
   * notes as published).
   */
  async currentState(documentId: string): Promise<Uint8Array> {
    const loaded = this.entries.get(documentId)?.document;
    return loaded ? Y.encodeStateAsUpdate(loaded.doc) : this.store.readState(documentId);
  }

  /**
   * Runs `read` on the document as it is now, edits not yet stored included, without copying it:
   * the loaded document, or the document loaded for it (and kept a while, as after a socket's
   * visit). `read` must only read, and synchronously. For readers that ask often (thread anchors).
   */
  async read<T>(documentId: string, attributionMode: AttributionMode, read: (doc: Y.Doc) => T): Promise<T> {
    const document = await this.acquire(documentId, attributionMode);
    try {
      return read(document.doc);
    } finally {
      this.release(document);
    }
  }

  /**
   * Changes the document on behalf of member `userId` and resolves once the change is stored:
   * loaded for it if need be, so the sockets on it (here and on other instances) receive the
   * change as they receive edits.
   */
  async change(
    documentId: string,
    attributionMode: AttributionMode,
    userId: string,
    apply: (doc: Y.Doc) => void,
  ): Promise<void> {
    const document = await this.acquire(documentId, attributionMode);
    try {
      document.change(userId, apply);
      await document.flush();
    } finally {
      this.release(document);
    }
  }

  /**
   * The current document as one Yjs update, once every edit it holds is stored: a version taken
   * from it never contains text the paper could still lose.
   */
  async storedState(documentId: string): Promise<Uint8Array> {
    const state = await this.currentState(documentId);
    await this.entries.get(documentId)?.document?.flush();
    return state;
  }

  /** The roots a document may have as stored now, and why another is refused. */
  private rootsOf(documentId: string): { load: () => Promise<string[]>; refusal: string } {
    const document = documentOf(documentId);
    if (document.kind === 'paper') {
      return {
        load: async () =>
          (await this.participants.sectionIds(document.consultationId)).map(sectionFragmentName),
        refusal: 'not a section of this paper',
      };
    }
    return {
      load: async () => [
        NOTES_GENERAL_FRAGMENT,
        ...(await this.participants.sessionQuestionIds(document.sessionId)).map(notesQuestionFragmentName),
      ],
      refusal: 'not a guiding question of these notes',
    };
  }

  /** With REDIS_URL, subscribes to the document's channel first, then reads it from storage. */
  private async load(
    entry: Entry,
    documentId: string,
    attributionMode: AttributionMode,
  ): Promise<PaperDocument> {
    const channel = this.cluster.isEnabled
      ? await PaperChannel.open(documentId, this.cluster, {
          catchUp: (document) => this.catchUp(document),
          storeMissing: (updates) => this.store.storeMissing(documentId, updates),
        })
      : undefined;
    try {
      const { consultationId, kind } = documentOf(documentId);
      const roots = this.rootsOf(documentId);
      const [stored, rootNames, suggestionAuthors] = await Promise.all([
        this.store.load(documentId),
        roots.load(),
        kind === 'paper' ? this.store.suggestionAuthors(consultationId) : [],
      ]);
      const document: PaperDocument = new PaperDocument(
        documentId,
        attributionMode,
        { ...stored, suggestionAuthors },
        new DocumentRoots(rootNames, roots.load, roots.refusal),
        {
          append: async (updates, contributions) => {
            try {
              await this.store.append(documentId, updates, contributions);
            } catch (error) {
              if (!this.store.isGone(error)) throw error;
              // Not retried: the edits had nowhere to go; the sockets learn why, and it unloads.
              this.logger.log(`${describeDocument(documentId)}: its agenda session was deleted`);
              for (const connection of [...document.connections]) {
                connection.close(CLOSE_CODES.NOT_FOUND, 'Agenda session not found');
              }
              return;
            }
            // After the document has counted this batch into its stored size.
            setImmediate(() => {
              if (this.store.needsCompaction(document.storage)) void this.compact(documentId);
              if (kind === 'paper')
                for (const listener of this.paperStoredListeners) listener(consultationId);
            });
          },
        },
        {
          flushDelayMs: this.config.collab.flushDelayMs,
          maxAwarenessStateBytes: this.config.collab.maxAwarenessStateBytes,
          limits: {
            maxPaperBytes: this.config.collab.maxPaperBytes,
            editBytesPerMinute: this.config.collab.editBytesPerMinute,
            maxHeldBytes: this.config.collab.maxMessageBytes,
            maxHoldMs: this.config.collab.holdMs,
          },
          onUpdateAccepted: () => this.metrics.paperUpdates.inc(),
        },
        channel,
      );
      entry.channel = channel;
      channel?.attach(document);
      return document;
    } catch (error) {
      channel?.close();
      throw error;
    }
  }

  /**
   * Reads the stored paper again and applies what this instance lacks (another instance stored
   * it while Redis was away, or its frame was lost), then has every socket here resync. Returns
   * the stored state vector.
   */
  private async catchUp(document: PaperDocument): Promise<Map<number, number>> {
    const { state, size } = await this.store.reload(document.documentId);
    if (!state) return new Map();
    if (this.entries.get(document.documentId)?.document === document) {
      document.applyRemoteUpdate(state);
      Object.assign(document.storage, size);
      document.resync();
    }
    return Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state));
  }

  private expireRemotePresence(): void {
    for (const document of this.loadedDocuments()) document.expireRemotePresence(REMOTE_PRESENCE_TTL_MS);
  }

  /** Called when a socket leaves: a document nobody uses is unloaded after a short grace period. */
  release(document: PaperDocument): void {
    const entry = this.entries.get(document.documentId);
    if (!entry || entry.document !== document || document.connections.size > 0 || entry.unloadTimer) return;
    entry.unloadTimer = setTimeout(
      () => void this.unload(document.documentId),
      this.config.collab.unloadDelayMs,
    );
    entry.unloadTimer.unref();
  }

  private async unload(documentId: string): Promise<void> {
    const entry = this.entries.get(documentId);
    const document = entry?.document;
    if (!entry || !document || document.connections.size > 0) return;
    entry.unloadTimer = undefined;
    entry.unloading = (async () => {
      try {
        await document.flush();
        if (this.store.needsCompaction(document.storage)) await this.compact(documentId);
      } catch (error) {
        // Keep it in memory: its unsaved edits must not be dropped. Retry on the next release.
        this.logger.warn(`Unloading ${describeDocument(documentId)} failed: ${(error as Error).message}`);
        entry.unloading = undefined;
        this.release(document);
        return;
      }
      entry.channel?.close();
      document.destroy();
      this.entries.delete(documentId);
    })();
    await entry.unloading;
  }

  /** Merges the stored log into one snapshot and tells the document and the other instances. */
  async compact(documentId: string): Promise<void> {
    const result = await this.store.compact(documentId);
    const entry = this.entries.get(documentId);
    const document = entry?.document;
    if (!result) return;
    if (result.count > 0) {
      document?.countCompaction(result);
      entry?.channel?.publishCompacted(result);
    } else if (document) {
      // Another instance has just merged the log this one was counting.
      const { logCount, logBytes } = document.storage;
      document.countCompaction({ count: logCount, bytes: logBytes, snapshotBytes: result.snapshotBytes });
    }
  }

  /**
   * Shutdown: stores every pending edit, retrying while the database is away for up to
   * SHUTDOWN_TIMEOUT_MS, then closes the sockets with 1012 so clients reconnect elsewhere (new
   * sockets are already refused). Edits that could not be stored by then were never
   * acknowledged: their clients still hold them and send them again after reconnecting.
   */
  async beforeApplicationShutdown(): Promise<void> {
    const deadline = Date.now() + this.config.shutdownTimeoutMs;
    const draining: Promise<void>[] = [];
    for (const entry of this.entries.values()) {
      if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
      const document = entry.document;
      // The channel stays open while draining: other instances learn what was stored.
      if (document) {
        const drained = this.drain(document, deadline)
          .then(() => entry.channel?.storeHeld())
          .catch((error: unknown) =>
            this.logger.error(
              `${describeDocument(document.documentId)}: edits relayed by other instances could not be stored: ${(error as Error).message}`,
            ),
          );
        draining.push(drained.finally(() => entry.channel?.close()));
      }
    }
    await Promise.all(draining);
    this.entries.clear();
  }

  private async drain(document: PaperDocument, deadline: number): Promise<void> {
    document.stopAcceptingUpdates();
    for (let attempt = 0; ; attempt++) {
      const delayMs = backoffDelay(attempt, DRAIN_RETRY_BASE_MS, DRAIN_RETRY_MAX_MS);
      try {
        // A batch being written when the drain began may leave later edits for one more flush.
        await document.flush();
        if (!document.hasPendingUpdates) break;
        continue;
      } catch (error) {
        const message = (error as Error).message;
        if (Date.now() + delayMs > deadline) {
          this.logger.error(
            `${describeDocument(document.documentId)} has edits that could not be stored: ${message}`,
          );
          break;
        }
        this.logger.warn(
          `Storing ${describeDocument(document.documentId)} before shutdown failed, retrying: ${message}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
    const closing = [...document.connections].map((connection) =>
      closeAndWait(connection.socket, CLOSE_CODES.SERVICE_RESTART, 'Server restarting'),
    );
    document.destroy();
    await Promise.all(closing);
  }
}
