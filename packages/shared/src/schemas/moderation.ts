import { z } from 'zod';
import { instant, text, uuid } from './common.js';
import { comment, COMMENT_MAX_LENGTH, MODERATION_STATES } from './threads.js';

/** Why a member flags a comment, or why the organisers acted on one. */
const reason = text({ max: 500, multiline: true });

export const flagCommentBody = z.strictObject({
  /** What is wrong with the comment, for the organisers (e.g. "it names its author"). */
  reason,
});
export type FlagCommentBody = z.infer<typeof flagCommentBody>;

export const hideCommentBody = z.strictObject({
  /** Shown to the author; the rest of the members see only that the comment was hidden. */
  reason,
});
export type HideCommentBody = z.infer<typeof hideCommentBody>;

/** One part of a comment's text as written: characters [start, end), in UTF-16 code units. */
export const textRange = z
  .strictObject({
    start: z.int().min(0).max(COMMENT_MAX_LENGTH),
    end: z.int().min(1).max(COMMENT_MAX_LENGTH),
  })
  .refine((range) => range.end > range.start, {
    message: 'must end after it starts',
    path: ['end'],
    params: { issue: 'endsBeforeStart' },
  });
export type TextRange = z.infer<typeof textRange>;

export const redactCommentBody = z.strictObject({
  /**
   * The parts to cut from the text as written (not from an earlier redaction, which this one
   * replaces); they may not overlap and must lie inside the text.
   */
  ranges: z.array(textRange).min(1).max(20),
  /** Shown to the author, as for hiding. */
  reason,
});
export type RedactCommentBody = z.infer<typeof redactCommentBody>;

/** `open`: comments with flags not yet acted on; `moderated`: hidden or redacted comments. */
export const MODERATION_QUEUES = ['open', 'moderated'] as const;
export const moderationQueueQuery = z.strictObject({
  queue: z.enum(MODERATION_QUEUES).default('open'),
});
export type ModerationQueueQuery = z.infer<typeof moderationQueueQuery>;

/** A member's flag. Who flagged is never shown, not even to the organisers. */
export const commentFlag = z.object({
  id: uuid,
  reason: z.string(),
  createdAt: instant,
  /** Null while open; when the organisers hid, redacted or dismissed it. */
  closedAt: instant.nullable(),
});
export type CommentFlag = z.infer<typeof commentFlag>;

/**
 * A comment in the organisers' queue. Unlike anywhere else, it carries the text as written:
 * the organisers need it to decide, and to restore.
 */
export const moderationItem = z.object({
  comment,
  questionId: uuid.nullable(),
  /** The text as the author wrote it; null once the author deleted the comment. */
  originalText: z.string().nullable(),
  /** The redacted parts of `originalText`, when redacted. */
  ranges: z.array(z.object({ start: z.int(), end: z.int() })),
  state: z.enum(MODERATION_STATES).nullable(),
  /** Newest first. */
  flags: z.array(commentFlag),
});
export type ModerationItem = z.infer<typeof moderationItem>;
