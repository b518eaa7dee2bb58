import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnModuleInit,
} from '@nestjs/common';
import { type AttributionMode, can, CLOSE_CODES } from '@cw/shared';
import * as Y from 'yjs';
import { closeAndWait } from '../../common/socket-close.js';
import { ClusterBus } from '../../cluster/cluster-bus.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { buildInitialPaper } from './initial-paper.js';
import { PaperChannel } from './paper-channel.js';
import type { PaperConnection } from './paper-connection.js';
import { PaperDocument } from './paper-document.js';
import { PaperStoreQueue } from './paper-store-queue.js';
import { PaperRepository, type StoredPaper } from './paper.repository.js';
import {
  type ConsultationState,
  type MembershipRow,
  membershipFields,
  ParticipantsRepository,
} from './participants.repository.js';

/** One member of one consultation, as a map key. */
const memberKey = (consultationId: string, userId: string) => `${consultationId}|${userId}`;

interface Entry {
  document?: PaperDocument;
  loading?: Promise<PaperDocument>;
  unloading?: Promise<void>;
  unloadTimer?: NodeJS.Timeout;
  isCompacting?: boolean;
  /** The link to other instances serving this paper (with REDIS_URL). */
  channel?: PaperChannel;
}

/** Keep-alive: ping every socket this often; one that missed the previous pong is dropped. */
const PING_INTERVAL_MS = 30_000;
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
 * The papers loaded in this process: loads on first connection (never serving a paper that
 * failed to load), unloads when the last client has gone, compacts storage, and re-checks the
 * rights of connected members so role and phase changes apply within seconds.
 */
@Injectable()
export class PaperRegistry implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('PaperRegistry');
  private readonly entries = new Map<string, Entry>();
  private recheckTimer: NodeJS.Timeout | undefined;
  /** A slow database must not pile up rounds of the re-check. */
  private isRechecking = false;
  private pingTimer: NodeJS.Timeout | undefined;
  private presenceTimer: NodeJS.Timeout | undefined;
  private readonly alive = new WeakSet<PaperConnection>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly papers: PaperRepository,
    private readonly storeQueue: PaperStoreQueue,
    private readonly participants: ParticipantsRepository,
    private readonly metrics: MetricsService,
    private readonly cluster: ClusterBus,
  ) {}

  onModuleInit(): void {
    this.metrics.countPapersWith(() => this.loadedCount);
    this.recheckTimer = setInterval(() => void this.recheckAll(), this.config.collab.recheckMs);
    this.recheckTimer.unref();
    this.pingTimer = setInterval(() => this.pingAll(), PING_INTERVAL_MS);
    this.pingTimer.unref();
    if (this.cluster.isEnabled) {
      this.presenceTimer = setInterval(() => this.expireRemotePresence(), PRESENCE_SWEEP_MS);
      this.presenceTimer.unref();
    }
  }

  /** Number of papers in memory (for metrics and tests). */
  get loadedCount(): number {
    return [...this.entries.values()].filter((entry) => entry.document).length;
  }

  /** Sockets open on one paper (0 when it is not loaded). */
  connectionCount(consultationId: string): number {
    return this.entries.get(consultationId)?.document?.connections.size ?? 0;
  }

  isLoaded(consultationId: string): boolean {
    return this.entries.get(consultationId)?.document !== undefined;
  }

  /** The paper in memory, loading it first; rejects when it cannot be loaded. */
  async acquire(consultationId: string, attributionMode: AttributionMode): Promise<PaperDocument> {
    for (;;) {
      const entry = this.entries.get(consultationId);
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
      fresh.loading = this.load(fresh, consultationId, attributionMode).then(
        (document) => {
          fresh.document = document;
          fresh.loading = undefined;
          return document;
        },
        (error: unknown) => {
          this.entries.delete(consultationId);
          throw error;
        },
      );
      this.entries.set(consultationId, fresh);
      return fresh.loading;
    }
  }

  /**
   * The current paper as one Yjs update: from memory when it is loaded (edits not yet stored
   * included), from storage otherwise. For readers outside the socket path (thread anchors).
   */
  async currentState(consultationId: string): Promise<Uint8Array> {
    const loaded = this.entries.get(consultationId)?.document;
    if (loaded) return Y.encodeStateAsUpdate(loaded.doc);
    const stored = await this.stored(consultationId);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return state;
  }

  /**
   * The current paper as one Yjs update, once every edit it holds is stored: a version taken
   * from it never contains text the paper could still lose.
   */
  async storedState(consultationId: string): Promise<Uint8Array> {
    const state = await this.currentState(consultationId);
    await this.entries.get(consultationId)?.document?.flush();
    return state;
  }

  /** The stored paper; a new paper is first seeded from its sections' starting text. */
  private async stored(consultationId: string): Promise<StoredPaper> {
    const stored = await this.papers.load(consultationId);
    if (stored.snapshot || stored.updates.length > 0) return stored;
    const initial = buildInitialPaper(await this.participants.sectionBodies(consultationId));
    if (!initial) return stored;
    await this.papers.seedIfEmpty(consultationId, initial);
    return this.papers.load(consultationId);
  }

  /** With REDIS_URL, subscribes to the paper's channel first, then reads it from storage. */
  private async load(
    entry: Entry,
    consultationId: string,
    attributionMode: AttributionMode,
  ): Promise<PaperDocument> {
    const channel = this.cluster.isEnabled
      ? await PaperChannel.open(consultationId, this.cluster, {
          catchUp: (document) => this.catchUp(document),
          storeMissing: (updates) => this.papers.storeMissing(consultationId, updates),
        })
      : undefined;
    try {
      const stored = await this.stored(consultationId);
      const document: PaperDocument = new PaperDocument(
        consultationId,
        attributionMode,
        stored,
        {
          append: async (updates, contributions) => {
            const stopTimer = this.metrics.paperStoreDuration.startTimer();
            try {
              await this.storeQueue.append(consultationId, updates, contributions);
            } catch (error) {
              stopTimer({ outcome: 'error' });
              throw error;
            }
            stopTimer({ outcome: 'ok' });
            // After the document has counted this batch into its stored size.
            setImmediate(() => {
              if (this.needsCompaction(document)) void this.compact(consultationId);
            });
          },
        },
        {
          flushDelayMs: this.config.collab.flushDelayMs,
          maxAwarenessStateBytes: this.config.collab.maxAwarenessStateBytes,
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
    const stored = await this.papers.load(document.consultationId);
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    if (parts.length === 0) return new Map();
    const merged = parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
    if (this.entries.get(document.consultationId)?.document === document) {
      document.applyRemoteUpdate(merged);
      document.storage.snapshotBytes = stored.snapshot?.length ?? 0;
      document.storage.logCount = stored.updates.length;
      document.storage.logBytes = stored.updates.reduce((sum, update) => sum + update.length, 0);
      document.resync();
    }
    return Y.decodeStateVector(Y.encodeStateVectorFromUpdate(merged));
  }

  private expireRemotePresence(): void {
    for (const entry of this.entries.values()) entry.document?.expireRemotePresence(REMOTE_PRESENCE_TTL_MS);
  }

  /** Called when a socket leaves: a paper nobody uses is unloaded after a short grace period. */
  release(document: PaperDocument): void {
    const entry = this.entries.get(document.consultationId);
    if (!entry || entry.document !== document || document.connections.size > 0 || entry.unloadTimer) return;
    entry.unloadTimer = setTimeout(
      () => void this.unload(document.consultationId),
      this.config.collab.unloadDelayMs,
    );
    entry.unloadTimer.unref();
  }

  private async unload(consultationId: string): Promise<void> {
    const entry = this.entries.get(consultationId);
    const document = entry?.document;
    if (!entry || !document || document.connections.size > 0) return;
    entry.unloadTimer = undefined;
    entry.unloading = (async () => {
      try {
        await document.flush();
        if (this.needsCompaction(document)) await this.compact(consultationId);
      } catch (error) {
        // Keep it in memory: its unsaved edits must not be dropped. Retry on the next release.
        this.logger.warn(`Unloading paper ${consultationId} failed: ${(error as Error).message}`);
        entry.unloading = undefined;
        this.release(document);
        return;
      }
      entry.channel?.close();
      document.destroy();
      this.entries.delete(consultationId);
    })();
    await entry.unloading;
  }

  /**
   * Compaction rewrites the whole snapshot, so it waits until the log is as large as the snapshot
   * (amortised: each stored byte of edits costs at most one more byte of snapshot writing) or
   * holds very many rows.
   */
  private needsCompaction(document: PaperDocument): boolean {
    const { snapshotBytes, logCount, logBytes } = document.storage;
    const { compactMinBytes, compactAfter } = this.config.collab;
    return logCount > 0 && (logBytes >= Math.max(snapshotBytes, compactMinBytes) || logCount >= compactAfter);
  }

  /** Merges the stored log into one snapshot; one compaction per paper at a time. */
  async compact(consultationId: string): Promise<void> {
    const entry = this.entries.get(consultationId);
    if (entry?.isCompacting) return;
    if (entry) entry.isCompacting = true;
    try {
      const result = await this.papers.compact(consultationId, (stored) => {
        // Through a document rather than mergeUpdates: that drops deleted content for good.
        const doc = new Y.Doc();
        Y.applyUpdate(
          doc,
          Y.mergeUpdates(stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates),
        );
        const state = Y.encodeStateAsUpdate(doc);
        doc.destroy();
        return state;
      });
      const document = entry?.document;
      if (result.count > 0) {
        document?.countCompaction(result);
        entry?.channel?.publishCompacted(result);
      } else if (document) {
        // Another instance has just merged the log this one was counting.
        const { logCount, logBytes } = document.storage;
        document.countCompaction({ count: logCount, bytes: logBytes, snapshotBytes: result.snapshotBytes });
      }
    } catch (error) {
      this.logger.warn(`Compacting paper ${consultationId} failed: ${(error as Error).message}`);
    } finally {
      if (entry) entry.isCompacting = false;
    }
  }

  /**
   * Applies current roles, phase, attribution mode and session validity to every connected
   * socket: three queries per round for all loaded papers, so the cost stays flat as papers add up.
   */
  private async recheckAll(): Promise<void> {
    if (this.isRechecking) return;
    // The sockets connected now: one that joins during the queries was checked at its handshake.
    const papers = [...this.entries.values()].flatMap(({ document }) =>
      document && document.connections.size > 0 ? [{ document, connections: [...document.connections] }] : [],
    );
    if (papers.length === 0) return;
    const asked = new Map<string, { consultationId: string; userId: string }>();
    const sessionIds = new Set<string>();
    for (const { document, connections } of papers) {
      const { consultationId } = document;
      for (const { participant } of connections) {
        asked.set(memberKey(consultationId, participant.userId), {
          consultationId,
          userId: participant.userId,
        });
        sessionIds.add(participant.sessionId);
      }
    }
    let states: Map<string, ConsultationState>;
    let members: MembershipRow[];
    let sessions: Set<string>;
    this.isRechecking = true;
    try {
      [states, members, sessions] = await Promise.all([
        this.participants.consultations(papers.map(({ document }) => document.consultationId)),
        this.participants.memberships([...asked.values()]),
        this.participants.liveSessions([...sessionIds]),
      ]);
    } catch (error) {
      this.logger.warn(`Re-checking rights on loaded papers failed: ${(error as Error).message}`);
      return;
    } finally {
      this.isRechecking = false;
    }
    const byMember = new Map(
      members.map((member) => [memberKey(member.consultation_id, member.user_id), member]),
    );
    for (const { document, connections } of papers) {
      const state = states.get(document.consultationId);
      if (state) document.attributionMode = state.attributionMode;
      for (const connection of connections) {
        if (!document.connections.has(connection)) continue;
        const member = byMember.get(memberKey(document.consultationId, connection.participant.userId));
        if (!sessions.has(connection.participant.sessionId)) {
          connection.close(CLOSE_CODES.UNAUTHENTICATED, 'Session ended');
          continue;
        }
        if (!state || !member) {
          connection.close(CLOSE_CODES.NOT_FOUND, 'No longer a member of this consultation');
          continue;
        }
        connection.participant = { ...connection.participant, ...membershipFields(member) };
        document.setWriteAccess(connection, can(member.role, 'paper.edit', state.phase));
        document.refreshViewer(connection);
      }
    }
  }

  /** Registers a new socket for keep-alive pings. */
  trackAlive(connection: PaperConnection): void {
    this.alive.add(connection);
    connection.socket.on('pong', () => this.alive.add(connection));
  }

  private pingAll(): void {
    for (const entry of this.entries.values()) {
      for (const connection of entry.document?.connections ?? []) {
        if (!this.alive.has(connection)) {
          connection.socket.terminate();
          continue;
        }
        this.alive.delete(connection);
        connection.socket.ping();
      }
    }
  }

  /**
   * Shutdown: stores every pending edit, retrying while the database is away for up to
   * SHUTDOWN_TIMEOUT_MS, then closes the sockets with 1012 so clients reconnect elsewhere (new
   * sockets are already refused). Edits that could not be stored by then were never
   * acknowledged: their clients still hold them and send them again after reconnecting.
   */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.recheckTimer);
    clearInterval(this.pingTimer);
    clearInterval(this.presenceTimer);
    const deadline = Date.now() + this.config.shutdownTimeoutMs;
    const draining: Promise<void>[] = [];
    for (const entry of this.entries.values()) {
      if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
      const document = entry.document;
      // The channel stays open while draining: other instances learn what was stored.
      if (document) draining.push(this.drain(document, deadline).finally(() => entry.channel?.close()));
    }
    await Promise.all(draining);
    this.entries.clear();
  }

  private async drain(document: PaperDocument, deadline: number): Promise<void> {
    document.stopAcceptingUpdates();
    for (let delayMs = DRAIN_RETRY_BASE_MS; ; delayMs = Math.min(delayMs * 2, DRAIN_RETRY_MAX_MS)) {
      try {
        // A batch being written when the drain began may leave later edits for one more flush.
        await document.flush();
        if (!document.hasPendingUpdates) break;
        continue;
      } catch (error) {
        const message = (error as Error).message;
        if (Date.now() + delayMs > deadline) {
          this.logger.error(
            `Paper ${document.consultationId} has edits that could not be stored: ${message}`,
          );
          break;
        }
        this.logger.warn(
          `Storing paper ${document.consultationId} before shutdown failed, retrying: ${message}`,
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
