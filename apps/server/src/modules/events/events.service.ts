import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import {
  can,
  CLOSE_CODES,
  CONSULTATION_CHANGED,
  type ConsultationChangedEvent,
  EVENTS_PATH,
  EVENTS_PING,
  EVENTS_PONG,
  LIVE_CHANGED,
  type LiveChangedEvent,
  type ThreadEvent,
} from '@cw/shared';
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import { closeAndWait } from '../../common/socket-close.js';
import { SocketKeepAlive } from '../../common/socket-keep-alive.js';
import { type AccessChange, AccessChanges } from '../access-changes/index.js';
import { SocketAdmission } from '../access/index.js';
import { AuthService } from '../auth/index.js';
import { type LiveChange, LiveEventBus, LiveService } from '../live/index.js';
import { presentThread, type ThreadChange, ThreadEventBus } from '../threads/index.js';
import { EventViewersRepository } from './event-viewers.repository.js';

interface Listener {
  socket: WebSocket;
  userId: string;
  sessionId: string;
}

/**
 * Live thread and live-session events: admits sockets like the collab channel (Origin, session, membership) and
 * sends each change to every listener of the consultation, presented for that listener. Rights
 * and attribution mode are read again for every change; a removed member or an ended session is
 * also disconnected as soon as the change is announced (AccessChanges), and the listeners that
 * stay are told the consultation changed (its phase, settings or their role), so open pages
 * read it again.
 */
@Injectable()
export class EventsService implements OnModuleInit, OnModuleDestroy, BeforeApplicationShutdown {
  private readonly logger = new Logger('Events');
  private readonly listeners = new Map<string, Set<Listener>>();
  /** Per consultation, deliveries run one after another so clients see changes in order. */
  private readonly deliveries = new Map<string, Promise<void>>();
  private unsubscribe: (() => void) | undefined;
  private unsubscribeAccess: (() => void) | undefined;
  private unsubscribeLive: (() => void) | undefined;
  private readonly keepAlive = new SocketKeepAlive(() =>
    [...this.listeners.values()].flatMap((set) => [...set].map((listener) => listener.socket)),
  );

  constructor(
    private readonly admission: SocketAdmission,
    private readonly viewers: EventViewersRepository,
    private readonly bus: ThreadEventBus,
    private readonly accessChanges: AccessChanges,
    private readonly auth: AuthService,
    private readonly liveBus: LiveEventBus,
    private readonly live: LiveService,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.bus.subscribe((change) =>
      this.enqueue(change.consultationId, `a ${change.type} event`, () => this.deliver(change)),
    );
    this.unsubscribeAccess = this.accessChanges.subscribe((change) => this.applyAccess(change));
    this.unsubscribeLive = this.liveBus.subscribe((change) => this.applyLive(change));
    this.keepAlive.start();
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
    this.unsubscribeAccess?.();
    this.unsubscribeLive?.();
    this.keepAlive.stop();
  }

  /** Number of sockets listening to one consultation (for tests). */
  listenerCount(consultationId: string): number {
    return this.listeners.get(consultationId)?.size ?? 0;
  }

  async accept(socket: WebSocket, request: IncomingMessage): Promise<void> {
    const admitted = await this.admission.admit(socket, request, EVENTS_PATH);
    if (!admitted) return;
    const { auth, consultationId } = admitted;
    const [member] = await this.viewers.members(consultationId, [auth.userId]);
    if (!member) return socket.close(CLOSE_CODES.NOT_FOUND, 'Consultation not found');
    if (!can(member.role, 'threads.read', member.phase))
      return socket.close(CLOSE_CODES.NOT_FOUND, 'Not allowed to read this consultation');
    if (socket.readyState !== socket.OPEN) return;

    const listener: Listener = { socket, userId: auth.userId, sessionId: auth.sessionId };
    this.keepAlive.track(socket);
    const set = this.listeners.get(consultationId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(consultationId, set);
    socket.on('close', () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(consultationId) === set) this.listeners.delete(consultationId);
    });
    admitted.release((data, isBinary) => {
      if (!isBinary && data.toString() === EVENTS_PING) socket.send(EVENTS_PONG);
      else socket.close(CLOSE_CODES.BAD_MESSAGE, 'Clients send only pings on this channel');
    });
  }

  private enqueue(consultationId: string, what: string, deliver: () => Promise<void>): void {
    if (!this.listeners.has(consultationId)) return;
    const previous = this.deliveries.get(consultationId) ?? Promise.resolve();
    const next = previous
      .then(deliver)
      .catch((error: unknown) => this.logger.warn(`Delivering ${what} failed: ${(error as Error).message}`));
    this.deliveries.set(consultationId, next);
    void next.then(() => {
      if (this.deliveries.get(consultationId) === next) this.deliveries.delete(consultationId);
    });
  }

  private applyAccess(change: AccessChange): void {
    switch (change.kind) {
      case 'consultation':
        this.enqueue(change.consultationId, 'a consultation change', () =>
          this.announceChange(change.consultationId),
        );
        return;
      case 'session':
        for (const set of this.listeners.values()) {
          for (const listener of set) {
            if (listener.sessionId === change.sessionId)
              listener.socket.close(CLOSE_CODES.UNAUTHENTICATED, 'Session ended');
          }
        }
        return;
      case 'all':
        for (const consultationId of this.listeners.keys())
          this.applyAccess({ kind: 'consultation', consultationId });
    }
  }

  private applyLive(change: LiveChange): void {
    const consultationIds = change.kind === 'all' ? [...this.listeners.keys()] : [change.consultationId];
    for (const consultationId of consultationIds)
      this.enqueue(consultationId, 'a live session change', () => this.deliverLive(consultationId));
  }

  /**
   * The live state as it is now, each listener's way: read when it is sent, so a delivery never
   * carries a state older than the one before it.
   */
  private async deliverLive(consultationId: string): Promise<void> {
    const listeners = await this.checkListeners(consultationId);
    if (listeners.length === 0) return;
    const present = await this.live.presenter(consultationId);
    for (const { listener, member } of listeners) {
      const event: LiveChangedEvent = {
        type: LIVE_CHANGED,
        consultationId,
        live: present({
          userId: listener.userId,
          role: member.role,
          phase: member.phase,
          attributionMode: member.attribution_mode,
        }),
      };
      listener.socket.send(JSON.stringify(event));
    }
  }

  /**
   * The listeners of a consultation that may still listen, each with their membership; the others
   * (session ended, no longer a member) are disconnected.
   */
  private async checkListeners(consultationId: string) {
    const listeners = [...(this.listeners.get(consultationId) ?? [])];
    if (listeners.length === 0) return [];
    const [members, sessions] = await Promise.all([
      this.viewers.members(consultationId, [...new Set(listeners.map((l) => l.userId))]),
      this.auth.liveSessions([...new Set(listeners.map((l) => l.sessionId))]),
    ]);
    const byUser = new Map(members.map((member) => [member.user_id, member]));
    return listeners.flatMap((listener) => {
      if (listener.socket.readyState !== listener.socket.OPEN) return [];
      if (!sessions.has(listener.sessionId)) {
        listener.socket.close(CLOSE_CODES.UNAUTHENTICATED, 'Session ended');
        return [];
      }
      const member = byUser.get(listener.userId);
      if (!member) {
        listener.socket.close(CLOSE_CODES.NOT_FOUND, 'No longer a member of this consultation');
        return [];
      }
      if (!can(member.role, 'threads.read', member.phase)) {
        listener.socket.close(CLOSE_CODES.NOT_FOUND, 'Not allowed to read this consultation');
        return [];
      }
      return [{ listener, member }];
    });
  }

  /** Re-checks the listeners, then tells those that stay to read the consultation again. */
  private async announceChange(consultationId: string): Promise<void> {
    const event: ConsultationChangedEvent = { type: CONSULTATION_CHANGED, consultationId };
    const frame = JSON.stringify(event);
    for (const { listener } of await this.checkListeners(consultationId)) listener.socket.send(frame);
  }

  private async deliver(change: ThreadChange): Promise<void> {
    for (const { listener, member } of await this.checkListeners(change.consultationId)) {
      const event: ThreadEvent = {
        type: change.type,
        consultationId: change.consultationId,
        thread: presentThread(change.thread, {
          userId: listener.userId,
          role: member.role,
          attributionMode: member.attribution_mode,
          labelScopes: change.labelScopes,
        }),
      };
      listener.socket.send(JSON.stringify(event));
    }
  }

  /** Closes every socket with 1012 so clients reconnect (possibly to another instance). */
  async beforeApplicationShutdown(): Promise<void> {
    const sockets = [...this.listeners.values()].flatMap((set) =>
      [...set].map((listener) => listener.socket),
    );
    this.listeners.clear();
    await Promise.all(
      sockets.map((socket) => closeAndWait(socket, CLOSE_CODES.SERVICE_RESTART, 'Server restarting')),
    );
  }
}
