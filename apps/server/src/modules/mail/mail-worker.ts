import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { backoffDelay } from '@cw/shared';
import { createTransport, type Transporter } from 'nodemailer';
import { repeatEvery } from '../../common/periodic-task.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { MetricsService } from '../metrics/index.js';
import { type ClaimedMail, OutboxRepository } from './outbox.repository.js';

/** The longest wait between two attempts at one mail. */
const MAX_RETRY_MS = 3_600_000;
/** Longest error text kept on the row. */
const MAX_ERROR_LENGTH = 1000;

/** What nodemailer's errors carry: `permanent` for a 5xx reply that retrying would get again. */
interface SmtpError {
  message?: string;
  code?: string;
  permanent?: boolean;
}

/** Credentials refused is the installation's problem, not the mail's: it is retried. */
const isPermanent = (error: SmtpError) => error.permanent === true && error.code !== 'EAUTH';

const describe = (error: SmtpError) => (error.message ?? String(error)).slice(0, MAX_ERROR_LENGTH);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends the outbox's mail through SMTP_URL (nothing to do without it: mail is kept). Every
 * instance polls, and wakes at once when mail is queued here; each mail is claimed for a lease
 * before it is handed to the mail server and marked sent right after, so several instances never
 * send one mail at once, a failed attempt is retried with backoff, and a restart sends again only
 * what was not marked sent (docs/architecture.md, "Outgoing mail").
 */
@Injectable()
export class MailWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | undefined;
  /**
   * How long a claim holds a mail: longer than a send can take (connecting, the greeting and the
   * reply to each command are each bounded by MAIL_SEND_TIMEOUT_MS), so no other instance takes
   * it over from a worker still sending.
   */
  private readonly leaseMs: number;
  private stopPolling: (() => void) | undefined;
  private polling: Promise<void> | undefined;
  private isPollWanted = false;
  private isStopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxRepository,
    private readonly metrics: MetricsService,
  ) {
    const { smtpUrl, from, sendTimeoutMs } = config.mail;
    this.leaseMs = 4 * sendTimeoutMs;
    this.transport =
      smtpUrl === undefined
        ? undefined
        : createTransport(
            {
              url: smtpUrl,
              connectionTimeout: sendTimeoutMs,
              greetingTimeout: sendTimeoutMs,
              socketTimeout: sendTimeoutMs,
              dnsTimeout: sendTimeoutMs,
            },
            { from },
          );
  }

  /** Whether mail is sent; without SMTP_URL it is kept in the outbox. */
  get isSending(): boolean {
    return this.transport !== undefined;
  }

  onApplicationBootstrap(): void {
    if (!this.transport) return;
    this.stopPolling = repeatEvery(this.config.mail.pollMs, () => this.poll(), this.logger);
    // Mail left pending while no instance ran goes now, not a poll interval later.
    this.wake();
  }

  /** Lets the send in progress finish and be recorded, so a restart does not send it again. */
  async beforeApplicationShutdown(): Promise<void> {
    this.isStopped = true;
    this.stopPolling?.();
    await this.polling?.catch(() => undefined);
    this.transport?.close();
  }

  /** Starts a poll soon, after mail was queued (call it once the queuing transaction committed). */
  wake(): void {
    if (!this.transport || this.isStopped) return;
    this.poll().catch((error: unknown) => this.logger.warn(`Mail poll failed: ${(error as Error).message}`));
  }

  /**
   * Sends every mail due now; resolves when done. Asked while a poll runs, it polls once more
   * after it, so mail queued meanwhile is not left for the next interval.
   */
  poll(): Promise<void> {
    if (this.polling) {
      this.isPollWanted = true;
      return this.polling;
    }
    this.polling = (async () => {
      do {
        this.isPollWanted = false;
        while (!this.isStopped && (await this.sendNext()));
        this.metrics.mailPolls.inc();
      } while (this.isPollWanted && !this.isStopped);
    })().finally(() => (this.polling = undefined));
    return this.polling;
  }

  /** Claims and sends one due mail; false when none is due. */
  private async sendNext(): Promise<boolean> {
    if (!this.transport) return false;
    const claimedAt = Date.now();
    const mail = await this.outbox.claimDue(this.leaseMs);
    if (!mail) return false;
    try {
      await this.transport.sendMail({
        to: mail.recipient,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // The same on every attempt, so a copy the mail server received twice is one message.
        messageId: mail.messageId,
        // RFC 3834: sent by the app, so out-of-office replies are not sent back.
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    } catch (error) {
      await this.recordFailure(mail, error as SmtpError);
      return true;
    }
    await this.recordSent(mail, claimedAt + this.leaseMs - this.config.mail.sendTimeoutMs);
    return true;
  }

  /**
   * Marks the mail sent, trying again while the database is away until `deadline` (before the
   * lease ends): left `sending`, the mail would be sent again once the lease ran out.
   */
  private async recordSent(mail: ClaimedMail, deadline: number): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.outbox.markSent(mail);
        this.metrics.mailAttempts.inc({ outcome: 'sent' });
        return;
      } catch (error) {
        if (Date.now() >= deadline) throw error;
        await sleep(Math.min(backoffDelay(attempt, 100, 5_000), Math.max(0, deadline - Date.now())));
      }
    }
  }

  private async recordFailure(mail: ClaimedMail, error: SmtpError): Promise<void> {
    const reason = describe(error);
    if (isPermanent(error) || mail.attempt >= this.config.mail.maxAttempts) {
      await this.outbox.markFailed(mail, reason);
      this.metrics.mailAttempts.inc({ outcome: 'failed' });
      this.logger.error(`Mail ${mail.id} given up after ${mail.attempt} attempt(s): ${reason}`);
      return;
    }
    const delayMs = backoffDelay(mail.attempt - 1, this.config.mail.retryMs, MAX_RETRY_MS);
    await this.outbox.markRetry(mail, delayMs, reason);
    this.metrics.mailAttempts.inc({ outcome: 'retry' });
    this.logger.warn(
      `Mail ${mail.id} not sent (attempt ${mail.attempt}), retrying in ${delayMs} ms: ${reason}`,
    );
  }
}
