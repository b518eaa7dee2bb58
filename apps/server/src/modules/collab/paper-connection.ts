import type { LabelScope, PaperAccess, Role } from '@cw/shared';
import { CLOSE_CODES } from '@cw/shared';
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/** Relayed awareness traffic allowed relative to a socket's own presence updates. */
const RELAY_FACTOR = 25;
/**
 * A socket sending its own presence at more than this many times its allowed rate over a whole
 * window of this many ms is flooding, however its messages are spread.
 */
const FLOOD_FACTOR = 3;
const FLOOD_WINDOW_MS = 10_000;
/** A peer closed as too slow gets this long to read what was queued before the close frame. */
const SLOW_READER_GRACE_MS = 30_000;
/** Any other peer that does not complete the closing handshake within this long is cut off. */
const CLOSE_GRACE_MS = 2_000;

/** Who is on the other end of a socket, as the server knows them (never as the client claims). */
export interface Participant {
  userId: string;
  sessionId: string;
  memberId: string;
  name: string;
  role: Role;
  groupId: string;
  groupName: string;
  /** The group as a viewer without names sees it: k-anonymous (`groupLabel` from @cw/shared). */
  groupLabel: string;
  /** How far that label names the group now; input records it. */
  labelScope: LabelScope;
}

/** Whose names a viewer may see in presence: real names, or stakeholder-group labels. */
export type ViewerClass = 'named' | 'label';

export interface ConnectionLimits {
  /** Close a socket whose unsent data passes this many bytes (a reader too slow to keep up). */
  maxBufferedBytes: number;
  /** Awareness messages a socket may send in a burst, refilled at `awarenessPerSecond`. */
  awarenessBurst: number;
  awarenessPerSecond: number;
}

/** One client socket on one paper. */
export class PaperConnection {
  access: PaperAccess = 'read';
  viewer: ViewerClass = 'label';
  /** Awareness client ids this socket has announced; nobody else may speak for them. */
  readonly awarenessClients = new Set<number>();
  private tokens: number;
  private relayTokens: number;
  private refilledAt = Date.now();
  private droppedAwareness = 0;
  private floodWindowStart = Date.now();
  private floodWindowCount = 0;
  private endListeners: Array<() => void> = [];

  constructor(
    readonly socket: WebSocket,
    public participant: Participant,
    /** Sends MESSAGE_STORED / MESSAGE_WRITE_ACCESS (opted in with `?acks=1`). */
    readonly wantsAcks: boolean,
    private readonly limits: ConnectionLimits,
  ) {
    this.tokens = limits.awarenessBurst;
    this.relayTokens = limits.awarenessBurst * RELAY_FACTOR;
    // `once`: a closed socket may stay referenced for a while; its listeners must not keep the paper.
    socket.once('close', () => this.end());
  }

  /**
   * Runs `listener` once, when the server starts closing the socket or it closes, whichever comes
   * first: a socket being closed is sent nothing more and no longer counts as on the paper.
   */
  onEnd(listener: () => void): void {
    this.endListeners.push(listener);
  }

  private end(): void {
    const listeners = this.endListeners;
    this.endListeners = [];
    for (const listener of listeners) listener();
  }

  get isOpen(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  /** Sends one frame, or cuts off a reader whose backlog has grown past the limit. */
  send(message: Uint8Array): void {
    if (!this.isOpen) return;
    if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      // The close frame waits behind what is queued: a slow reader gets time to read up to it.
      this.close(CLOSE_CODES.SLOW_READER, 'Too slow: send buffer full', SLOW_READER_GRACE_MS);
      return;
    }
    this.socket.send(message, { binary: true });
  }

  /**
   * Holds this socket's frames until `uncork`, so what it is sent in one tick leaves in one
   * write: each frame written alone costs a system call, the larger part of relaying an edit.
   * ws has no public API for this; its underlying TCP socket is `_socket`.
   */
  cork(): void {
    (this.socket as unknown as { _socket?: Socket })._socket?.cork();
  }

  uncork(): void {
    (this.socket as unknown as { _socket?: Socket })._socket?.uncork();
  }

  close(code: number, reason: string, graceMs = CLOSE_GRACE_MS): void {
    if (this.socket.readyState === this.socket.CLOSED || this.socket.readyState === this.socket.CLOSING)
      return;
    this.socket.close(code, reason);
    this.end();
    // A peer that never completes the closing handshake must not hold the socket open.
    setTimeout(() => this.socket.terminate(), graceMs).unref();
  }

  /**
   * Token buckets for awareness messages: one for the socket's own presence, a larger one for the
   * relayed states stock clients echo back. Messages past the bucket are dropped; a client is
   * flooding, and is disconnected, when it keeps sending into an empty bucket, or sends its own
   * presence at several times its rate for a whole window.
   */
  takeAwarenessToken(isOwnState: boolean): 'ok' | 'drop' | 'flood' {
    const now = Date.now();
    if (isOwnState) {
      if (now - this.floodWindowStart >= FLOOD_WINDOW_MS) {
        this.floodWindowStart = now;
        this.floodWindowCount = 0;
      }
      this.floodWindowCount += 1;
      const allowed = (FLOOD_FACTOR * this.limits.awarenessPerSecond * FLOOD_WINDOW_MS) / 1000;
      if (this.floodWindowCount > allowed) return 'flood';
    }
    const refill = ((now - this.refilledAt) / 1000) * this.limits.awarenessPerSecond;
    this.refilledAt = now;
    this.tokens = Math.min(this.limits.awarenessBurst, this.tokens + refill);
    this.relayTokens = Math.min(
      this.limits.awarenessBurst * RELAY_FACTOR,
      this.relayTokens + refill * RELAY_FACTOR,
    );
    const bucket = isOwnState ? 'tokens' : 'relayTokens';
    if (this[bucket] >= 1) {
      this[bucket] -= 1;
      this.droppedAwareness = 0;
      return 'ok';
    }
    this.droppedAwareness += 1;
    return this.droppedAwareness > this.limits.awarenessBurst * 4 ? 'flood' : 'drop';
  }
}
