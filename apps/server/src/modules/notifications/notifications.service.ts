import { Injectable } from '@nestjs/common';
import type { MarkNotificationsReadBody, Notification, NotificationKind } from '@cw/shared';
import type { Queryable } from '../../db/database.js';
import type { Actor } from '../threads/threads.service.js';
import type { Poster } from '../threads/threads.repository.js';
import { presentNotification } from './notification.presenter.js';
import { NotificationsRepository } from './notifications.repository.js';

/** Replies to and resolutions of a member's threads, kept until read. */
@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationsRepository) {}

  /** Written in the transaction of the change it tells about, so neither exists without the other. */
  async threadChanged(threadId: string, kind: NotificationKind, actor: Poster, tx: Queryable): Promise<void> {
    await this.notifications.notifyOpener(threadId, kind, actor, tx);
  }

  async list({ auth, member }: Actor): Promise<Notification[]> {
    const rows = await this.notifications.list(member.consultationId, auth.userId);
    const viewer = { userId: auth.userId, role: member.role, attributionMode: member.attributionMode };
    return rows.map((row) => presentNotification(row, viewer));
  }

  async markRead({ auth, member }: Actor, body: MarkNotificationsReadBody): Promise<void> {
    await this.notifications.markRead(member.consultationId, auth.userId, body.ids);
  }
}
