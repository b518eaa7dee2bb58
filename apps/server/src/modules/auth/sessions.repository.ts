import { Injectable } from '@nestjs/common';
import { Database, type Queryable } from '../../db/database.js';

export interface SessionRow {
  session_id: string;
  user_id: string;
  email: string;
  name: string;
  is_organiser: boolean;
  expires_at: Date;
}

@Injectable()
export class SessionsRepository {
  constructor(private readonly db: Database) {}

  async create(userId: string, tokenHash: Buffer, expiresAt: Date, q: Queryable = this.db.sql) {
    const [row] = await q<{ id: string }[]>`
      INSERT INTO sessions (user_id, token_hash, expires_at)
      VALUES (${userId}, ${tokenHash}, ${expiresAt})
      RETURNING id`;
    return row!.id;
  }

  /** The live session for a token hash with its user; expired sessions are not returned. */
  async findActive(tokenHash: Buffer): Promise<SessionRow | undefined> {
    const [row] = await this.db.sql<SessionRow[]>`
      SELECT s.id AS session_id, u.id AS user_id, u.email, u.name, u.is_organiser, s.expires_at
      FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = ${tokenHash} AND s.expires_at > now()`;
    return row;
  }

  /** Which of these sessions are still valid (not logged out, not expired). */
  async liveSessions(sessionIds: string[]): Promise<Set<string>> {
    if (sessionIds.length === 0) return new Set();
    const rows = await this.db.sql<{ id: string }[]>`
      SELECT id FROM sessions WHERE id IN ${this.db.sql(sessionIds)} AND expires_at > now()`;
    return new Set(rows.map((row) => row.id));
  }

  async delete(sessionId: string): Promise<void> {
    await this.db.sql`DELETE FROM sessions WHERE id = ${sessionId}`;
  }

  /** Ends every session of the account; returns their ids. */
  async deleteAllOf(userId: string, q: Queryable): Promise<string[]> {
    const rows = await q<{ id: string }[]>`DELETE FROM sessions WHERE user_id = ${userId} RETURNING id`;
    return rows.map((row) => row.id);
  }

  /** Housekeeping: expired sessions are useless and would grow the table forever. */
  async deleteExpired(): Promise<number> {
    const result = await this.db.sql`DELETE FROM sessions WHERE expires_at <= now()`;
    return result.count;
  }
}
