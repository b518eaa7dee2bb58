import { Injectable } from '@nestjs/common';
import type { AttributionMode, LabelScope, NotificationKind, Phase, Role } from '@cw/shared';
import { Database, type Queryable } from '../../db/database.js';
import { type Poster } from '../attribution/index.js';

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  thread_id: string | null;
  question_id: string | null;
  comment_id: string | null;
  /** The actor's columns are null together: the consultation's schedule acted. */
  actor_id: string | null;
  actor_name: string | null;
  actor_role: Role | null;
  actor_group_id: string | null;
  actor_group_name: string | null;
  actor_mode: AttributionMode;
  actor_scope: LabelScope;
  note: string | null;
  new_mode: AttributionMode | null;
  new_phase: Phase | null;
  due_at: Date | null;
  session_id: string | null;
  session_title: string | null;
  created_at: Date;
  is_read: boolean;
}

/** What the organisers did to a comment, as its author is told. */
export type ModerationKind = Extract<
  NotificationKind,
  'commentHidden' | 'commentRedacted' | 'commentRestored'
>;

/** Most notifications listed at once; older ones stay stored. */
const LIST_LIMIT = 100;

/**
 * All SQL of in-app notifications. The actor's role, group and label scope are stored as they
 * were; the database adds the attribution mode in force, as for any input.
 */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly db: Database) {}

  /** Tells the thread's opener, unless the opener is the one acting; in the caller's transaction. */
  async notifyOpener(threadId: string, kind: NotificationKind, actor: Poster, tx: Queryable): Promise<void> {
    await tx`
      INSERT INTO notifications (consultation_id, user_id, thread_id, kind, actor_id, actor_role, actor_group,
        actor_scope)
      SELECT t.consultation_id, opener.author_id, t.id, ${kind}, ${actor.userId}, ${actor.role}, ${actor.groupId},
        ${actor.labelScope}
      FROM threads t
      JOIN LATERAL (SELECT author_id FROM comments WHERE thread_id = t.id ORDER BY created_at, id LIMIT 1) opener
        ON true
      WHERE t.id = ${threadId} AND opener.author_id <> ${actor.userId}`;
  }

  /**
   * Tells a comment's author what the organisers did to it and why, unless the author is the one
   * acting; in the caller's transaction.
   */
  async notifyAuthor(
    commentId: string,
    kind: ModerationKind,
    actor: Poster,
    note: string | null,
    tx: Queryable,
  ): Promise<void> {
    await tx`
      INSERT INTO notifications (consultation_id, user_id, thread_id, comment_id, kind, actor_id, actor_role,
        actor_group, actor_scope, note)
      SELECT t.consultation_id, c.author_id, t.id, c.id, ${kind}, ${actor.userId}, ${actor.role}, ${actor.groupId},
        ${actor.labelScope}, ${note}
      FROM comments c JOIN threads t ON t.id = c.thread_id
      WHERE c.id = ${commentId} AND c.author_id <> ${actor.userId}`;
  }

  /**
   * Tells every other member that the consultation moved to a more open mode. The actor is
   * recorded under the mode that was in force before, which is the more closed one.
   */
  async notifyMembers(
    consultationId: string,
    actor: Poster,
    modes: { before: AttributionMode; after: AttributionMode },
    tx: Queryable,
  ): Promise<void> {
    await tx`
      INSERT INTO notifications (consultation_id, user_id, kind, actor_id, actor_role, actor_group, actor_scope,
        actor_mode, new_mode)
      SELECT ${consultationId}, m.user_id, 'attributionOpened', ${actor.userId}, ${actor.role}, ${actor.groupId},
        ${actor.labelScope}, ${modes.before}, ${modes.after}
      FROM members m WHERE m.consultation_id = ${consultationId} AND m.user_id <> ${actor.userId}`;
  }

  /**
   * Tells every member but the actor that the phase changed; everyone when the schedule changed
   * it (`actor` null), with the time it was due.
   */
  async notifyPhaseChanged(
    consultationId: string,
    actor: Poster | null,
    change: { phase: Phase; dueAt: string | null },
    tx: Queryable,
  ): Promise<void> {
    await tx`
      INSERT INTO notifications (consultation_id, user_id, kind, actor_id, actor_role, actor_group, actor_scope,
        new_phase, due_at)
      SELECT ${consultationId}, m.user_id, 'phaseChanged', ${actor?.userId ?? null}, ${actor?.role ?? null},
        ${actor?.groupId ?? null}, ${actor?.labelScope ?? 'group'}, ${change.phase}, ${change.dueAt}
      FROM members m
      WHERE m.consultation_id = ${consultationId} AND m.user_id IS DISTINCT FROM ${actor?.userId ?? null}`;
  }

  /** Tells every member that the schedule changes the phase at `dueAt`. */
  async notifyPhaseChangeDue(
    consultationId: string,
    change: { phase: Phase; dueAt: string },
    tx: Queryable,
  ): Promise<void> {
    await tx`
      INSERT INTO notifications (consultation_id, user_id, kind, new_phase, due_at)
      SELECT ${consultationId}, m.user_id, 'phaseChangeDue', ${change.phase}, ${change.dueAt}
      FROM members m WHERE m.consultation_id = ${consultationId}`;
  }

  /** Tells every member but the actor that the session's notes were published. */
  async notifyNotesPublished(
    consultationId: string,
    sessionId: string,
    actor: Poster,
    tx: Queryable,
  ): Promise<void> {
    await tx`
      INSERT INTO notifications (consultation_id, user_id, kind, actor_id, actor_role, actor_group, actor_scope,
        session_id)
      SELECT ${consultationId}, m.user_id, 'notesPublished', ${actor.userId}, ${actor.role}, ${actor.groupId},
        ${actor.labelScope}, ${sessionId}
      FROM members m WHERE m.consultation_id = ${consultationId} AND m.user_id <> ${actor.userId}`;
  }

  /** The recipient's notifications in one consultation, newest first. */
  async list(consultationId: string, userId: string): Promise<NotificationRow[]> {
    return this.db.sql<NotificationRow[]>`
      SELECT n.id, n.kind, n.thread_id, t.question_id, n.comment_id, n.actor_id, u.name AS actor_name,
        n.actor_role, n.actor_group AS actor_group_id, g.name AS actor_group_name, n.actor_mode, n.actor_scope,
        n.note, n.new_mode, n.new_phase, n.due_at, n.session_id, a.title AS session_title, n.created_at,
        n.read_at IS NOT NULL AS is_read
      FROM notifications n
      LEFT JOIN threads t ON t.id = n.thread_id
      LEFT JOIN agenda_sessions a ON a.id = n.session_id
      LEFT JOIN users u ON u.id = n.actor_id
      LEFT JOIN stakeholder_groups g ON g.id = n.actor_group
      WHERE n.consultation_id = ${consultationId} AND n.user_id = ${userId}
      ORDER BY n.created_at DESC, n.id
      LIMIT ${LIST_LIMIT}`;
  }

  /** Marks the recipient's own notifications read (others' ids are ignored). */
  async markRead(consultationId: string, userId: string, ids: string[] | undefined): Promise<void> {
    const sql = this.db.sql;
    await sql`
      UPDATE notifications SET read_at = clock_timestamp()
      WHERE consultation_id = ${consultationId} AND user_id = ${userId} AND read_at IS NULL
        ${ids ? sql`AND id IN ${sql(ids)}` : sql``}`;
  }
}
