import type { Notification } from '@cw/shared';
import { attribute, timeFor, type Viewer } from '../attribution/index.js';
import type { NotificationRow } from './notifications.repository.js';

/** A notification for its recipient: the actor is shown by the same rules as any author. */
export function presentNotification(row: NotificationRow, viewer: Viewer): Notification {
  const actor =
    row.actor_id === null
      ? null
      : attribute(
          {
            userId: row.actor_id,
            name: row.actor_name!,
            role: row.actor_role!,
            groupId: row.actor_group_id!,
            groupName: row.actor_group_name!,
            attributionMode: row.actor_mode,
            labelScope: row.actor_scope,
          },
          viewer,
        );
  return {
    id: row.id,
    kind: row.kind,
    threadId: row.thread_id,
    questionId: row.question_id,
    commentId: row.comment_id,
    actor,
    note: row.note,
    attributionMode: row.new_mode,
    phase: row.new_phase,
    dueAt: row.due_at?.toISOString() ?? null,
    session: row.session_id === null ? null : { id: row.session_id, title: row.session_title! },
    // The schedule is no person: its time needs no blurring.
    createdAt: actor
      ? timeFor(row.created_at.toISOString(), actor.timePrecision)
      : row.created_at.toISOString(),
    isRead: row.is_read,
  };
}
