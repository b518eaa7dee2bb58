import { Injectable } from '@nestjs/common';
import type { ModerationState, TextRange } from '@cw/shared';
import type { PendingQuery, Row } from 'postgres';
import { Database, type Queryable } from '../../db/database.js';

/** A comment as moderation needs it: where it is, and its text as written. */
export interface ModeratedComment {
  id: string;
  threadId: string;
  isDeleted: boolean;
  state: ModerationState | null;
  /** The text as written: kept aside while moderated, in the comment otherwise. */
  originalText: string;
}

export interface QueueRow {
  comment_id: string;
  thread_id: string;
  question_id: string | null;
  is_deleted: boolean;
  state: ModerationState | null;
  original_text: string;
  ranges: TextRange[];
  flags: Array<{ id: string; reason: string; created_at: string; closed_at: string | null }>;
}

/**
 * All SQL of moderation. Hiding or redacting moves the text as written into
 * `comment_moderations` and leaves in `comments.body` only what may be shown; restoring moves it
 * back. Flags keep who flagged only to hold one open flag per member.
 */
@Injectable()
export class ModerationRepository {
  constructor(private readonly db: Database) {}

  /** The comment, or undefined when it is not in this consultation. */
  find(consultationId: string, commentId: string): Promise<ModeratedComment | undefined> {
    return this.select(consultationId, commentId, this.db.sql, this.db.sql``);
  }

  /** As `find`, with the comment row locked until the transaction ends. */
  lock(consultationId: string, commentId: string, tx: Queryable): Promise<ModeratedComment | undefined> {
    return this.select(consultationId, commentId, tx, this.db.sql`FOR UPDATE OF c`);
  }

  /** A member's open flag on a comment; a second one while it is open changes nothing. */
  async flag(commentId: string, userId: string, reason: string): Promise<void> {
    await this.db.sql`
      INSERT INTO comment_flags (comment_id, user_id, reason) VALUES (${commentId}, ${userId}, ${reason})
      ON CONFLICT (comment_id, user_id) WHERE closed_at IS NULL DO NOTHING`;
  }

  /** Closes the comment's open flags; returns how many were open. */
  async closeFlags(commentId: string, tx: Queryable): Promise<number> {
    const rows = await tx`
      UPDATE comment_flags SET closed_at = clock_timestamp()
      WHERE comment_id = ${commentId} AND closed_at IS NULL RETURNING id`;
    return rows.length;
  }

  /**
   * Puts the comment under moderation, showing `shown` in place of its text (empty when hidden).
   * A second moderation replaces the first; the text as written stays the one kept aside.
   */
  async moderate(
    comment: ModeratedComment,
    change: {
      state: ModerationState;
      shown: string;
      ranges: TextRange[];
      reason: string;
      moderatorId: string;
    },
    tx: Queryable,
  ): Promise<void> {
    const sql = this.db.sql;
    await tx`
      INSERT INTO comment_moderations (comment_id, state, original_body, ranges, reason, moderated_by)
      VALUES (${comment.id}, ${change.state}, ${comment.originalText}, ${sql.json(change.ranges as never)},
        ${change.reason}, ${change.moderatorId})
      ON CONFLICT (comment_id) DO UPDATE SET state = EXCLUDED.state, ranges = EXCLUDED.ranges,
        reason = EXCLUDED.reason, moderated_by = EXCLUDED.moderated_by, moderated_at = clock_timestamp()`;
    await tx`UPDATE comments SET body = ${change.shown} WHERE id = ${comment.id}`;
  }

  /** Puts the text as written back and ends the moderation. */
  async restore(comment: ModeratedComment, tx: Queryable): Promise<void> {
    await tx`UPDATE comments SET body = ${comment.originalText} WHERE id = ${comment.id}`;
    await tx`DELETE FROM comment_moderations WHERE comment_id = ${comment.id}`;
  }

  private async select(
    consultationId: string,
    commentId: string,
    q: Queryable,
    locking: PendingQuery<Row[]>,
  ): Promise<ModeratedComment | undefined> {
    const [row] = await q<
      {
        id: string;
        thread_id: string;
        is_deleted: boolean;
        state: ModerationState | null;
        original: string;
      }[]
    >`
      SELECT c.id, c.thread_id, c.deleted_at IS NOT NULL AS is_deleted, cm.state,
        coalesce(cm.original_body, c.body) AS original
      FROM comments c
      JOIN threads t ON t.id = c.thread_id
      LEFT JOIN comment_moderations cm ON cm.comment_id = c.id
      WHERE t.consultation_id = ${consultationId} AND c.id = ${commentId}
      ${locking}`;
    return (
      row && {
        id: row.id,
        threadId: row.thread_id,
        isDeleted: row.is_deleted,
        state: row.state,
        originalText: row.original,
      }
    );
  }

  /**
   * The queue: comments not deleted with open flags (`open`, most recently flagged first), or
   * under moderation (`moderated`, most recently moderated first), each with its flags.
   */
  async queue(consultationId: string, queue: 'open' | 'moderated'): Promise<QueueRow[]> {
    const sql = this.db.sql;
    return sql<QueueRow[]>`
      SELECT c.id AS comment_id, c.thread_id, t.question_id, c.deleted_at IS NOT NULL AS is_deleted, cm.state,
        coalesce(cm.original_body, c.body) AS original_text, coalesce(cm.ranges, '[]'::jsonb) AS ranges,
        coalesce((
          SELECT json_agg(json_build_object('id', f.id, 'reason', f.reason, 'created_at', f.created_at,
                                            'closed_at', f.closed_at) ORDER BY f.created_at DESC)
          FROM comment_flags f WHERE f.comment_id = c.id), '[]'::json) AS flags
      FROM comments c
      JOIN threads t ON t.id = c.thread_id
      LEFT JOIN comment_moderations cm ON cm.comment_id = c.id
      WHERE t.consultation_id = ${consultationId} AND c.deleted_at IS NULL
        AND ${
          queue === 'open'
            ? sql`EXISTS (SELECT 1 FROM comment_flags f WHERE f.comment_id = c.id AND f.closed_at IS NULL)`
            : sql`cm.comment_id IS NOT NULL`
        }
      ORDER BY ${
        queue === 'open'
          ? sql`(SELECT max(f.created_at) FROM comment_flags f WHERE f.comment_id = c.id AND f.closed_at IS NULL)`
          : sql`cm.moderated_at`
      } DESC, c.id`;
  }
}
