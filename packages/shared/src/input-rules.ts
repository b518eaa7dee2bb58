import type { ErrorCode } from './errors.js';
import type { Action } from './permissions.js';
import type { ThreadStatus } from './schemas/threads.js';

/**
 * The half of the policy that depends on the data: the permission table says whether a role may
 * take an action in a phase; these rules say whether it may be taken on this thread or comment.
 * The server refuses with the refusal's code and message; the web shows a control only when
 * both halves allow it.
 */
export interface Refusal {
  code: ErrorCode;
  message: string;
}

/** What an action on a thread depends on. */
export interface ThreadFacts {
  status: ThreadStatus;
}

/** What an action on a comment depends on, as the server stores it and the author's client sees it. */
export interface CommentFacts {
  /** The viewer wrote it. */
  isYours: boolean;
  isDeleted: boolean;
  /** The organisers hid or redacted it. */
  isModerated: boolean;
}

type Rule<Facts> = (facts: Facts) => Refusal | null;

const COMMENT_GONE: Refusal = { code: 'NOT_FOUND', message: 'Comment not found' };
const NOT_AUTHOR: Refusal = { code: 'FORBIDDEN', message: 'Only the author can change or delete a comment' };

export const THREAD_RULES = {
  'threads.reply': ({ status }) =>
    status === 'resolved'
      ? { code: 'THREAD_RESOLVED', message: 'This thread is resolved; it must be reopened before replying' }
      : null,
  'threads.resolve': ({ status }) =>
    status === 'resolved'
      ? { code: 'THREAD_STATUS', message: 'This thread is already resolved; reopen it to change the outcome' }
      : null,
  'threads.reopen': ({ status }) =>
    status === 'open' ? { code: 'THREAD_STATUS', message: 'This thread is already open' } : null,
} satisfies Partial<Record<Action, Rule<ThreadFacts>>>;

export const COMMENT_RULES = {
  /** Nobody changes another's words; what the organisers hid or redacted stays as they left it. */
  'comments.edit': (comment) =>
    !comment.isYours
      ? NOT_AUTHOR
      : comment.isDeleted
        ? COMMENT_GONE
        : comment.isModerated
          ? {
              code: 'COMMENT_MODERATED',
              message: 'The organisers hid or redacted this comment; it can no longer be edited',
            }
          : null,
  /** A deleted comment is gone: deleting it again changes nothing. */
  'comments.delete': (comment) => (!comment.isYours ? NOT_AUTHOR : comment.isDeleted ? COMMENT_GONE : null),
  'comments.endorse': (comment) =>
    comment.isDeleted
      ? COMMENT_GONE
      : comment.isYours
        ? { code: 'SELF_ENDORSEMENT', message: 'You cannot endorse your own comment' }
        : null,
} satisfies Partial<Record<Action, Rule<CommentFacts>>>;

export type ThreadAction = keyof typeof THREAD_RULES;
export type CommentAction = keyof typeof COMMENT_RULES;

/** Why this thread refuses the action, or null when it allows it. */
export function threadRefusal(action: ThreadAction, thread: ThreadFacts): Refusal | null {
  return THREAD_RULES[action](thread);
}

/** Why this comment refuses the action, or null when it allows it. */
export function commentRefusal(action: CommentAction, comment: CommentFacts): Refusal | null {
  return COMMENT_RULES[action](comment);
}
