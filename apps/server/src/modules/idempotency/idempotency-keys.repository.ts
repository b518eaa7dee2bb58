import { Injectable } from '@nestjs/common';
import { Database, type Queryable } from '../../db/database.js';

/** A key's earlier use: which request it was for, and what that request created. */
export interface StoredKey {
  requestHash: Buffer;
  resourceId: string;
}

/** All SQL of idempotency keys. */
@Injectable()
export class IdempotencyKeysRepository {
  constructor(private readonly db: Database) {}

  /**
   * Claims the key for this request in the caller's transaction; false when it is taken and
   * not expired. A concurrent claim of the same key waits here until the first transaction
   * ends, and then finds the key taken (or free, if that transaction rolled back).
   */
  async claim(
    claim: { userId: string; key: string; requestHash: Buffer; lifetimeHours: number },
    tx: Queryable,
  ): Promise<boolean> {
    const rows = await tx`
      INSERT INTO idempotency_keys AS k (user_id, key, request_hash, expires_at)
      VALUES (${claim.userId}, ${claim.key}, ${claim.requestHash},
              now() + make_interval(hours => ${claim.lifetimeHours}))
      ON CONFLICT (user_id, key) DO UPDATE
        SET request_hash = excluded.request_hash, resource_id = NULL, expires_at = excluded.expires_at
        WHERE k.expires_at <= now()
      RETURNING k.key`;
    return rows.length > 0;
  }

  /** The key's use, unless it has expired. */
  async find(userId: string, key: string, q: Queryable): Promise<StoredKey | undefined> {
    const [row] = await q<{ request_hash: Buffer; resource_id: string }[]>`
      SELECT request_hash, resource_id FROM idempotency_keys
      WHERE user_id = ${userId} AND key = ${key} AND expires_at > now()`;
    return row && { requestHash: row.request_hash, resourceId: row.resource_id };
  }

  async complete(userId: string, key: string, resourceId: string, tx: Queryable): Promise<void> {
    await tx`
      UPDATE idempotency_keys SET resource_id = ${resourceId} WHERE user_id = ${userId} AND key = ${key}`;
  }

  async sweep(): Promise<void> {
    await this.db.sql`DELETE FROM idempotency_keys WHERE expires_at <= now()`;
  }
}
