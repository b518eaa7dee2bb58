import { Injectable } from '@nestjs/common';
import { Database, type Queryable } from '../../db/database.js';

/** One-off data steps, recorded by name so each runs once per database, and what only they write. */
@Injectable()
export class SeedsRepository {
  constructor(private readonly db: Database) {}

  async isApplied(name: string, q: Queryable = this.db.sql): Promise<boolean> {
    const [row] = await q`SELECT 1 FROM seeds WHERE name = ${name}`;
    return row !== undefined;
  }

  /** False when another process recorded it first. */
  async markApplied(name: string, q: Queryable = this.db.sql): Promise<boolean> {
    const rows =
      await q`INSERT INTO seeds (name) VALUES (${name}) ON CONFLICT (name) DO NOTHING RETURNING name`;
    return rows.length === 1;
  }

  /** Names the member with this email rapporteur of the consultation's agenda sessions with these titles. */
  async nameRapporteur(
    consultationId: string,
    email: string,
    sessionTitles: readonly string[],
    q: Queryable,
  ): Promise<void> {
    await q`
      INSERT INTO session_rapporteurs (session_id, member_id)
      SELECT s.id, m.id
      FROM agenda_sessions s, members m JOIN users u ON u.id = m.user_id
      WHERE s.consultation_id = ${consultationId} AND s.title IN ${this.db.sql(sessionTitles)}
        AND m.consultation_id = ${consultationId} AND u.email = ${email}`;
  }
}
