import { Injectable } from '@nestjs/common';
import { Database, type Queryable } from '../../db/database.js';

/** An account's attempts as the database clock sees them now. */
export interface AttemptState {
  failures: number;
  /** Seconds until the next attempt may be checked; 0 when it may be now. */
  waitSeconds: number;
}

/** Failures older than this are forgotten: the count starts again. */
const FORGET_AFTER = '24 hours';

/** All SQL of per-account sign-in throttling. */
@Injectable()
export class LoginThrottlesRepository {
  constructor(private readonly db: Database) {}

  /** The account's attempts, row-locked until the caller's transaction ends. */
  async lock(emailHash: Buffer, tx: Queryable): Promise<AttemptState> {
    await tx`
      INSERT INTO login_throttles (email_hash, failures, last_attempt_at)
      VALUES (${emailHash}, 0, now()) ON CONFLICT (email_hash) DO NOTHING`;
    const [row] = await tx<{ failures: number; wait_seconds: number }[]>`
      SELECT CASE WHEN last_attempt_at < now() - ${FORGET_AFTER}::interval THEN 0 ELSE failures END
               AS failures,
             greatest(0, extract(epoch FROM blocked_until - now()))::float8 AS wait_seconds
      FROM login_throttles WHERE email_hash = ${emailHash}
      FOR UPDATE`;
    return { failures: row!.failures, waitSeconds: row!.wait_seconds };
  }

  async record(emailHash: Buffer, failures: number, waitSeconds: number, tx: Queryable): Promise<void> {
    await tx`
      UPDATE login_throttles
      SET failures = ${failures}, last_attempt_at = now(),
          blocked_until = CASE WHEN ${waitSeconds}::float8 > 0
                               THEN now() + make_interval(secs => ${waitSeconds}) END
      WHERE email_hash = ${emailHash}`;
  }

  async clear(emailHash: Buffer): Promise<void> {
    await this.db.sql`DELETE FROM login_throttles WHERE email_hash = ${emailHash}`;
  }

  /** Removes the rows whose failures are forgotten and whose wait is over. */
  async sweep(): Promise<void> {
    await this.db.sql`
      DELETE FROM login_throttles
      WHERE last_attempt_at < now() - ${FORGET_AFTER}::interval
        AND (blocked_until IS NULL OR blocked_until < now())`;
  }
}
