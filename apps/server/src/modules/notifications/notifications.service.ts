import { Injectable } from '@nestjs/common';
import type {
  AttributionMode,
  MarkNotificationsReadBody,
  Notification,
  NotificationKind,
  Phase,
} from '@cw/shared';
import type { Queryable } from '../../db/database.js';
import { GroupLabelsRepository, type Poster } from '../attribution/index.js';
import type { Actor } from '../../common/request-context.js';
import { presentNotification } from './notification.presenter.js';
import { type ModerationKind, NotificationsRepository } from './notifications.repository.js';

/**
 * Replies to and resolutions of a member's threads, moderation of their comments, switches to a
 * more open attribution mode, phase changes (the day before a scheduled one too) and the
 * publication of a session's notes, kept until read. Each is written in the transaction of the change
 * it tells about, so neither exists without the other.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly labels: GroupLabelsRepository,
  ) {}

  async threadChanged(threadId: string, kind: NotificationKind, actor: Poster, tx: Queryable): Promise<void> {
    await this.notifications.notifyOpener(threadId, kind, actor, tx);
  }

  async commentModerated(
    commentId: string,
    kind: ModerationKind,
    actor: Poster,
    reason: string | null,
    tx: Queryable,
  ): Promise<void> {
    await this.notifications.notifyAuthor(commentId, kind, actor, reason, tx);
  }

  async attributionOpened(
    consultationId: string,
    actor: Poster,
    modes: { before: AttributionMode; after: AttributionMode },
    tx: Queryable,
  ): Promise<void> {
    await this.notifications.notifyMembers(consultationId, actor, modes, tx);
  }

  /** `actor` null: the consultation's schedule made the change that was due at `dueAt`. */
  async phaseChanged(
    consultationId: string,
    actor: Poster | null,
    change: { phase: Phase; dueAt: string | null },
    tx: Queryable,
  ): Promise<void> {
    await this.notifications.notifyPhaseChanged(consultationId, actor, change, tx);
  }

  async phaseChangeDue(consultationId: string, change: { phase: Phase; dueAt: string }, tx: Queryable) {
    await this.notifications.notifyPhaseChangeDue(consultationId, change, tx);
  }

  async notesPublished(
    consultationId: string,
    sessionId: string,
    actor: Poster,
    tx: Queryable,
  ): Promise<void> {
    await this.notifications.notifyNotesPublished(consultationId, sessionId, actor, tx);
  }

  async list({ auth, member }: Actor): Promise<Notification[]> {
    const [rows, labelScopes] = await Promise.all([
      this.notifications.list(member.consultationId, auth.userId),
      this.labels.scopes(member.consultationId),
    ]);
    const viewer = {
      userId: auth.userId,
      role: member.role,
      attributionMode: member.attributionMode,
      labelScopes,
    };
    return rows.map((row) => presentNotification(row, viewer));
  }

  async markRead({ auth, member }: Actor, body: MarkNotificationsReadBody): Promise<void> {
    await this.notifications.markRead(member.consultationId, auth.userId, body.ids);
  }
}
