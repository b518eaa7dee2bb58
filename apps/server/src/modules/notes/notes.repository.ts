import { Injectable } from '@nestjs/common';
import type { PublishedNotesText, Role } from '@cw/shared';
import { Database, type Queryable } from '../../db/database.js';
import type { Person } from './chatham-check.js';
import type { NotesQuestion } from './notes-text.js';

/** An agenda session, as its notes are headed. */
export interface NotesSession {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
}

/** A rapporteur named for a session, with what the viewers may be shown of them. */
export interface RapporteurRow {
  session_id: string;
  member_id: string;
  user_id: string;
  name: string;
}

/** A session's latest publication. */
export interface Publication {
  sessionId: string;
  publishedAt: Date;
  content: PublishedNotesText;
}

/** The SQL of rapporteurs and of publishing sessions' notes. */
@Injectable()
export class NotesRepository {
  constructor(private readonly db: Database) {}

  /** The consultation's agenda sessions, in agenda order. */
  async sessions(consultationId: string, q: Queryable = this.db.sql): Promise<NotesSession[]> {
    const rows = await q<{ id: string; title: string; starts_at: Date; ends_at: Date }[]>`
      SELECT id, title, starts_at, ends_at FROM agenda_sessions
      WHERE consultation_id = ${consultationId}
      ORDER BY starts_at, ends_at, title, id`;
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
    }));
  }

  /** One agenda session of the consultation; locked for the transaction `q` with `forUpdate`. */
  async session(
    consultationId: string,
    sessionId: string,
    q: Queryable = this.db.sql,
    forUpdate = false,
  ): Promise<NotesSession | undefined> {
    const sql = this.db.sql;
    const [row] = await q<{ id: string; title: string; starts_at: Date; ends_at: Date }[]>`
      SELECT id, title, starts_at, ends_at FROM agenda_sessions
      WHERE consultation_id = ${consultationId} AND id = ${sessionId}
      ${forUpdate ? sql`FOR UPDATE` : sql``}`;
    return row && { id: row.id, title: row.title, startsAt: row.starts_at, endsAt: row.ends_at };
  }

  /** The guiding questions of a session, by number: the parts of its notes. */
  async questions(sessionId: string, q: Queryable = this.db.sql): Promise<NotesQuestion[]> {
    return q<NotesQuestion[]>`
      SELECT id, number, text FROM guiding_questions WHERE session_id = ${sessionId} ORDER BY number`;
  }

  /** Every session's rapporteurs, by name. */
  async rapporteurs(consultationId: string, q: Queryable = this.db.sql): Promise<RapporteurRow[]> {
    return q<RapporteurRow[]>`
      SELECT r.session_id, r.member_id, m.user_id, u.name
      FROM session_rapporteurs r
      JOIN agenda_sessions a ON a.id = r.session_id
      JOIN members m ON m.id = r.member_id
      JOIN users u ON u.id = m.user_id
      WHERE a.consultation_id = ${consultationId}
      ORDER BY lower(u.name), r.member_id`;
  }

  /** Whether the user is named a rapporteur of the session. */
  async isRapporteur(sessionId: string, userId: string): Promise<boolean> {
    const [row] = await this.db.sql`
      SELECT 1 FROM session_rapporteurs r JOIN members m ON m.id = r.member_id
      WHERE r.session_id = ${sessionId} AND m.user_id = ${userId}`;
    return row !== undefined;
  }

  /** Those of `memberIds` that are members of the consultation, with their role and name. */
  async members(
    consultationId: string,
    memberIds: string[],
    q: Queryable,
  ): Promise<Array<{ id: string; role: Role; name: string }>> {
    if (memberIds.length === 0) return [];
    return q<{ id: string; role: Role; name: string }[]>`
      SELECT m.id, m.role, u.name FROM members m JOIN users u ON u.id = m.user_id
      WHERE m.consultation_id = ${consultationId} AND m.id IN ${this.db.sql(memberIds)}`;
  }

  /** Replaces the session's rapporteurs. */
  async setRapporteurs(sessionId: string, memberIds: string[], q: Queryable): Promise<void> {
    await q`DELETE FROM session_rapporteurs WHERE session_id = ${sessionId}`;
    if (memberIds.length === 0) return;
    await q`
      INSERT INTO session_rapporteurs (session_id, member_id)
      SELECT ${sessionId}, unnest(${memberIds}::uuid[])`;
  }

  /** Everyone in the consultation, as the Chatham House check looks for them. */
  async people(consultationId: string): Promise<Person[]> {
    return this.db.sql<Person[]>`
      SELECT u.name, u.email FROM members m JOIN users u ON u.id = m.user_id
      WHERE m.consultation_id = ${consultationId}`;
  }

  /**
   * Stakeholder groups with members, but fewer than the consultation's k: naming one can single
   * out its members (the label rule never names them either).
   */
  async smallGroups(consultationId: string): Promise<string[]> {
    const rows = await this.db.sql<{ name: string }[]>`
      SELECT g.name FROM stakeholder_groups g
      JOIN consultations c ON c.id = g.consultation_id
      CROSS JOIN LATERAL (SELECT count(*) AS members FROM members m WHERE m.group_id = g.id) n
      WHERE g.consultation_id = ${consultationId} AND n.members > 0 AND n.members < c.k_threshold`;
    return rows.map((row) => row.name);
  }

  /** Each session's latest publication. */
  async latestPublications(consultationId: string): Promise<Map<string, Publication>> {
    const rows = await this.db.sql<{ session_id: string; published_at: Date; content: PublishedNotesText }[]>`
      SELECT DISTINCT ON (session_id) session_id, published_at, content
      FROM session_notes_publications
      WHERE consultation_id = ${consultationId}
      ORDER BY session_id, published_at DESC, id`;
    return new Map(
      rows.map((row) => [
        row.session_id,
        { sessionId: row.session_id, publishedAt: row.published_at, content: row.content },
      ]),
    );
  }

  /** Whether any session's notes of the consultation were published. */
  async anyPublished(consultationId: string): Promise<boolean> {
    const [row] = await this.db.sql`
      SELECT 1 FROM session_notes_publications WHERE consultation_id = ${consultationId} LIMIT 1`;
    return row !== undefined;
  }

  /** When the session's notes were last published, if ever. */
  async lastPublishedAt(sessionId: string, q: Queryable): Promise<Date | undefined> {
    const [row] = await q<{ published_at: Date }[]>`
      SELECT max(published_at) AS published_at FROM session_notes_publications WHERE session_id = ${sessionId}`;
    return row?.published_at ?? undefined;
  }

  async insertPublication(
    publication: { consultationId: string; sessionId: string; content: PublishedNotesText; userId: string },
    q: Queryable,
  ): Promise<Date> {
    const [row] = await q<{ published_at: Date }[]>`
      INSERT INTO session_notes_publications (consultation_id, session_id, content, published_by)
      VALUES (${publication.consultationId}, ${publication.sessionId}, ${this.db.sql.json(publication.content as never)},
              ${publication.userId})
      RETURNING published_at`;
    return row!.published_at;
  }
}
