import {
  backoffDelay,
  CONSULTATION_CHANGED,
  EVENTS_PATH,
  EVENTS_PING,
  EVENTS_PONG,
  LIVE_CHANGED,
  liveState,
  TERMINAL_CLOSE_CODES,
  THREAD_EVENT_TYPES,
  thread,
  type LiveEvent,
} from '@cw/shared';
import { z } from 'zod';

/** Sends a ping this often; a socket that has not answered the previous one is replaced. */
const PING_INTERVAL_MS = 25_000;
const FIRST_RETRY_MS = 500;
const LONGEST_RETRY_MS = 30_000;

const liveEvent = z.union([
  z.object({ type: z.enum(THREAD_EVENT_TYPES), consultationId: z.string(), thread }),
  z.object({ type: z.literal(CONSULTATION_CHANGED), consultationId: z.string() }),
  z.object({ type: z.literal(LIVE_CHANGED), consultationId: z.string(), live: liveState }),
]);

/** The events endpoint on the page's own origin, so the session cookie authenticates the socket. */
export function eventsUrl(
  consultationId: string,
  location: Pick<Location, 'protocol' | 'host'> = window.location,
): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${EVENTS_PATH}/${encodeURIComponent(consultationId)}`;
}

/** Wait before the attempt after `failures` failed ones: doubling from half a second, capped, jittered. */
export function retryDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = backoffDelay(failures, FIRST_RETRY_MS, LONGEST_RETRY_MS);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * The live events of one consultation (thread changes, its live session, and the consultation's own): one socket, reconnected with backoff until the
 * server closes it for good (signed out, membership lost, foreign origin).
 */
export class ThreadEventsSocket {
  private socket: WebSocket | null = null;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private awaitingPong = false;
  private isStopped = false;

  constructor(
    private readonly url: string,
    private readonly onEvent: (event: LiveEvent) => void,
    /** Called after a reconnect: events sent while the socket was away must be fetched. */
    private readonly onReconnect: () => void,
  ) {
    this.connect(false);
  }

  stop(): void {
    this.isStopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    this.socket?.close(1000);
    this.socket = null;
  }

  private connect(isRetry: boolean): void {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.failures = 0;
      this.awaitingPong = false;
      clearInterval(this.pingTimer);
      this.pingTimer = setInterval(() => this.keepAlive(socket), PING_INTERVAL_MS);
      if (isRetry) this.onReconnect();
    });
    socket.addEventListener('message', ({ data }) => {
      if (typeof data !== 'string') return;
      if (data === EVENTS_PONG) {
        this.awaitingPong = false;
        return;
      }
      const parsed = liveEvent.safeParse(safeJson(data));
      if (parsed.success) this.onEvent(parsed.data);
    });
    socket.addEventListener('close', ({ code }) => {
      clearInterval(this.pingTimer);
      if (this.isStopped || this.socket !== socket) return;
      this.socket = null;
      if (TERMINAL_CLOSE_CODES.includes(code)) return;
      this.retryTimer = setTimeout(() => this.connect(true), retryDelay(this.failures));
      this.failures += 1;
    });
  }

  private keepAlive(socket: WebSocket): void {
    if (this.awaitingPong) {
      // No answer to the last ping: the connection is dead without having said so.
      socket.close();
      return;
    }
    this.awaitingPong = true;
    socket.send(EVENTS_PING);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
