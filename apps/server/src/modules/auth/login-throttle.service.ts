import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { rateLimited } from '../../common/app-error.js';
import { repeatEvery } from '../../common/periodic-task.js';
import { Database } from '../../db/database.js';
import { waitAfterFailures } from './login-throttle.policy.js';
import { LoginThrottlesRepository } from './login-throttles.repository.js';

const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/** The key of an account's attempts; the same for an email with and without an account. */
const emailHashOf = (email: string) => createHash('sha256').update(email, 'utf8').digest();

/**
 * Slows down password guessing against one account, from however many addresses: after a few
 * failures each attempt must wait, doubling, and after many the account is locked for a while
 * (LOGIN_* settings). State lives in the database, so it holds across instances and restarts.
 */
@Injectable()
export class LoginThrottle implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LoginThrottle.name);
  private stopSweep: (() => void) | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
    private readonly throttles: LoginThrottlesRepository,
  ) {}

  onModuleInit(): void {
    this.stopSweep = repeatEvery(SWEEP_INTERVAL_MS, () => this.throttles.sweep(), this.logger);
  }

  onModuleDestroy(): void {
    this.stopSweep?.();
  }

  /**
   * Counts an attempt before its password is checked, so concurrent guesses cannot slip past the
   * count; throws 429 while the account must wait (the password is then not checked at all).
   * The caller reports the attempt's outcome on the answer.
   */
  async admit(email: string): Promise<LoginAttempt> {
    const emailHash = emailHashOf(email);
    const policy = this.config.loginThrottle;
    const counted = await this.db.sql.begin(async (tx) => {
      const state = await this.throttles.lock(emailHash, tx);
      if (state.waitSeconds > 0) return { waitSeconds: state.waitSeconds, failures: state.failures };
      const failures = state.failures + 1;
      await this.throttles.record(emailHash, failures, waitAfterFailures(failures, policy), tx);
      return { waitSeconds: 0, failures };
    });
    if (counted.waitSeconds > 0)
      throw rateLimited('Too many failed sign-in attempts for this account', counted.waitSeconds);
    return {
      succeeded: () => this.throttles.clear(emailHash),
      failed: () => {
        if (counted.failures !== policy.failuresBeforeLock) return;
        // Names the account by the start of its key: `printf %s <email> | sha256sum`.
        this.logger.warn(
          `Sign-in locked for ${policy.lockSeconds} s after ${counted.failures} failed attempts on account ${emailHash.toString('hex').slice(0, 12)}`,
        );
      },
    };
  }

  /** The account's password was just reset by its owner: a lock or wait from guesses ends. */
  async forget(email: string): Promise<void> {
    await this.throttles.clear(emailHashOf(email));
  }
}

/** One admitted sign-in attempt. */
export interface LoginAttempt {
  /** The password was right: the account's count starts again. */
  succeeded(): Promise<void>;
  /** The password was wrong (or the email unknown): the attempt stays counted. */
  failed(): void;
}
