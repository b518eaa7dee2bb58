import {
  type AttributionMode,
  CLOSE_CODES,
  type CollabDocument,
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  maySeeNames,
  type PaperAccess,
} from '@cw/shared';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import { countSectionChanges, sectionAt } from './contributions.js';
import { documentOf } from './document-id.js';
import type { DocumentRoots } from './document-roots.js';
import { PaperBroadcast } from './paper-broadcast.js';
import { PaperConnection, type ViewerClass } from './paper-connection.js';
import { PaperPresence, type SharedPresence } from './paper-presence.js';
import { LOAD_ORIGIN, PaperSync, type SyncLimits } from './paper-sync.js';
import {
  type CompactionResult,
  mergeStored,
  type StoredPaper,
  type StoredSize,
  storedSize,
} from './paper.repository.js';
import { type PaperSink, PendingWrites, type WritePeers } from './pending-writes.js';
import { ProtocolError } from './protocol-error.js';
import { SuggestionAuthors } from './suggestion-authors.js';
import { writeAccessMessage } from './sync-messages.js';

/** The origin of a change the server makes to the paper on a member's behalf. */
class ServerChange {
  constructor(readonly userId: string) {}
}

/** The other instances serving this paper (through Redis); absent when one instance serves alone. */
export interface PaperPeers extends WritePeers {
  /** A client here sent an accepted update: the others relay it at once. */
  accepted(update: Uint8Array, userId: string): void;
  /** Presence of clients connected here changed (a `null` state: the client left). */
  presenceChanged(entries: SharedPresence[]): void;
}

export interface PaperOptions {
  /** Group commit: accepted updates are written together this many ms after the first one. */
  flushDelayMs: number;
  /** Largest JSON size of one awareness state, in bytes. */
  maxAwarenessStateBytes: number;
  /** Size limit, edit budgets, and how long updates may wait for what they build on. */
  limits: SyncLimits;
  /** Told of every update accepted from a client (for metrics). */
  onUpdateAccepted?: () => void;
}

/**
 * One consultation's paper, or another collaborative document (a session's notes), in memory and
 * the sockets on it. It reads each frame and hands it to the part whose job it is — the document
 * and sync protocol (`PaperSync`), presence (`PaperPresence`), what is sent back
 * (`PaperBroadcast`), and storing accepted edits (`PendingWrites`) — and connects them: an update
 * a socket sent is applied, relayed to the other sockets and instances, and queued for storage.
 * Only the paper's edits are input: they alone are counted per section and claim suggestions.
 */
export class PaperDocument {
  private readonly sync: PaperSync;
  private readonly presence: PaperPresence;
  private readonly broadcast: PaperBroadcast;
  private readonly writes: PendingWrites;
  private readonly suggestionAuthors: SuggestionAuthors;
  readonly connections = new Set<PaperConnection>();
  attributionMode: AttributionMode;
  private isAcceptingUpdates = true;
  /** What the document is, and of which consultation. */
  readonly document: CollabDocument;
  readonly consultationId: string;
  /** Whether edits are input of their authors (the paper), or not (a session's notes). */
  private readonly isInput: boolean;

  constructor(
    /** The document's id (document-id.ts): the paper's is its consultation's. */
    readonly documentId: string,
    attributionMode: AttributionMode,
    stored: StoredPaper & {
      /** Who made each suggestion in the paper, as recorded. */
      suggestionAuthors: Iterable<readonly [id: string, authorId: string | null]>;
    },
    /** The only roots updates may write into: the paper's sections, the notes' questions. */
    readonly roots: DocumentRoots,
    sink: PaperSink,
    private readonly options: PaperOptions,
    private readonly peers?: PaperPeers,
  ) {
    this.attributionMode = attributionMode;
    this.document = documentOf(documentId);
    this.consultationId = this.document.consultationId;
    this.isInput = this.document.kind === 'paper';
    this.suggestionAuthors = new SuggestionAuthors(stored.suggestionAuthors);
    this.sync = new PaperSync(mergeStored(stored), roots, options.limits, this.suggestionAuthors);
    this.presence = new PaperPresence(options.maxAwarenessStateBytes);
    this.broadcast = new PaperBroadcast(this.connections, this.presence);
    this.writes = new PendingWrites(
      documentId,
      sink,
      options.flushDelayMs,
      () => this.sync.stateVector(),
      (connection) => this.connections.has(connection),
      this.sync.stateVector(),
      storedSize(stored),
      peers,
    );
    this.sync.ydoc.on('update', (update: Uint8Array, origin: unknown) => this.onUpdate(update, origin));
    this.sync.ydoc.on('afterTransaction', (transaction: Y.Transaction) => this.onTransaction(transaction));
  }

  /** The Yjs document, with the stored state applied. */
  get doc(): Y.Doc {
    return this.sync.doc;
  }

  /** Size of what is stored: the snapshot and the log after it (drives when to compact). */
  get storage(): StoredSize {
    return this.writes.storage;
  }

  /** Accepted updates not yet stored (nor acknowledged). */
  get hasPendingUpdates(): boolean {
    return this.writes.hasPending;
  }

  /** Accepted updates not yet committed: queued, or in the write under way. */
  get hasUnstoredUpdates(): boolean {
    return this.writes.hasUnstored;
  }

  /** Writes every accepted update not stored yet, and acknowledges them. */
  flush(): Promise<void> {
    return this.writes.flush();
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
    connection.send(this.sync.step1());
    const states = this.presence.messageFor(connection.viewer);
    if (states) connection.send(states);
    if (connection.wantsAcks) {
      connection.send(writeAccessMessage(connection.access));
      connection.send(this.writes.storedMessage());
    }
  }

  removeConnection(connection: PaperConnection): void {
    if (!this.connections.delete(connection)) return;
    this.sync.forget(connection);
    const left = this.presence.leave(connection);
    if (left.length > 0) this.peers?.presenceChanged(left);
    this.broadcast.schedule();
  }

  /** Changes a connection's rights (role, phase or text change mode changed while it was connected). */
  setWriteAccess(connection: PaperConnection, access: PaperAccess): void {
    if (connection.access === access) return;
    connection.access = access;
    if (connection.wantsAcks) connection.send(writeAccessMessage(access));
  }

  /** Re-labels presence after a role or attribution-mode change. */
  refreshViewer(connection: PaperConnection): void {
    const viewer = this.viewerClassFor(connection);
    if (viewer === connection.viewer) return;
    connection.viewer = viewer;
    const states = this.presence.messageFor(viewer);
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
        const states = this.presence.messageFor(connection.viewer);
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
      connection.send(this.sync.answerStep1(payload));
      return;
    }
    if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) {
      throw new ProtocolError(CLOSE_CODES.BAD_MESSAGE, `Unknown sync message ${syncType}`);
    }
    // Read-only (or shutting down): dropped before it touches the document, so it is never
    // applied, stored or relayed.
    if (connection.access === 'read' || !this.isAcceptingUpdates) return;
    this.sync.applyFromClient(connection, syncType, payload);
  }

  private handleAwareness(connection: PaperConnection, decoder: decoding.Decoder): void {
    let update: Uint8Array;
    try {
      update = decoding.readVarUint8Array(decoder);
    } catch {
      throw new ProtocolError(CLOSE_CODES.BAD_MESSAGE, 'Malformed awareness message');
    }
    if (decoding.hasContent(decoder))
      throw new ProtocolError(CLOSE_CODES.BAD_MESSAGE, 'Malformed awareness message');
    const changed = this.presence.receive(connection, update);
    if (!changed) return;
    if (changed.length > 0) this.peers?.presenceChanged(changed);
    this.broadcast.schedule();
  }

  /**
   * Applies an update another instance accepted (and stores), or one read back from storage:
   * relayed to the sockets here, never stored by this instance.
   */
  applyRemoteUpdate(update: Uint8Array, userId: string | null = null): void {
    if (this.isInput) this.suggestionAuthors.claim(update, userId);
    this.sync.applyRemote(update);
  }

  /** Presence of clients of other instances; a socket here always keeps its own client ids. */
  applyRemotePresence(entries: SharedPresence[], now = Date.now()): void {
    this.presence.applyRemote(entries, now);
    this.broadcast.schedule();
  }

  /** Presence of every client connected here (for an instance that asks for it). */
  localPresence(): SharedPresence[] {
    return this.presence.local();
  }

  /** Drops presence of other instances' clients not renewed for `maxAgeMs`. */
  expireRemotePresence(maxAgeMs: number, now = Date.now()): void {
    this.presence.expireRemote(maxAgeMs, now);
    if (this.presence.changed.size > 0) this.broadcast.schedule();
  }

  /** A compaction (here or on another instance) merged this much of the log into the snapshot. */
  countCompaction(result: CompactionResult): void {
    this.writes.countCompaction(result);
  }

  /** Asks every socket for what it has that this document lacks (its sync step 2 answers). */
  resync(): void {
    const message = this.sync.step1();
    for (const connection of this.connections) connection.send(message);
  }

  /**
   * Changes the paper on behalf of member `userId` (restoring a version): relayed to every socket
   * here and to the other instances, and stored as their edit. Refused once shutting down.
   */
  change(userId: string, apply: (doc: Y.Doc) => void): void {
    if (!this.isAcceptingUpdates) throw new Error('The paper is shutting down');
    const doc = this.sync.doc;
    doc.transact(() => apply(doc), new ServerChange(userId));
  }

  private onUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === LOAD_ORIGIN) return;
    if (origin instanceof ServerChange) {
      if (this.isInput) this.suggestionAuthors.claim(update, origin.userId);
      this.broadcast.queueUpdate(update, undefined);
      this.writes.accept(update, origin.userId);
      this.peers?.accepted(update, origin.userId);
      return;
    }
    if (!(origin instanceof PaperConnection)) {
      this.broadcast.queueUpdate(update, undefined);
      return;
    }
    this.options.onUpdateAccepted?.();
    const { participant } = origin;
    const claimed = this.isInput ? this.suggestionAuthors.claim(update, participant.userId) : [];
    const suggestions = claimed.map(({ id, at }) => ({
      id,
      groupId: participant.groupId,
      labelScope: participant.labelScope,
      sectionId: sectionAt(this.sync.doc, at) ?? null,
    }));
    this.broadcast.queueUpdate(update, this.sync.isSettlingPending ? undefined : origin);
    this.writes.accept(update, participant.userId, origin, suggestions);
    this.peers?.accepted(update, origin.participant.userId);
  }

  private onTransaction(transaction: Y.Transaction): void {
    if (!this.isInput || !(transaction.origin instanceof PaperConnection)) return;
    const { participant } = transaction.origin;
    for (const [sectionId, counts] of countSectionChanges(transaction)) {
      this.writes.count({
        userId: participant.userId,
        groupId: participant.groupId,
        sectionId,
        inserted: counts.inserted,
        deleted: counts.deleted,
      });
    }
  }

  destroy(): void {
    this.writes.destroy();
    this.sync.destroy();
  }
}
