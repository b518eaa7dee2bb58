import type { WebSocket } from 'ws';

/** Ping every socket this often; one that did not answer the previous ping is dropped. */
const PING_INTERVAL_MS = 30_000;

/**
 * Keeps sockets alive and finds dead ones: proxies cut idle connections silently, and a peer
 * that vanished without closing would otherwise hold its socket (and what it reaches) forever.
 */
export class SocketKeepAlive {
  private readonly answered = new WeakSet<WebSocket>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    /** The sockets to ping, read afresh every round. */
    private readonly sockets: () => Iterable<WebSocket>,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.pingAll(), PING_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** A new socket: alive until it misses a ping. */
  track(socket: WebSocket): void {
    this.answered.add(socket);
    socket.on('pong', () => this.answered.add(socket));
  }

  private pingAll(): void {
    for (const socket of this.sockets()) {
      if (!this.answered.has(socket)) {
        socket.terminate();
        continue;
      }
      this.answered.delete(socket);
      socket.ping();
    }
  }
}
