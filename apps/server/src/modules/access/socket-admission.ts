import { Injectable } from '@nestjs/common';
import { CLOSE_CODES, uuid } from '@cw/shared';
import type { IncomingMessage } from 'node:http';
import type { RawData, WebSocket } from 'ws';
import { OriginPolicy } from '../../common/origin-policy.js';
import { ShutdownState } from '../../common/shutdown-state.js';
import type { AuthContext } from '../../common/request-context.js';
import { AuthService, tokenFromRequest } from '../auth/index.js';

export type FrameHandler = (data: RawData, isBinary: boolean) => void;

/** The longest delay a timer takes (about 24.8 days); a later expiry is left to the re-checks. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** What the path names after the channel's prefix; the consultation always comes first. */
export interface Room {
  consultationId: string;
}

/** The path after `<prefix>/` names only a consultation: `<consultationId>`. */
function consultationRoom(room: string): Room | undefined {
  return uuid.safeParse(room).success ? { consultationId: room } : undefined;
}

/** A socket that passed the checks every consultation channel shares. */
export interface AdmittedSocket<R extends Room = Room> {
  auth: AuthContext;
  consultationId: string;
  /** What the path names (`parseRoom`). */
  room: R;
  url: URL;
  /** Stops holding frames back: `handler` gets the ones that arrived meanwhile, in order, then every later one. */
  release(handler: FrameHandler): void;
}

/**
 * Admission shared by the WebSocket channels of a consultation (`<path>/<consultationId>`, or a
 * longer room a channel's `parseRoom` reads): not shutting down, the Origin header (see
 * OriginPolicy), the session (`?token=`, bearer header or cookie) and the room in the path.
 * Frames that arrive while the checks run are kept, not lost.
 */
@Injectable()
export class SocketAdmission {
  constructor(
    private readonly origins: OriginPolicy,
    private readonly auth: AuthService,
    private readonly shutdown: ShutdownState,
  ) {}

  /**
   * Closes the socket with the matching code and returns undefined when it is refused; a room
   * that `parseRoom` does not read is refused like a consultation that does not exist.
   */
  async admit<R extends Room = Room>(
    socket: WebSocket,
    request: IncomingMessage,
    path: string,
    parseRoom: (room: string) => R | undefined = consultationRoom as (room: string) => R | undefined,
  ): Promise<AdmittedSocket<R> | undefined> {
    const early: Array<{ data: RawData; isBinary: boolean }> = [];
    const keep: FrameHandler = (data, isBinary) => early.push({ data, isBinary });
    socket.on('message', keep);
    const refuse = (code: number, reason: string) => {
      socket.close(code, reason);
      return undefined;
    };

    // A socket admitted now would be closed again at once: send it to another instance.
    if (this.shutdown.isShuttingDown) return refuse(CLOSE_CODES.SERVICE_RESTART, 'Server restarting');
    if (!this.origins.allows(request)) {
      return refuse(CLOSE_CODES.FORBIDDEN_ORIGIN, 'Origin not allowed: set PUBLIC_URL or ALLOWED_ORIGINS');
    }
    const url = new URL(request.url ?? '/', 'ws://localhost');
    let room: R | undefined;
    try {
      room = parseRoom(decodeURIComponent(url.pathname.slice(path.length + 1)));
    } catch {
      room = undefined;
    }
    const token = url.searchParams.get('token') ?? tokenFromRequest(request);
    const auth = token ? await this.auth.resolve(token) : undefined;
    if (!auth) return refuse(CLOSE_CODES.UNAUTHENTICATED, 'Sign in to continue');
    // The session ends by itself at its expiry, and the socket with it.
    const remainingMs = auth.expiresAt.getTime() - Date.now();
    if (remainingMs <= MAX_TIMER_MS) {
      const expiry = setTimeout(
        () => socket.close(CLOSE_CODES.UNAUTHENTICATED, 'Session expired'),
        remainingMs,
      );
      socket.once('close', () => clearTimeout(expiry));
    }
    if (!room) return refuse(CLOSE_CODES.NOT_FOUND, 'Consultation not found');
    return {
      auth,
      consultationId: room.consultationId,
      room,
      url,
      release: (handler) => {
        socket.off('message', keep);
        socket.on('message', handler);
        // The framework keeps a reference to the most recent socket after it closed; without its
        // handler it no longer keeps the paper or other state the handler reaches alive.
        socket.once('close', () => socket.off('message', handler));
        for (const frame of early) handler(frame.data, frame.isBinary);
      },
    };
  }
}
