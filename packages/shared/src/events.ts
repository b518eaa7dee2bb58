import type { LiveState } from './schemas/live.js';
import type { Thread } from './schemas/threads.js';

/** WebSocket path prefix for live thread events: `${EVENTS_PATH}/<consultationId>`. */
export const EVENTS_PATH = '/events';

/** What happened to a thread; every event carries the whole thread as the viewer may see it. */
export const THREAD_EVENT_TYPES = [
  'thread.created',
  'thread.updated',
  'thread.resolved',
  'thread.reopened',
  'comment.created',
  'comment.updated',
  'comment.deleted',
  'comment.moderated',
  'endorsement.changed',
] as const;
export type ThreadEventType = (typeof THREAD_EVENT_TYPES)[number];

/** One JSON text frame from server to client; the client replaces its copy of `thread.id`. */
export interface ThreadEvent {
  type: ThreadEventType;
  consultationId: string;
  thread: Thread;
}

/**
 * Something about the consultation itself changed (its phase, settings, the reader's role):
 * the client reads it again. Sent after every change of rights, whoever or whatever made it.
 */
export const CONSULTATION_CHANGED = 'consultation.changed';
export interface ConsultationChangedEvent {
  type: typeof CONSULTATION_CHANGED;
  consultationId: string;
}

/**
 * The consultation's live session changed (started, focus moved, extended, ended, a hand raised or
 * lowered): `live` is the whole state as `GET …/live` would answer this member.
 */
export const LIVE_CHANGED = 'live.changed';
export interface LiveChangedEvent {
  type: typeof LIVE_CHANGED;
  consultationId: string;
  live: LiveState;
}

/** Every frame the server sends on the events socket, besides pongs. */
export type LiveEvent = ThreadEvent | ConsultationChangedEvent | LiveChangedEvent;

/** The only frame a client may send; anything else closes the socket with 4400. */
export const EVENTS_PING = 'ping';
/** The server's answer to a ping. */
export const EVENTS_PONG = 'pong';
