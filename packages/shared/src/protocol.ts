import type { PaperAccess } from './permissions.js';

/**
 * Real-time protocol constants shared by the server, the web client and tests.
 * The wire format is the standard y-websocket protocol; docs/protocol.md describes our additions.
 */

/**
 * WebSocket path prefix: clients connect to `${COLLAB_PATH}/<room>`, where the room names the
 * document (`collabRoom`).
 */
export const COLLAB_PATH = '/collab';

/**
 * A document served on `COLLAB_PATH`: a consultation's paper, or the notes of one of its agenda
 * sessions. Both speak the same protocol and are stored the same way.
 */
export type CollabDocument =
  { kind: 'paper'; consultationId: string } | { kind: 'notes'; consultationId: string; sessionId: string };

const UUID_PATTERN = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ROOM = new RegExp(`^(${UUID_PATTERN})(?:/notes/(${UUID_PATTERN}))?$`);

/**
 * The room of a document, as the y-websocket client names it (it appends the room to the path):
 * `<consultationId>` for the paper, `<consultationId>/notes/<sessionId>` for a session's notes.
 * The consultation comes first, so every socket of a consultation shares its first path segment.
 */
export function collabRoom(document: CollabDocument): string {
  return document.kind === 'paper'
    ? document.consultationId
    : `${document.consultationId}/notes/${document.sessionId}`;
}

/** The document a room names, its ids in lower case as stored; undefined for anything else. */
export function parseCollabRoom(room: string): CollabDocument | undefined {
  const match = ROOM.exec(room.toLowerCase());
  if (!match) return undefined;
  const [, consultationId, sessionId] = match;
  return sessionId
    ? { kind: 'notes', consultationId: consultationId!, sessionId }
    : { kind: 'paper', consultationId: consultationId! };
}

/** Message types of the y-websocket protocol (first varuint of every frame). */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
/**
 * Ours: the server has durably stored the paper up to the enclosed state vector. Sent only to
 * clients that connect with `?acks=1` (the stock client would log unknown message types).
 */
export const MESSAGE_STORED = 100;
/** Ours: the server tells the client how it may write (`WRITE_ACCESS`), on connect and on change. */
export const MESSAGE_WRITE_ACCESS = 101;

/** The varuint a write-access message carries for each access. */
export const WRITE_ACCESS: Readonly<Record<PaperAccess, number>> = { read: 0, edit: 1, suggest: 2 };

/** The access a write-access message announces; read-only for a value this client does not know. */
export function writeAccessOf(value: number): PaperAccess {
  return value === WRITE_ACCESS.edit ? 'edit' : value === WRITE_ACCESS.suggest ? 'suggest' : 'read';
}

/** Close codes with a reason string; 4xxx mirror HTTP statuses. */
export const CLOSE_CODES = {
  /** Unsupported frame (text instead of binary). */
  UNSUPPORTED_DATA: 1003,
  /** Frame larger than the configured maximum. */
  MESSAGE_TOO_BIG: 1009,
  /** Server failure while handling the socket. */
  INTERNAL_ERROR: 1011,
  /** Server is restarting or shutting down: reconnect, possibly elsewhere. */
  SERVICE_RESTART: 1012,
  /**
   * The client does not read fast enough: its send buffer passed the limit. Reconnect (a slow
   * network is no fault; the stock client gives up after any 44xx code).
   */
  SLOW_READER: 1013,
  /** Truncated, garbage or inapplicable message; unknown message type; empty update. */
  BAD_MESSAGE: 4400,
  /** No valid session. */
  UNAUTHENTICATED: 4401,
  /** The Origin header is not one of the allowed origins. */
  FORBIDDEN_ORIGIN: 4403,
  /**
   * Not a member of this consultation (or it does not exist), or not allowed to open this
   * document at all (a session's notes while they are drafted).
   */
  NOT_FOUND: 4404,
  /** An edit would make the paper larger than its limit, or is larger than a minute of the edit budget. */
  TOO_LARGE: 4413,
  /**
   * A member who may only suggest sent a change that is no suggestion of theirs (unmarked text
   * removed or rewritten, another's suggestion changed): it was not applied.
   */
  SUGGESTIONS_ONLY: 4422,
  /** Too many messages: presence updates well past their rate, or edits past the member's budget. */
  RATE_LIMITED: 4429,
  /** The paper could not be loaded from the database; try again later. */
  UNAVAILABLE: 4503,
} as const;
export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];

/** Close codes after which a client should not reconnect by itself. */
export const TERMINAL_CLOSE_CODES: readonly number[] = [
  CLOSE_CODES.UNAUTHENTICATED,
  CLOSE_CODES.FORBIDDEN_ORIGIN,
  CLOSE_CODES.NOT_FOUND,
  CLOSE_CODES.TOO_LARGE,
  CLOSE_CODES.SUGGESTIONS_ONLY,
];

/** Each section's text lives in its own shared fragment, so section order and titles never touch it. */
export function sectionFragmentName(sectionId: string): string {
  return `section:${sectionId}`;
}

/** The awareness field that carries a member's cursor in one section. */
export function sectionCursorField(sectionId: string): string {
  return `cursor:${sectionId}`;
}

/**
 * A session's notes hold one fragment per guiding question of the session (`question:<id>`) and
 * one for what belongs to no question.
 */
export const NOTES_GENERAL_FRAGMENT = 'general';

export function notesQuestionFragmentName(questionId: string): string {
  return `question:${questionId}`;
}

/**
 * The awareness field of a member's cursor in one fragment of a session's notes: the question's
 * id, or the session's for the general notes (ids, like the paper's `cursor:<sectionId>`).
 */
export function notesCursorField(sessionId: string, questionId: string | null): string {
  return sectionCursorField(questionId ?? sessionId);
}
