import { CLOSE_CODES } from '@cw/shared';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { PaperConnection } from './paper-connection.js';
import { EditBudgets, PaperSize } from './paper-limits.js';
import type { DocumentRoots } from './document-roots.js';
import { ProtocolError } from './protocol-error.js';
import type { SuggestionAuthors } from './suggestion-authors.js';
import { SuggestionGuard } from './suggestion-guard.js';
import { syncStep1Message, syncStep2Message } from './sync-messages.js';
import { validateUpdate } from './update-validator.js';

/** Updates applied while loading the stored paper: neither relayed nor stored again. */
export const LOAD_ORIGIN = Symbol('load');
/** Updates another instance accepted (it stores them), or read back from storage: relayed, not stored. */
export const REMOTE_ORIGIN = Symbol('remote');

export interface SyncLimits {
  /** How large the paper may grow, in bytes of its encoded state. */
  maxPaperBytes: number;
  /** Bytes of edits one member may send per minute. */
  editBytesPerMinute: number;
  /** Bytes of updates a socket may have waiting for the changes they build on. */
  maxHeldBytes: number;
  /** How long such updates may wait before the socket is asked for everything again (ms). */
  maxHoldMs: number;
}

/** An update waiting, with the read of the roots it was held at (for a root not known then). */
interface HeldUpdate {
  data: Uint8Array;
  rootsGeneration: number;
}

/** A socket's updates that build on changes the server does not have yet, or on a root not known yet. */
interface Held {
  updates: HeldUpdate[];
  bytes: number;
  timer: NodeJS.Timeout;
}

/**
 * The Yjs document of one paper (or other collaborative document) and the y-websocket sync
 * protocol on it: answers what a client
 * asks for (sync step 1) and applies what a client sends (step 2, updates) once it is known to
 * fit the document, the paper's size limit and the member's edit budget. An update applied on
 * behalf of a socket carries the socket as its origin.
 *
 * Right after reconnecting, a client sends each new edit at once, before its answer to the
 * server's step 1: such an edit builds on the client's own edits the server has not received
 * yet. It is held for that socket (bounded in bytes and time) and applied once they arrive;
 * if they never do, it is dropped and the socket is asked again for everything it has.
 */
export class PaperSync {
  readonly ydoc = new Y.Doc();
  /**
   * The stored state, not yet applied. A join right after loading is answered from these bytes
   * and the document is built at its first use, so the join does not wait for it.
   */
  private unapplied: Uint8Array | undefined;
  private readonly unappliedStateVector: Uint8Array | undefined;
  /** Cached full-state answer for clients that have nothing yet; dropped on every change. */
  private fullStateMessage: Uint8Array | undefined;
  private readonly held = new Map<PaperConnection, Held>();
  private readonly size: PaperSize;
  private readonly budgets: EditBudgets;
  private readonly suggestions: SuggestionGuard;
  /**
   * Set while a client's update is applied on top of changes held pending here (relayed ahead of
   * what they build on): they may be integrated in the same transaction, which then carries more
   * than the sender sent, so the sender must be sent it too.
   */
  isSettlingPending = false;

  constructor(
    stored: Uint8Array | undefined,
    private readonly roots: DocumentRoots,
    private readonly limits: SyncLimits,
    authors: SuggestionAuthors,
  ) {
    if (stored) {
      // One merged update applies much faster than thousands of small ones, and it already is
      // the answer for a client that has nothing yet: the first join after a load skips encoding.
      this.unapplied = stored;
      this.fullStateMessage = syncStep2Message(stored);
      this.unappliedStateVector = Y.encodeStateVectorFromUpdate(stored);
      // Built on the next turn at the latest, after the join that loaded it has been answered.
      setImmediate(() => this.applyStored());
    }
    this.size = new PaperSize(
      stored?.length ?? 0,
      limits.maxPaperBytes,
      () => Y.encodeStateAsUpdate(this.doc).length,
    );
    this.budgets = new EditBudgets(limits.editBytesPerMinute);
    this.suggestions = new SuggestionGuard(authors);
    this.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      this.suggestions.applied(update);
      // Loading the stored state changes nothing a joining client would be sent.
      if (origin !== LOAD_ORIGIN) this.fullStateMessage = undefined;
    });
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
  stateVector(): Uint8Array {
    return this.unapplied ? this.unappliedStateVector! : Y.encodeStateVector(this.ydoc);
  }

  /** The step 1 a joining socket is sent: the server asks for what the client has that it lacks. */
  step1(): Uint8Array {
    return syncStep1Message(this.stateVector());
  }

  /** The answer to a client's step 1: everything the client lacks. */
  answerStep1(encodedStateVector: Uint8Array): Uint8Array {
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

  /**
   * Applies a step 2 or update a socket sent, with the socket as origin, or holds it until what
   * it builds on has arrived. Throws for one that can never be applied or is over a limit; a
   * client that is merely up to date sends an empty step 2, which is no error.
   */
  applyFromClient(connection: PaperConnection, syncType: number, update: Uint8Array): void {
    const verdict = validateUpdate(this.doc, update, (root) => this.roots.has(root));
    if (verdict.ok) {
      this.admit(connection, update, verdict.inserts);
      this.retryHeld();
      return;
    }
    switch (verdict.kind) {
      case 'invalid':
        if (syncType === syncProtocol.messageYjsSyncStep2 && verdict.reason === 'empty update') return;
        throw new ProtocolError(CLOSE_CODES.BAD_MESSAGE, `Rejected update: ${verdict.reason}`);
      case 'unknownRoot':
        // Perhaps a section added a moment ago: decided after the roots have been read again.
        this.hold(connection, update);
        this.roots.refresh().then(
          () => this.retryHeld(),
          () => undefined,
        );
        return;
      case 'missing':
        this.hold(connection, update);
    }
  }

  /** Checks the limits, and that a member who may only suggest sends only suggestions; then applies. */
  private admit(connection: PaperConnection, update: Uint8Array, inserts: boolean): void {
    if (inserts && !this.size.admits(update.length)) {
      throw new ProtocolError(CLOSE_CODES.TOO_LARGE, 'The paper has reached its size limit');
    }
    switch (this.budgets.take(connection.participant.userId, update.length)) {
      case 'tooLarge':
        throw new ProtocolError(CLOSE_CODES.TOO_LARGE, 'Edit larger than a minute of the edit budget');
      case 'exceeded':
        throw new ProtocolError(CLOSE_CODES.RATE_LIMITED, 'Edit budget exceeded: try again in a minute');
      case 'ok':
    }
    if (
      connection.access === 'suggest' &&
      !this.suggestions.allows(this.doc, update, connection.participant.userId)
    ) {
      throw new ProtocolError(
        CLOSE_CODES.SUGGESTIONS_ONLY,
        'Only your own suggested changes are accepted; this change was not applied',
      );
    }
    this.isSettlingPending = this.ydoc.store.pendingStructs !== null || this.ydoc.store.pendingDs !== null;
    try {
      Y.applyUpdate(this.doc, update, connection);
    } catch {
      throw new ProtocolError(CLOSE_CODES.BAD_MESSAGE, 'Rejected update: cannot be applied');
    } finally {
      this.isSettlingPending = false;
    }
    this.size.applied(update.length, inserts);
  }

  private hold(connection: PaperConnection, update: Uint8Array): void {
    const entry = { data: update, rootsGeneration: this.roots.generation };
    const held = this.held.get(connection);
    if (!held) {
      const timer = setTimeout(() => this.askAgain(connection), this.limits.maxHoldMs);
      this.held.set(connection, { updates: [entry], bytes: update.length, timer });
      return;
    }
    held.updates.push(entry);
    held.bytes += update.length;
    if (held.bytes > this.limits.maxHeldBytes) this.askAgain(connection);
  }

  /**
   * What the held updates build on did not come: they are dropped, and the socket is asked for
   * everything it has that the server lacks (its answer carries them too).
   */
  private askAgain(connection: PaperConnection): void {
    this.forget(connection);
    connection.send(this.step1());
  }

  /** Applies every held update that fits now, until none does; closes a socket whose held update turned out bad. */
  private retryHeld(): void {
    let isProgress = true;
    while (isProgress && this.held.size > 0) {
      isProgress = false;
      for (const [connection, held] of this.held) {
        if (!connection.isOpen) {
          this.forget(connection);
          continue;
        }
        try {
          isProgress = this.applyHeld(connection, held) || isProgress;
        } catch (error) {
          this.forget(connection);
          if (!(error instanceof ProtocolError)) throw error;
          connection.close(error.code, error.message);
        }
      }
    }
  }

  /** Applies those of a socket's held updates that fit now; whether any did. */
  private applyHeld(connection: PaperConnection, held: Held): boolean {
    let applied = false;
    for (const entry of [...held.updates]) {
      const verdict = validateUpdate(this.doc, entry.data, (root) => this.roots.has(root));
      if (!verdict.ok) {
        const isRefused =
          verdict.kind === 'invalid' ||
          (verdict.kind === 'unknownRoot' && this.roots.generation > entry.rootsGeneration);
        if (isRefused) {
          const reason = verdict.kind === 'unknownRoot' ? this.roots.refusal : verdict.reason;
          throw new ProtocolError(CLOSE_CODES.BAD_MESSAGE, `Rejected update: ${reason}`);
        }
        continue;
      }
      held.updates.splice(held.updates.indexOf(entry), 1);
      held.bytes -= entry.data.length;
      this.admit(connection, entry.data, verdict.inserts);
      applied = true;
    }
    if (held.updates.length === 0) this.forget(connection);
    return applied;
  }

  /** A socket left (or was asked again): its held updates go. */
  forget(connection: PaperConnection): void {
    const held = this.held.get(connection);
    if (!held) return;
    clearTimeout(held.timer);
    this.held.delete(connection);
  }

  /**
   * Applies an update another instance accepted (and stores), or one read back from storage.
   * One with missing predecessors waits inside Yjs until they arrive.
   */
  applyRemote(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
    this.size.applied(update.length, true);
    this.retryHeld();
  }

  destroy(): void {
    for (const connection of [...this.held.keys()]) this.forget(connection);
    this.suggestions.destroy();
    this.ydoc.destroy();
  }
}
