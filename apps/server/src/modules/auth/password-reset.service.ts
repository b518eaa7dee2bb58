import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import type { PasswordResetConfirmBody, PasswordResetRequestBody } from '@cw/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AppError } from '../../common/app-error.js';
import { repeatEvery } from '../../common/periodic-task.js';
import { Database } from '../../db/database.js';
import { AccessChanges } from '../access-changes/index.js';
import { MailOutbox } from '../mail/index.js';
import { LoginThrottle } from './login-throttle.service.js';
import { PasswordHasher } from './password-hasher.js';
import { PasswordResetsRepository } from './password-resets.repository.js';
import { SessionsRepository } from './sessions.repository.js';
import { hashToken, newToken } from './session-token.js';
import { UsersRepository } from './users.repository.js';

/** Reset mails one account may receive per hour: more would let anyone flood its mailbox. */
const MAILS_PER_HOUR = 3;
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Password reset by mail. A link's token is stored only as its hash, works once and for an hour,
 * and using it ends every session of the account.
 */
@Injectable()
export class PasswordResetService implements OnModuleInit, OnModuleDestroy, BeforeApplicationShutdown {
  private readonly logger = new Logger('PasswordReset');
  /** Requests are handled one after another, after their answer (see `request`). */
  private queue: Promise<void> = Promise.resolve();
  private stopSweep: (() => void) | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly resets: PasswordResetsRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly mail: MailOutbox,
    private readonly accessChanges: AccessChanges,
  ) {}

  onModuleInit(): void {
    this.stopSweep = repeatEvery(SWEEP_INTERVAL_MS, () => this.resets.sweep(), this.logger);
  }

  onModuleDestroy(): void {
    this.stopSweep?.();
  }

  /** Requests already answered are carried out before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.queue;
  }

  /**
   * Answers at once and identically for every email; whether it has an account is looked up
   * only afterwards, so neither the answer nor its timing tells. The work is queued behind the
   * previous request's, which also keeps a burst of requests from filling the connection pool.
   */
  request(body: PasswordResetRequestBody): void {
    this.queue = this.queue
      .then(() => this.mailLink(body.email))
      .catch((error: unknown) =>
        this.logger.error(`A password reset request could not be handled: ${(error as Error).message}`),
      );
  }

  private async mailLink(email: string): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (!user) return;
    const token = newToken();
    const isQueued = await this.db.sql.begin(async (tx) => {
      if ((await this.resets.madeWithinHour(user.id, tx)) >= MAILS_PER_HOUR) return false;
      await this.resets.create(user.id, hashToken(token), tx);
      await this.mail.enqueue(
        {
          kind: 'passwordReset',
          to: user.email,
          // The token is in the fragment: browsers send it to no server, nor in a Referer.
          values: { name: user.name, link: `${this.config.publicUrl}/reset-password#${token}` },
        },
        tx,
      );
      return true;
    });
    if (isQueued) this.mail.deliverSoon();
  }

  /** Sets the new password if the link can still be used, and ends every session of the account. */
  async confirm(body: PasswordResetConfirmBody): Promise<void> {
    // Hashed before the transaction, which then holds its locks for milliseconds only.
    const passwordHash = await this.hasher.hash(body.password);
    const reset = await this.db.sql.begin(async (tx) => {
      const userId = await this.resets.consume(hashToken(body.token), tx);
      if (!userId) return undefined;
      await this.users.setPasswordHash(userId, passwordHash, tx);
      return { userId, endedSessions: await this.sessions.deleteAllOf(userId, tx) };
    });
    if (!reset) {
      throw new AppError(
        'RESET_LINK_INVALID',
        'This password reset link has expired or has already been used; ask for a new one',
      );
    }
    for (const sessionId of reset.endedSessions) this.accessChanges.sessionEnded(sessionId);
    const user = await this.users.findById(reset.userId);
    if (user) await this.throttle.forget(user.email);
  }
}
