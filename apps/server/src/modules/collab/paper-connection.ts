import type { Role } from '@cw/shared';
import { CLOSE_CODES } from '@cw/shared';
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/** Relayed awareness traffic allowed relative to a socket's own presence updates. */
const RELAY_FACTOR = 25;

/** Who is on the other end of a socket, as the server knows them (never as the client claims). */
export interface Participant {
  userId: string;
  sessionId: string;
  memberId: string;
  name: string;
  role: Role;
  groupId: string;
  groupName: string;
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
  canWrite = false;
  viewer: ViewerClass = 'label';
  /** Awareness client ids this socket has announced; nobody else may speak for them. */
  readonly awarenessClients = new Set<number>();
  private tokens: number;
  private relayTokens: number;
  private refilledAt = Date.now();
  private droppedAwareness = 0;

  constructor(
    readonly socket: WebSocket,
    public participant: Participant,
    /** Sends MESSAGE_STORED / MESSAGE_WRITE_ACCESS (opted in with `?acks=1`). */
    readonly wantsAcks: boolean,
    private readonly limits: ConnectionLimits,
  ) {
    this.tokens = limits.awarenessBurst;
    this.relayTokens = limits.awarenessBurst * RELAY_FACTOR;
  }

  get isOpen(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  /** Sends one frame, or cuts off a reader whose backlog has grown past the limit. */
  send(message: Uint8Array): void {
    if (!this.isOpen) return;
    if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      this.close(CLOSE_CODES.SLOW_READER, 'Too slow: send buffer full');
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

  close(code: number, reason: string): void {
    if (this.socket.readyState === this.socket.CLOSED || this.socket.readyState === this.socket.CLOSING)
      return;
    this.socket.close(code, reason);
    // A peer that never completes the closing handshake must not hold the socket open.
    setTimeout(() => this.socket.terminate(), 2_000).unref();
  }

  /**
   * Token buckets for awareness messages: one for the socket's own presence, a larger one for the
   * relayed states stock clients echo back. A client that keeps flooding after its bucket is
   * empty is disconnected.
   */
  takeAwarenessToken(isOwnState: boolean): 'ok' | 'drop' | 'flood' {
    const now = Date.now();
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
