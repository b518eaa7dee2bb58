import { Injectable } from '@nestjs/common';
import { PASSWORD_RESET_MINUTES } from '@cw/shared';
import { Database, type Queryable } from '../../db/database.js';

/** All SQL of password reset links; the database's clock decides when one has expired. */
@Injectable()
export class PasswordResetsRepository {
  constructor(private readonly db: Database) {}

  async create(userId: string, tokenHash: Buffer, q: Queryable): Promise<void> {
    await q`
      INSERT INTO password_resets (token_hash, user_id, expires_at)
      VALUES (${tokenHash}, ${userId}, now() + make_interval(mins => ${PASSWORD_RESET_MINUTES}))`;
  }

  /** Links made for the account within the last hour, used or not. */
  async madeWithinHour(userId: string, q: Queryable): Promise<number> {
    const [row] = await q<{ count: number }[]>`
      SELECT count(*)::int AS count FROM password_resets
      WHERE user_id = ${userId} AND created_at > now() - interval '1 hour'`;
    return row!.count;
  }

  /**
   * Uses up the link if it is unused and unexpired, together with every other open link of its
   * account; answers the account, or undefined when the link cannot be used.
   */
  async consume(tokenHash: Buffer, tx: Queryable): Promise<string | undefined> {
    const [row] = await tx<{ user_id: string }[]>`
      UPDATE password_resets SET used_at = now()
      WHERE token_hash = ${tokenHash} AND used_at IS NULL AND expires_at > now()
      RETURNING user_id`;
    if (!row) return undefined;
    await tx`UPDATE password_resets SET used_at = now() WHERE user_id = ${row.user_id} AND used_at IS NULL`;
    return row.user_id;
  }

  /** Housekeeping: links a day past their expiry tell nothing any more. */
  async sweep(): Promise<void> {
    await this.db.sql`DELETE FROM password_resets WHERE expires_at < now() - interval '1 day'`;
  }
}
