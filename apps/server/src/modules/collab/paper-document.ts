import {
  type AttributionMode,
  CLOSE_CODES,
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_STORED,
  MESSAGE_SYNC,
  MESSAGE_WRITE_ACCESS,
  maySeeNames,
} from '@cw/shared';
import { Logger } from '@nestjs/common';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  type AwarenessEntry,
  AwarenessTooLargeError,
  colourFor,
  decodeAwarenessUpdate,
  encodeAwarenessUpdate,
  sanitizeAwarenessState,
} from './awareness-states.js';
import { countSectionChanges } from './contributions.js';
import { type Participant, PaperConnection, type ViewerClass } from './paper-connection.js';
import type { CompactionResult, ContributionDelta, PendingUpdate, StoredPaper } from './paper.repository.js';
import { validateUpdate } from './update-validator.js';

function identityOf(connection: PaperConnection): PresenceIdentity {
  const { userId, name, role, groupName } = connection.participant;
  return { userId, name, role, groupName };
}

function syncStep2Message(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A message the socket must be closed for, with the close code and reason to send. */
export class ProtocolError extends Error {
  constructor(
    readonly code: number,
    reason: string,
  ) {
    super(reason);
  }
}

/** Where a paper's accepted updates go; the registry backs it with the instance's group commit. */
export interface PaperSink {
  append(updates: PendingUpdate[], contributions: ContributionDelta[]): Promise<void>;
}

/** Who a presence state belongs to, as the server knows them. */
export type PresenceIdentity = Pick<Participant, 'userId' | 'name' | 'role' | 'groupName'>;

/** One client's presence as it travels between instances; never sent to a client as it is. */
export interface SharedPresence extends AwarenessEntry {
  identity: PresenceIdentity;
}

/** The other instances serving this paper (through Redis); absent when one instance serves alone. */
export interface PaperPeers {
  /** A client here sent an accepted update: the others relay it at once. */
  accepted(update: Uint8Array, userId: string): void;
  /** A mark covering every update passed to `accepted` so far. */
  mark(): number;
  /** Everything up to `mark` is now stored (these `updates` in this batch). */
  stored(mark: number, updates: PendingUpdate[]): void;
  /** Per client, the lowest clock of another instance's updates held here but not stored yet. */
  unstoredFloor(): Map<number, number> | undefined;
  /** Presence of clients connected here changed (a `null` state: the client left). */
  presenceChanged(entries: SharedPresence[]): void;
}

export interface PaperOptions {
  /** Group commit: accepted updates are written together this many ms after the first one. */
  flushDelayMs: number;
  /** Largest JSON size of one awareness state, in bytes. */
  maxAwarenessStateBytes: number;
  /** Told of every update accepted from a client (for metrics). */
  onUpdateAccepted?: () => void;
}

interface AwarenessRecord {
  clock: number;
  state: Record<string, unknown> | null;
  /** The socket here it belongs to; undefined for a client of another instance. */
  connection?: PaperConnection;
  /** For a client of another instance: who it is, and when that instance last spoke for it (ms). */
  identity?: PresenceIdentity;
  heardAt?: number;
}

const LOAD_ORIGIN = Symbol('load');
/** Updates another instance accepted (it stores them), or read back from storage: relayed, not stored. */
const REMOTE_ORIGIN = Symbol('remote');
/** After a failed write, retry after this many ms (doubling up to 5 s). */
const RETRY_BASE_MS = 100;
const RETRY_MAX_MS = 5_000;
const MAX_AWARENESS_CLIENTS_PER_SOCKET = 4;

/**
 * One consultation's paper in memory: the Yjs document, the sockets on it, their presence, and
 * the updates waiting to be stored. The gateway hands it raw frames; everything it sends is
 * encoded once per batch for all recipients.
 */
export class PaperDocument {
  private readonly ydoc = new Y.Doc();
  /**
   * The stored state, not yet applied. A join right after loading is answered from these bytes
   * and the document is built at its first use, so the join does not wait for it.
   */
  private unapplied: Uint8Array | undefined;
  readonly connections = new Set<PaperConnection>();
  attributionMode: AttributionMode;
  private readonly awareness = new Map<number, AwarenessRecord>();
  /** Which socket owns each awareness client id; `null` once it has left (ids are never reused). */
  private readonly awarenessOwners = new Map<number, PaperConnection | null>();

  private outgoingUpdates: Array<{ update: Uint8Array; origin: PaperConnection | undefined }> = [];
  private changedAwareness = new Set<number>();
  private isBroadcastScheduled = false;

  private pendingUpdates: PendingUpdate[] = [];
  private pendingContributions = new Map<string, ContributionDelta>();
  private pendingWriters = new Set<PaperConnection>();
  /** When the oldest update in `pendingUpdates` was accepted (ms): its flush is due a window later. */
  private pendingSince: number | undefined;
  private flushTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private retryDelayMs = RETRY_BASE_MS;
  private isAcceptingUpdates = true;
  private readonly logger = new Logger('Paper');
  /** State vector of what is durably stored; sent in acknowledgements. */
  private storedStateVector: Uint8Array;
  /** Cached full-state answer for clients that have nothing yet; dropped on every change. */
  private fullStateMessage: Uint8Array | undefined;
  /** Size of what is stored: the snapshot and the log after it (drives when to compact). */
  readonly storage = { snapshotBytes: 0, logCount: 0, logBytes: 0 };

  constructor(
    readonly consultationId: string,
    attributionMode: AttributionMode,
    stored: StoredPaper,
    private readonly sink: PaperSink,
    private readonly options: PaperOptions,
    private readonly peers?: PaperPeers,
  ) {
    this.attributionMode = attributionMode;
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    if (parts.length > 0) {
      // One merged update applies much faster than thousands of small ones, and it already is
      // the answer for a client that has nothing yet: the first join after a load skips encoding.
      const merged = parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
      this.unapplied = merged;
      this.fullStateMessage = syncStep2Message(merged);
      this.storedStateVector = Y.encodeStateVectorFromUpdate(merged);
      // Built on the next turn at the latest, after the join that loaded it has been answered.
      setImmediate(() => this.applyStored());
    } else {
      this.storedStateVector = Y.encodeStateVector(this.ydoc);
    }
    this.storage.snapshotBytes = stored.snapshot?.length ?? 0;
    this.storage.logCount = stored.updates.length;
    this.storage.logBytes = stored.updates.reduce((sum, update) => sum + update.length, 0);
    this.ydoc.on('update', (update: Uint8Array, origin: unknown) => this.onUpdate(update, origin));
    this.ydoc.on('afterTransaction', (transaction: Y.Transaction) => this.onTransaction(transaction));
  }

  /** The Yjs document, with the stored state applied. */
  get doc(): Y.Doc {
    this.applyStored();
    return this.ydoc;
  }

  private applyStored(): void {
    if (!this.unapplied) return;
    const stored = this.unapplied;
    this.unapplied = undefined;
    Y.applyUpdate(this.ydoc, stored, LOAD_ORIGIN);
  }

  /** What the server has, as a state vector; read from the stored bytes while they are unapplied. */
  private stateVector(): Uint8Array {
    return this.unapplied ? this.storedStateVector : Y.encodeStateVector(this.ydoc);
  }

  /** Accepted updates not yet stored (nor acknowledged). */
  get hasPendingUpdates(): boolean {
    return this.pendingUpdates.length > 0;
  }

  /** Accepted updates not yet committed: queued, or in the write under way. */
  get hasUnstoredUpdates(): boolean {
    return this.pendingUpdates.length > 0 || this.flushing !== undefined;
  }

  /**
   * Shutdown: updates from now on are dropped unapplied and unacknowledged, so the last flush
   * can finish; their senders still hold them and send them again after reconnecting.
   */
  stopAcceptingUpdates(): void {
    this.isAcceptingUpdates = false;
  }

  /** Presence shows names to this connection, or stakeholder-group labels (SPEC §3). */
  viewerClassFor(connection: PaperConnection): ViewerClass {
    return maySeeNames(this.attributionMode, connection.participant.role) ? 'named' : 'label';
  }

  addConnection(connection: PaperConnection): void {
    connection.viewer = this.viewerClassFor(connection);
    this.connections.add(connection);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
    encoding.writeVarUint8Array(encoder, this.stateVector());
    connection.send(encoding.toUint8Array(encoder));
    const states = this.awarenessFor(connection.viewer, [...this.awareness.keys()]);
    if (states) connection.send(states);
    if (connection.wantsAcks) {
      connection.send(this.writeAccessMessage(connection.canWrite));
      connection.send(this.storedMessage());
    }
  }

  removeConnection(connection: PaperConnection): void {
    if (!this.connections.delete(connection)) return;
    const left: SharedPresence[] = [];
    for (const clientId of connection.awarenessClients) {
      this.awarenessOwners.set(clientId, null);
      const record = this.awareness.get(clientId);
      if (record?.connection !== connection) continue;
      this.awareness.set(clientId, { clock: record.clock + 1, state: null, connection });
      this.changedAwareness.add(clientId);
      left.push({ clientId, clock: record.clock + 1, state: null, identity: identityOf(connection) });
    }
    if (left.length > 0) this.peers?.presenceChanged(left);
    this.scheduleBroadcast();
  }

  /** Changes a connection's rights (role or phase changed while it was connected). */
  setWriteAccess(connection: PaperConnection, canWrite: boolean): void {
    if (connection.canWrite === canWrite) return;
    connection.canWrite = canWrite;
    if (connection.wantsAcks) connection.send(this.writeAccessMessage(canWrite));
  }

  /** Re-labels presence after a role or attribution-mode change. */
  refreshViewer(connection: PaperConnection): void {
    const viewer = this.viewerClassFor(connection);
    if (viewer === connection.viewer) return;
    connection.viewer = viewer;
    const states = this.awarenessFor(viewer, [...this.awareness.keys()]);
    if (states) connection.send(states);
  }

  /** Handles one binary frame; throws ProtocolError when the socket must be closed. */
  handleMessage(connection: PaperConnection, message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    let type: number;
    try {
      type = decoding.readVarUint(decoder);
    } catch {
      throw new ProtocolError(CLOSE_CODES.BAD_MESSAGE, 'Malformed message');
    }
    switch (type) {
      case MESSAGE_SYNC:
        return this.handleSync(connection, decoder);
      case MESSAGE_AWARENESS:
        return this.handleAwareness(connection, decoder);
      case MESSAGE_QUERY_AWARENESS: {
        const states = this.awarenessFor(connection.viewer, [...this.awareness.keys()]);
        if (states) connection.send(states);
        return;
      }
      case MESSAGE_AUTH:
        throw new ProtocolError(CLOSE_CODES.BAD_MESSAGE, 'Clients may not send auth messages');
      default:
        throw new ProtocolError(CLOSE_CODES.BAD_MESSAGE, `Unknown message type ${type}`);
    }
  }

  private handleSync(connection: PaperConnection, decoder: decoding.Decoder): void {
    let syncType: number;
    let payload: Uint8Array;
    try {
      syncType = decoding.readVarUint(decoder);
      payload = decoding.readVarUint8Array(decoder);
    } catch {
      throw new ProtocolError(CLOSE_CODES.BAD_MESSAGE, 'Truncated sync message');
    }
    if (decoding.hasContent(decoder)) throw new ProtocolError(CLOSE_CODES.BAD_MESSAGE, 'Trailing bytes');
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      connection.send(this.syncStep2For(payload));
      return;
    }
    if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) {
      throw new ProtocolError(CLOSE_CODES.BAD_MESSAGE, `Unknown sync message ${syncType}`);
    }
    // Read-only (or shutting down): dropped before it touches the document, so it is never
    // applied, stored or relayed.
    if (!connection.canWrite || !this.isAcceptingUpdates) return;
    const verdict = validateUpdate(this.doc, payload);
    if (!verdict.ok) {
      // A client that is merely up to date sends an empty step 2; that is not an error.
      if (syncType === syncProtocol.messageYjsSyncStep2 && verdict.reason === 'empty update') return;
      throw new ProtocolError(CLOSE_CODES.BAD_MESSAGE, `Rejected update: ${verdict.reason}`);
    }
    try {
      Y.applyUpdate(this.doc, payload, connection);
    } catch {
      throw new ProtocolError(CLOSE_CODES.BAD_MESSAGE, 'Rejected update: cannot be applied');
    }
  }

  private syncStep2For(encodedStateVector: Uint8Array): Uint8Array {
    const isEmpty = encodedStateVector.length === 1 && encodedStateVector[0] === 0;
    if (isEmpty && this.fullStateMessage) return this.fullStateMessage;
    let update: Uint8Array;
    try {
      update = Y.encodeStateAsUpdate(this.doc, encodedStateVector);
    } catch {
      throw new ProtocolError(CLOSE_CODES.BAD_MESSAGE, 'Malformed state vector');
    }
    const message = syncStep2Message(update);
    if (isEmpty) this.fullStateMessage = message;
    return message;
  }

  private handleAwareness(connection: PaperConnection, decoder: decoding.Decoder): void {
    let entries: AwarenessEntry[];
    try {
      const update = decoding.readVarUint8Array(decoder);
      if (decoding.hasContent(decoder)) throw new Error('trailing bytes');
      entries = decodeAwarenessUpdate(update, this.options.maxAwarenessStateBytes);
    } catch (error) {
      if (error instanceof AwarenessTooLargeError) {
        throw new ProtocolError(CLOSE_CODES.MESSAGE_TOO_BIG, 'Awareness state too large');
      }
      throw new ProtocolError(CLOSE_CODES.BAD_MESSAGE, 'Malformed awareness message');
    }
    // Stock clients relay every awareness change they receive, so entries for other sockets'
    // client ids are normal traffic: they are ignored, never applied with this socket's identity.
    const own = entries.filter((entry) => {
      const owner = this.awarenessOwners.get(entry.clientId);
      if (owner === connection) return true;
      if (owner !== undefined || entry.state === null) return false;
      // A client of another instance, relayed back by this one.
      return !this.awareness.has(entry.clientId);
    });
    const verdict = connection.takeAwarenessToken(own.length > 0);
    if (verdict === 'flood') throw new ProtocolError(CLOSE_CODES.RATE_LIMITED, 'Too many awareness messages');
    if (verdict === 'drop' || own.length === 0) return;
    const changed: SharedPresence[] = [];
    for (const entry of own) {
      if (!connection.awarenessClients.has(entry.clientId)) {
        if (connection.awarenessClients.size >= MAX_AWARENESS_CLIENTS_PER_SOCKET) {
          throw new ProtocolError(CLOSE_CODES.BAD_MESSAGE, 'Too many awareness client ids');
        }
        connection.awarenessClients.add(entry.clientId);
        this.awarenessOwners.set(entry.clientId, connection);
      }
      const record = this.awareness.get(entry.clientId);
      if (record && entry.clock <= record.clock) continue;
      const state = sanitizeAwarenessState(entry.state);
      this.awareness.set(entry.clientId, { clock: entry.clock, state, connection });
      this.changedAwareness.add(entry.clientId);
      changed.push({ clientId: entry.clientId, clock: entry.clock, state, identity: identityOf(connection) });
    }
    if (changed.length > 0) this.peers?.presenceChanged(changed);
    this.scheduleBroadcast();
  }

  /**
   * Applies an update another instance accepted (and stores), or one read back from storage:
   * relayed to the sockets here, never stored by this instance. One with missing predecessors
   * waits inside Yjs until they arrive.
   */
  applyRemoteUpdate(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
  }

  /** Presence of clients of other instances; a socket here always keeps its own client ids. */
  applyRemotePresence(entries: SharedPresence[], now = Date.now()): void {
    for (const entry of entries) {
      if (this.awarenessOwners.get(entry.clientId)) continue;
      const record = this.awareness.get(entry.clientId);
      if (record?.connection || (record && entry.clock <= record.clock)) continue;
      this.awareness.set(entry.clientId, {
        clock: entry.clock,
        state: entry.state,
        identity: entry.identity,
        heardAt: now,
      });
      this.changedAwareness.add(entry.clientId);
    }
    this.scheduleBroadcast();
  }

  /** Presence of every client connected here (for an instance that asks for it). */
  localPresence(): SharedPresence[] {
    const entries: SharedPresence[] = [];
    for (const [clientId, record] of this.awareness) {
      if (record.connection && record.state)
        entries.push({
          clientId,
          clock: record.clock,
          state: record.state,
          identity: identityOf(record.connection),
        });
    }
    return entries;
  }

  /**
   * Drops presence of other instances' clients not renewed for `maxAgeMs` (clients renew theirs
   * every 15 s): what remains of an instance that died without saying goodbye.
   */
  expireRemotePresence(maxAgeMs: number, now = Date.now()): void {
    for (const [clientId, record] of this.awareness) {
      if (record.connection || record.state === null || now - (record.heardAt ?? now) <= maxAgeMs) continue;
      this.awareness.set(clientId, { ...record, clock: record.clock + 1, state: null });
      this.changedAwareness.add(clientId);
    }
    if (this.changedAwareness.size > 0) this.scheduleBroadcast();
  }

  /** A compaction (here or on another instance) merged this much of the log into the snapshot. */
  countCompaction(result: CompactionResult): void {
    this.storage.logCount = Math.max(0, this.storage.logCount - result.count);
    this.storage.logBytes = Math.max(0, this.storage.logBytes - result.bytes);
    this.storage.snapshotBytes = result.snapshotBytes;
  }

  /** Asks every socket for what it has that this document lacks (its sync step 2 answers). */
  resync(): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    const message = encoding.toUint8Array(encoder);
    for (const connection of this.connections) connection.send(message);
  }

  /** The awareness update for these clients as a viewer of this class may see it. */
  private awarenessFor(viewer: ViewerClass, clientIds: number[]): Uint8Array | undefined {
    const entries: AwarenessEntry[] = [];
    for (const clientId of clientIds) {
      const record = this.awareness.get(clientId);
      if (!record) continue;
      entries.push({
        clientId,
        clock: record.clock,
        state: record.state && this.withIdentity(record, clientId, viewer),
      });
    }
    if (entries.length === 0) return undefined;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(entries));
    return encoding.toUint8Array(encoder);
  }

  /** Identity comes from the server's record of the member, shaped for the viewer. */
  private withIdentity(
    record: AwarenessRecord,
    clientId: number,
    viewer: ViewerClass,
  ): Record<string, unknown> {
    const participant = record.connection ? record.connection.participant : record.identity!;
    const user =
      viewer === 'named'
        ? {
            name: participant.name,
            group: participant.groupName,
            role: participant.role,
            color: colourFor(participant.userId),
          }
        : {
            name: `${participant.groupName} ${participant.role}`,
            group: participant.groupName,
            role: participant.role,
            color: colourFor(clientId),
          };
    return { ...record.state, user };
  }

  private onUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === LOAD_ORIGIN) return;
    this.fullStateMessage = undefined;
    if (!(origin instanceof PaperConnection)) {
      this.outgoingUpdates.push({ update, origin: undefined });
      this.scheduleBroadcast();
      return;
    }
    this.options.onUpdateAccepted?.();
    const connection = origin;
    this.outgoingUpdates.push({ update, origin: connection });
    this.pendingSince ??= Date.now();
    this.pendingUpdates.push({ data: update, userId: connection.participant.userId });
    this.pendingWriters.add(connection);
    this.peers?.accepted(update, connection.participant.userId);
    this.scheduleBroadcast();
    this.scheduleFlush();
  }

  private onTransaction(transaction: Y.Transaction): void {
    if (!(transaction.origin instanceof PaperConnection)) return;
    const { participant } = transaction.origin;
    for (const [sectionId, counts] of countSectionChanges(transaction)) {
      this.mergeContribution({
        userId: participant.userId,
        groupId: participant.groupId,
        sectionId,
        inserted: counts.inserted,
        deleted: counts.deleted,
      });
    }
  }

  private scheduleBroadcast(): void {
    if (this.isBroadcastScheduled) return;
    this.isBroadcastScheduled = true;
    setImmediate(() => this.broadcast());
  }

  /**
   * Sends everything that changed this tick: one frame per kind, encoded once for all recipients;
   * each socket's frames leave in one write.
   */
  private broadcast(): void {
    this.isBroadcastScheduled = false;
    const recipients = [...this.connections];
    for (const connection of recipients) connection.cork();
    try {
      this.sendChanges();
    } finally {
      for (const connection of recipients) connection.uncork();
    }
  }

  private sendChanges(): void {
    if (this.outgoingUpdates.length > 0) {
      const batch = this.outgoingUpdates;
      this.outgoingUpdates = [];
      const origins = new Set(batch.map((entry) => entry.origin));
      const update =
        batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((entry) => entry.update));
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      const message = encoding.toUint8Array(encoder);
      // With a single sender, it already has the change; with several, each ignores what it knows.
      const skip = origins.size === 1 ? batch[0]!.origin : undefined;
      for (const connection of this.connections) if (connection !== skip) connection.send(message);
    }
    if (this.changedAwareness.size > 0) {
      const clientIds = [...this.changedAwareness];
      this.changedAwareness.clear();
      const messages = new Map<ViewerClass, Uint8Array | undefined>();
      for (const connection of this.connections) {
        if (!messages.has(connection.viewer))
          messages.set(connection.viewer, this.awarenessFor(connection.viewer, clientIds));
        const message = messages.get(connection.viewer);
        const isOwn = clientIds.length === 1 && connection.awarenessClients.has(clientIds[0]!);
        if (message && !isOwn) connection.send(message);
      }
      for (const clientId of clientIds) {
        if (this.awareness.get(clientId)?.state === null) this.awareness.delete(clientId);
      }
    }
  }

  /**
   * Due one window after the oldest pending update was accepted: an edit that arrived while the
   * previous batch was being written has already served part of its wait.
   */
  private scheduleFlush(): void {
    if (this.flushTimer || this.flushing) return;
    const waited = this.pendingSince === undefined ? 0 : Date.now() - this.pendingSince;
    const delay = Math.max(0, this.options.flushDelayMs - waited);
    this.flushTimer = setTimeout(() => void this.flushAndRetry(), delay);
  }

  /** Timer-driven flush: a database failure is logged and retried with backoff, never thrown. */
  private async flushAndRetry(): Promise<void> {
    try {
      await this.flush();
      this.retryDelayMs = RETRY_BASE_MS;
    } catch (error) {
      this.logger.warn(`Storing paper ${this.consultationId} failed, retrying: ${(error as Error).message}`);
      if (!this.flushTimer) this.flushTimer = setTimeout(() => void this.flushAndRetry(), this.retryDelayMs);
      this.retryDelayMs = Math.min(this.retryDelayMs * 2, RETRY_MAX_MS);
    }
  }

  /**
   * Writes every accepted update since the last flush in one transaction, then tells the writers
   * what is now stored. On failure the batch stays queued and is retried; nothing is acknowledged.
   */
  async flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    while (this.flushing) await this.flushing;
    if (this.pendingUpdates.length === 0) return;
    const updates = this.pendingUpdates;
    const contributions = [...this.pendingContributions.values()];
    const writers = this.pendingWriters;
    const stateVector = this.storableStateVector();
    const mark = this.peers?.mark() ?? 0;
    const since = this.pendingSince;
    this.pendingUpdates = [];
    this.pendingSince = undefined;
    this.pendingContributions = new Map();
    this.pendingWriters = new Set();
    this.flushing = this.sink.append(updates, contributions).then(
      () => {
        this.peers?.stored(mark, updates);
        this.storedStateVector = stateVector;
        this.storage.logCount += updates.length;
        this.storage.logBytes += updates.reduce((sum, update) => sum + update.data.length, 0);
        const ack = this.storedMessage();
        for (const writer of writers) {
          if (writer.wantsAcks && this.connections.has(writer)) writer.send(ack);
        }
      },
      (error: unknown) => {
        this.pendingUpdates = [...updates, ...this.pendingUpdates];
        this.pendingSince = since;
        for (const contribution of contributions) this.mergeContribution(contribution);
        for (const writer of writers) this.pendingWriters.add(writer);
        throw error;
      },
    );
    try {
      await this.flushing;
    } finally {
      this.flushing = undefined;
    }
    // Edits accepted while this batch was being written wait for the next one.
    if (this.pendingUpdates.length > 0) this.scheduleFlush();
  }

  /**
   * The document's state vector, less other instances' edits held here that they have not
   * stored yet: what this batch's commit makes true.
   */
  private storableStateVector(): Uint8Array {
    const floor = this.peers?.unstoredFloor();
    if (!floor) return Y.encodeStateVector(this.doc);
    const state = Y.decodeStateVector(Y.encodeStateVector(this.doc));
    for (const [client, clock] of floor) if ((state.get(client) ?? 0) > clock) state.set(client, clock);
    return Y.encodeStateVector(state);
  }

  private mergeContribution(contribution: ContributionDelta): void {
    const key = `${contribution.userId}|${contribution.groupId}|${contribution.sectionId}`;
    const existing = this.pendingContributions.get(key);
    if (!existing) {
      this.pendingContributions.set(key, contribution);
      return;
    }
    existing.inserted += contribution.inserted;
    existing.deleted += contribution.deleted;
  }

  private storedMessage(): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_STORED);
    encoding.writeVarUint8Array(encoder, this.storedStateVector);
    return encoding.toUint8Array(encoder);
  }

  private writeAccessMessage(canWrite: boolean): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_WRITE_ACCESS);
    encoding.writeVarUint(encoder, canWrite ? 1 : 0);
    return encoding.toUint8Array(encoder);
  }

  destroy(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.ydoc.destroy();
  }
}
