import { Injectable } from '@nestjs/common';
import type { MailKind, MailStatus } from '@cw/shared';
import { Database, type Queryable } from '../../db/database.js';

/** A mail as written to the outbox. */
export interface NewMail {
  id: string;
  kind: MailKind;
  recipient: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  status: 'pending' | 'kept';
}

/** A mail a worker has claimed: its `attempt` is the number this claim gave it. */
export interface ClaimedMail {
  id: string;
  recipient: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  attempt: number;
}

export interface StoredMail {
  id: string;
  kind: MailKind;
  recipient: string;
  subject: string;
  status: MailStatus;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  sent_at: Date | null;
  created_at: Date;
  text_body: string;
  html_body: string;
}

/**
 * All SQL of the outbox. A claim marks a mail `sending` until its lease ends, in one statement
 * that skips rows another instance is claiming, so of several instances exactly one sends each
 * mail; every later write names the attempt it concerns, so a worker whose lease ran out cannot
 * overwrite what the next holder did.
 */
@Injectable()
export class OutboxRepository {
  constructor(private readonly db: Database) {}

  async add(mail: NewMail, q: Queryable): Promise<void> {
    await q`
      INSERT INTO mail_outbox (id, kind, recipient, subject, text_body, html_body, message_id, status)
      VALUES (${mail.id}, ${mail.kind}, ${mail.recipient}, ${mail.subject}, ${mail.text}, ${mail.html},
              ${mail.messageId}, ${mail.status})`;
  }

  /**
   * Claims the mail due longest: pending and due, or still `sending` past its lease (its worker
   * died or hung mid-send). The claim counts an attempt and holds the mail for `leaseMs`.
   */
  async claimDue(leaseMs: number): Promise<ClaimedMail | undefined> {
    const [row] = await this.db.sql<
      {
        id: string;
        recipient: string;
        subject: string;
        text_body: string;
        html_body: string;
        message_id: string;
        attempts: number;
      }[]
    >`
      UPDATE mail_outbox m
      SET status = 'sending', attempts = m.attempts + 1,
          claimed_until = now() + make_interval(secs => ${leaseMs / 1000})
      FROM (
        SELECT id FROM mail_outbox
        WHERE (status = 'pending' AND next_attempt_at <= now())
           OR (status = 'sending' AND claimed_until <= now())
        ORDER BY next_attempt_at
        LIMIT 1
        FOR UPDATE SKIP LOCKED
      ) due
      WHERE m.id = due.id
      RETURNING m.id, m.recipient, m.subject, m.text_body, m.html_body, m.message_id, m.attempts`;
    return (
      row && {
        id: row.id,
        recipient: row.recipient,
        subject: row.subject,
        text: row.text_body,
        html: row.html_body,
        messageId: row.message_id,
        attempt: row.attempts,
      }
    );
  }

  /**
   * The mail server took the mail. Its bodies are dropped: they may hold a link that works for a
   * while (a password reset), and once sent nothing needs them.
   */
  async markSent(mail: ClaimedMail): Promise<void> {
    await this.db.sql`
      UPDATE mail_outbox
      SET status = 'sent', sent_at = now(), claimed_until = NULL, last_error = NULL,
          text_body = '', html_body = ''
      WHERE id = ${mail.id} AND status = 'sending' AND attempts = ${mail.attempt}`;
  }

  /** The attempt failed for now: try again after `delayMs`. */
  async markRetry(mail: ClaimedMail, delayMs: number, error: string): Promise<void> {
    await this.db.sql`
      UPDATE mail_outbox
      SET status = 'pending', claimed_until = NULL, last_error = ${error},
          next_attempt_at = now() + make_interval(secs => ${delayMs / 1000})
      WHERE id = ${mail.id} AND status = 'sending' AND attempts = ${mail.attempt}`;
  }

  /** Given up: the mail server refused it for good, or every attempt failed. */
  async markFailed(mail: ClaimedMail, error: string): Promise<void> {
    await this.db.sql`
      UPDATE mail_outbox
      SET status = 'failed', claimed_until = NULL, last_error = ${error}, text_body = '', html_body = ''
      WHERE id = ${mail.id} AND status = 'sending' AND attempts = ${mail.attempt}`;
  }

  /** The latest mail, newest first. */
  async latest(limit: number): Promise<StoredMail[]> {
    return this.db.sql<StoredMail[]>`
      SELECT id, kind, recipient, subject, status, attempts, next_attempt_at, last_error, sent_at,
             created_at, text_body, html_body
      FROM mail_outbox
      ORDER BY created_at DESC, id
      LIMIT ${limit}`;
  }
}
