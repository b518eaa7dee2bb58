import { Injectable } from '@nestjs/common';
import type { AgendaItemKind, AgendaSession } from '@cw/shared';
import { Database, type Queryable } from '../../db/database.js';

interface SessionRow {
  id: string;
  kind: AgendaItemKind;
  title: string;
  description: string;
  speakers: string[];
  starts_at: Date;
  ends_at: Date;
  section_ids: string[];
}

/** Session fields as stored; times are instants. */
export interface SessionInput {
  kind: AgendaItemKind;
  title: string;
  description: string;
  speakers: string[];
  startsAt: string;
  endsAt: string;
}

@Injectable()
export class AgendaSessionsRepository {
  constructor(private readonly db: Database) {}

  /** Ordered by start; `position` is the place in that order. Linked sections follow paper order. */
  async list(consultationId: string, q: Queryable = this.db.sql): Promise<AgendaSession[]> {
    const rows = await q<SessionRow[]>`
      SELECT a.id, a.kind, a.title, a.description, a.speakers, a.starts_at, a.ends_at,
        coalesce(array_agg(s.id ORDER BY s.position) FILTER (WHERE s.id IS NOT NULL), '{}') AS section_ids
      FROM agenda_sessions a
      LEFT JOIN agenda_session_sections l ON l.session_id = a.id
      LEFT JOIN sections s ON s.id = l.section_id
      WHERE a.consultation_id = ${consultationId}
      GROUP BY a.id
      ORDER BY a.starts_at, a.ends_at, a.title, a.id`;
    return rows.map((row, position) => ({
      id: row.id,
      kind: row.kind,
      title: row.title,
      description: row.description,
      speakers: row.speakers,
      startsAt: row.starts_at.toISOString(),
      endsAt: row.ends_at.toISOString(),
      sectionIds: row.section_ids,
      position,
    }));
  }

  /** Session times are entered as wall-clock times in this zone. */
  async consultationTimezone(consultationId: string, q: Queryable = this.db.sql): Promise<string> {
    const [row] = await q<
      { timezone: string }[]
    >`SELECT timezone FROM consultations WHERE id = ${consultationId}`;
    return row!.timezone;
  }

  async exists(consultationId: string, id: string, q: Queryable = this.db.sql): Promise<boolean> {
    return (await this.kindOf(consultationId, id, q)) !== undefined;
  }

  /** The item's kind, or undefined when it is not an agenda item of this consultation. */
  async kindOf(consultationId: string, id: string, q: Queryable = this.db.sql) {
    const [row] = await q<{ kind: AgendaItemKind }[]>`
      SELECT kind FROM agenda_sessions WHERE consultation_id = ${consultationId} AND id = ${id}`;
    return row?.kind;
  }

  async hasQuestions(id: string, q: Queryable = this.db.sql): Promise<boolean> {
    const [row] = await q`SELECT 1 FROM guiding_questions WHERE session_id = ${id} LIMIT 1`;
    return row !== undefined;
  }

  async insert(consultationId: string, input: SessionInput, q: Queryable = this.db.sql): Promise<string> {
    const [row] = await q<{ id: string }[]>`
      INSERT INTO agenda_sessions (consultation_id, kind, title, description, speakers, starts_at, ends_at)
      VALUES (${consultationId}, ${input.kind}, ${input.title}, ${input.description}, ${input.speakers}::text[],
              ${input.startsAt}, ${input.endsAt})
      RETURNING id`;
    return row!.id;
  }

  async update(consultationId: string, id: string, input: SessionInput, q: Queryable = this.db.sql) {
    await q`
      UPDATE agenda_sessions
      SET kind = ${input.kind}, title = ${input.title}, description = ${input.description}, speakers = ${input.speakers}::text[],
          starts_at = ${input.startsAt}, ends_at = ${input.endsAt}
      WHERE consultation_id = ${consultationId} AND id = ${id}`;
  }

  /** Replaces the session's linked sections. */
  async setSections(sessionId: string, sectionIds: string[], q: Queryable = this.db.sql) {
    await q`DELETE FROM agenda_session_sections WHERE session_id = ${sessionId}`;
    if (sectionIds.length === 0) return;
    await q`
      INSERT INTO agenda_session_sections (session_id, section_id)
      SELECT ${sessionId}, unnest(${sectionIds}::uuid[])`;
  }

  async delete(consultationId: string, id: string, q: Queryable = this.db.sql) {
    await q`DELETE FROM agenda_sessions WHERE consultation_id = ${consultationId} AND id = ${id}`;
  }
}
