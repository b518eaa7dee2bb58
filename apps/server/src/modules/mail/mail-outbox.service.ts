import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Outbox } from '@cw/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AppError } from '../../common/app-error.js';
import type { AuthContext } from '../../common/request-context.js';
import type { Queryable } from '../../db/database.js';
import { MailWorker } from './mail-worker.js';
import { type MailRequest, renderMail } from './mail-templates.js';
import { OutboxRepository, type StoredMail } from './outbox.repository.js';

/** How many of the latest mails the outbox page lists. */
const LISTED = 200;

function toOutboxMail(row: StoredMail): Outbox['mails'][number] {
  const isKept = row.status === 'kept';
  return {
    id: row.id,
    kind: row.kind,
    recipient: row.recipient,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at.toISOString() : null,
    lastError: row.last_error,
    sentAt: row.sent_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    text: isKept ? row.text_body : null,
    html: isKept ? row.html_body : null,
  };
}

/** Queues mail for the worker to send, and shows installation organisers what was queued. */
@Injectable()
export class MailOutbox {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxRepository,
    private readonly worker: MailWorker,
  ) {}

  /**
   * Writes the mail in its recipient's language and queues it in the caller's transaction, so it
   * is sent if and only if what it tells of is committed. Call `deliverSoon` after the commit.
   * Links in mail are built on PUBLIC_URL, never on the address a request came to, which the
   * requester chooses.
   */
  async enqueue(request: MailRequest, q: Queryable): Promise<string> {
    const id = randomUUID();
    const rendered = renderMail(request, this.config.publicUrl);
    await this.outbox.add(
      {
        id,
        kind: request.kind,
        recipient: request.to,
        ...rendered,
        messageId: `<${id}@${this.config.mail.messageIdDomain}>`,
        status: this.worker.isSending ? 'pending' : 'kept',
      },
      q,
    );
    return id;
  }

  /** Sends what was just queued without waiting for the next poll. */
  deliverSoon(): void {
    this.worker.wake();
  }

  /**
   * The latest mail with its delivery state, for installation organisers only. Kept mail (no
   * SMTP_URL) shows its text: it is the only way it reaches anyone. Sent mail's text is gone.
   */
  async list(user: AuthContext): Promise<Outbox> {
    if (!user.isOrganiser)
      throw new AppError('FORBIDDEN', 'Only installation organisers can read outgoing mail');
    const rows = await this.outbox.latest(LISTED);
    return { delivery: this.worker.isSending ? 'smtp' : 'kept', mails: rows.map(toOutboxMail) };
  }
}
