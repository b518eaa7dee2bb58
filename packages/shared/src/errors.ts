import type { FieldIssue } from './field-issues.js';

/**
 * One registry of error codes. The server answers every error as
 * `{ statusCode, code, message, issues? }` over HTTP and closes sockets with the same codes;
 * clients switch on `code`, never on the message text.
 */
export const ERROR_CODES = {
  /** The body, query or path did not match its schema; `issues` lists each field. */
  VALIDATION_FAILED: 400,
  /** No valid session: log in first. */
  UNAUTHENTICATED: 401,
  /** Email or password wrong. Deliberately does not say which. */
  INVALID_CREDENTIALS: 401,
  /** The member's role never allows this action. */
  FORBIDDEN: 403,
  /**
   * The page that sent the request is on an address the server does not serve (not the
   * request's own origin, `PUBLIC_URL` or `ALLOWED_ORIGINS`): another site may not act with a
   * member's session.
   */
  FORBIDDEN_ORIGIN: 403,
  /** The thing does not exist, or the caller may not know it exists. */
  NOT_FOUND: 404,
  /** Non-members get this for any consultation, so existence is not revealed. */
  CONSULTATION_NOT_FOUND: 404,
  /** The consultation's phase does not allow this action now. */
  PHASE_FORBIDS: 409,
  /** The phase move is not one of the allowed transitions. */
  INVALID_TRANSITION: 409,
  /** The person is already a member of this consultation. */
  ALREADY_MEMBER: 409,
  /** The change would leave the consultation without an admin. */
  LAST_ADMIN: 409,
  /** A stakeholder group still has members and cannot be removed. */
  GROUP_IN_USE: 409,
  /** The thread is resolved: reopen it before replying. */
  THREAD_RESOLVED: 409,
  /** The resolve or reopen does not fit the thread's status (already resolved, or already open). */
  THREAD_STATUS: 409,
  /** Members endorse other people's comments, not their own. */
  SELF_ENDORSEMENT: 409,
  /**
   * The change opens attribution (a more open mode, or a lower k): the admin must see what it
   * changes and send it again with `confirmOpening: true`.
   */
  CONFIRMATION_REQUIRED: 409,
  /** The organisers hid or redacted this comment: it can no longer be edited. */
  COMMENT_MODERATED: 409,
  /** The record changed or conflicts with another one (e.g. duplicate name). */
  CONFLICT: 409,
  /** An agenda item is already running live in this consultation: end it before starting another. */
  LIVE_SESSION_RUNNING: 409,
  /** No agenda item is running live in this consultation now. */
  NO_LIVE_SESSION: 409,
  /** The invitation was already used. */
  INVITATION_USED: 410,
  /** The invitation is past its expiry. */
  INVITATION_EXPIRED: 410,
  /** The invitation was revoked by an admin. */
  INVITATION_REVOKED: 410,
  /** The password reset link is unknown, was used already, or is past its hour: ask for a new one. */
  RESET_LINK_INVALID: 410,
  /** The invitation was sent by mail to another address: only an account with that email may use it. */
  INVITATION_OTHER_EMAIL: 403,
  /** The invitation was mailed as often as allowed: revoke it and invite the person again. */
  RESEND_LIMIT: 409,
  /** The request body is larger than allowed. */
  PAYLOAD_TOO_LARGE: 413,
  /**
   * The Idempotency-Key was used before for a different request (another route or body): each
   * action needs a key of its own.
   */
  IDEMPOTENCY_KEY_REUSED: 422,
  /** Too many requests; see the Retry-After header. */
  RATE_LIMITED: 429,
  /** Something failed on the server; nothing the client sent was at fault. */
  INTERNAL: 500,
  /** A dependency is not reachable right now. */
  UNAVAILABLE: 503,
  /**
   * The database is not reachable right now (restarting, failing over): the request changed
   * nothing. Retry after the Retry-After header; the server reports itself not ready meanwhile.
   */
  DATABASE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One field's problem in a `VALIDATION_FAILED` answer. */
export interface ValidationIssue extends FieldIssue {
  /** Where in the input, e.g. `body.title` or `params.consultationId`. */
  path: string;
  /** In English, for people reading the answer itself; clients translate `code`. */
  message: string;
}

/** The JSON shape of every error answer. */
export interface ApiErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  issues?: ValidationIssue[];
}
