import { z } from 'zod';
import { email, instant, password, uuid } from './common.js';

/** Every kind of mail the app sends; each has its template on the server. */
export const MAIL_KINDS = ['passwordReset', 'invitation'] as const;
export const mailKind = z.enum(MAIL_KINDS);
export type MailKind = z.infer<typeof mailKind>;

/** How long a password reset link works, in minutes. */
export const PASSWORD_RESET_MINUTES = 60;

export const passwordResetRequestBody = z.strictObject({ email });
export type PasswordResetRequestBody = z.infer<typeof passwordResetRequestBody>;

/** The same answer whether or not the email has an account. */
export const passwordResetRequested = z.object({ next: z.literal('checkMail') });
export type PasswordResetRequested = z.infer<typeof passwordResetRequested>;

/** A reset token: what follows `#` in the link the mail carries. */
export const resetToken = z
  .string()
  .max(100, 'must be a password reset token')
  .regex(/^[A-Za-z0-9_-]{20,100}$/, 'must be a password reset token');

export const passwordResetConfirmBody = z.strictObject({ token: resetToken, password });
export type PasswordResetConfirmBody = z.infer<typeof passwordResetConfirmBody>;

/**
 * pending: waiting to be sent (again); sending: a worker is handing it to the mail server;
 * sent; failed: given up; kept: no mail server is configured, so it stays here to be read.
 */
export const MAIL_STATUSES = ['pending', 'sending', 'sent', 'failed', 'kept'] as const;
export const mailStatus = z.enum(MAIL_STATUSES);
export type MailStatus = z.infer<typeof mailStatus>;

export const outboxMail = z.object({
  id: uuid,
  kind: mailKind,
  recipient: z.string(),
  subject: z.string(),
  status: mailStatus,
  attempts: z.number().int(),
  /** When the next attempt is due, while the mail is pending. */
  nextAttemptAt: instant.nullable(),
  /** Why the last attempt failed, as the mail server or the network said. */
  lastError: z.string().nullable(),
  sentAt: instant.nullable(),
  createdAt: instant,
  /** The plain text and HTML, only of kept mail: sent mail's bodies are not kept. */
  text: z.string().nullable(),
  html: z.string().nullable(),
});
export type OutboxMail = z.infer<typeof outboxMail>;

export const outbox = z.object({
  /** `smtp`: mail is sent through SMTP_URL; `kept`: there is none, mail stays here. */
  delivery: z.enum(['smtp', 'kept']),
  /** The latest mail, newest first. */
  mails: outboxMail.array(),
});
export type Outbox = z.infer<typeof outbox>;
