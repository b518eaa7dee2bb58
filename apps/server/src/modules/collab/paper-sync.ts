import { CLOSE_CODES } from '@cw/shared';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { PaperConnection } from './paper-connection.js';
import { ProtocolError } from './protocol-error.js';
import { syncStep1Message, syncStep2Message } from './sync-messages.js';
import { validateUpdate } from './update-validator.js';

/** Updates applied while loading the stored paper: neither relayed nor stored again. */
export const LOAD_ORIGIN = Symbol('load');
/** Updates another instance accepted (it stores them), or read back from storage: relayed, not stored. */
export const REMOTE_ORIGIN = Symbol('remote');

/**
 * The Yjs document of one paper and the y-websocket sync protocol on it: answers what a client
 * asks for (sync step 1) and applies what a client sends (step 2, updates) once it is known to
 * fit the document. An update applied on behalf of a socket carries the socket as its origin.
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

  constructor(stored: Uint8Array | undefined) {
    if (stored) {
      // One merged update applies much faster than thousands of small ones, and it already is
      // the answer for a client that has nothing yet: the first join after a load skips encoding.
      this.unapplied = stored;
      this.fullStateMessage = syncStep2Message(stored);
      this.unappliedStateVector = Y.encodeStateVectorFromUpdate(stored);
      // Built on the next turn at the latest, after the join that loaded it has been answered.
      setImmediate(() => this.applyStored());
    }
    this.ydoc.on('update', (_update: Uint8Array, origin: unknown) => {
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
   * Applies a step 2 or update a socket sent, with the socket as origin. Refuses (throws) one
   * that does not fit the document; a client that is merely up to date sends an empty step 2,
   * which is no error.
   */
  applyFromClient(connection: PaperConnection, syncType: number, update: Uint8Array): void {
    const verdict = validateUpdate(this.doc, update);
    if (!verdict.ok) {
      if (syncType === syncProtocol.messageYjsSyncStep2 && verdict.reason === 'empty update') return;
      throw new ProtocolError(CLOSE_CODES.BAD_MESSAGE, `Rejected update: ${verdict.reason}`);
    }
    try {
      Y.applyUpdate(this.doc, update, connection);
    } catch {
      throw new ProtocolError(CLOSE_CODES.BAD_MESSAGE, 'Rejected update: cannot be applied');
    }
  }

  /**
   * Applies an update another instance accepted (and stores), or one read back from storage.
   * One with missing predecessors waits inside Yjs until they arrive.
   */
  applyRemote(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
  }

  destroy(): void {
    this.ydoc.destroy();
  }
}
