import { Injectable } from '@nestjs/common';
import type { Role } from '@cw/shared';
import { Database } from '../../db/database.js';

/** The guiding questions and sections the dashboard covers: all, or one agenda session's. */
export interface DashboardScope {
  consultationId: string;
  sessionId: string | null;
}

/**
 * The dashboard's own SQL: what its tables are laid out by. The figures come from the statistics
 * module, which publishes them for the dashboard and the exports alike.
 */
@Injectable()
export class DashboardRepository {
  constructor(private readonly db: Database) {}

  async settings(consultationId: string) {
    const [row] = await this.db.sql<{ timezone: string; k_threshold: number }[]>`
      SELECT timezone, k_threshold FROM consultations WHERE id = ${consultationId}`;
    return { timezone: row!.timezone, kThreshold: row!.k_threshold };
  }

  async sessionExists(consultationId: string, sessionId: string): Promise<boolean> {
    const [row] = await this.db.sql`
      SELECT 1 FROM agenda_sessions WHERE consultation_id = ${consultationId} AND id = ${sessionId}`;
    return row !== undefined;
  }

  async sessions(consultationId: string) {
    return this.db.sql<{ id: string; title: string }[]>`
      SELECT id, title FROM agenda_sessions
      WHERE consultation_id = ${consultationId} AND kind = 'review'
      ORDER BY starts_at, id`;
  }

  async groups(consultationId: string) {
    return this.db.sql<{ id: string; name: string }[]>`
      SELECT id, name FROM stakeholder_groups WHERE consultation_id = ${consultationId}
      ORDER BY position, name`;
  }

  async questions(scope: DashboardScope) {
    return this.db.sql<{ id: string; number: number; text: string }[]>`
      SELECT id, number, text FROM guiding_questions q
      WHERE ${this.questionInScope(scope)}
      ORDER BY number`;
  }

  async sections(scope: DashboardScope) {
    return this.db.sql<{ id: string; number: string; title: string }[]>`
      SELECT id, number, title FROM sections s
      WHERE ${this.sectionInScope(scope)}
      ORDER BY position, id`;
  }

  /** The sections each guiding question is linked to. */
  async questionSections(consultationId: string) {
    return this.db.sql<{ question_id: string; section_id: string }[]>`
      SELECT l.question_id, l.section_id
      FROM guiding_question_sections l JOIN guiding_questions q ON q.id = l.question_id
      WHERE q.consultation_id = ${consultationId}`;
  }

  /** Invitations not revoked and members now in the group, per group. */
  async membership(consultationId: string) {
    return this.db.sql<{ group_id: string; invited: number; joined: number }[]>`
      SELECT g.id AS group_id,
        (SELECT count(*) FROM invitations i WHERE i.group_id = g.id AND i.revoked_at IS NULL) AS invited,
        (SELECT count(*) FROM members m WHERE m.group_id = g.id) AS joined
      FROM stakeholder_groups g WHERE g.consultation_id = ${consultationId}`;
  }

  /**
   * The roles held in each group: its members', and those of invitations still open. An
   * invitation that leaves the group to the invitee belongs to no group until it is accepted.
   */
  async seats(consultationId: string) {
    return this.db.sql<{ group_id: string; role: Role }[]>`
      SELECT group_id, role FROM members WHERE consultation_id = ${consultationId}
      UNION
      SELECT group_id, role FROM invitations
      WHERE consultation_id = ${consultationId} AND group_id IS NOT NULL
        AND revoked_at IS NULL AND used_at IS NULL AND expires_at > now()`;
  }

  private questionInScope(scope: DashboardScope) {
    const sql = this.db.sql;
    return sql`q.consultation_id = ${scope.consultationId}
      ${scope.sessionId ? sql`AND q.session_id = ${scope.sessionId}` : sql``}`;
  }

  private sectionInScope(scope: DashboardScope) {
    const sql = this.db.sql;
    return sql`s.consultation_id = ${scope.consultationId}
      ${
        scope.sessionId
          ? sql`AND s.id IN (SELECT section_id FROM agenda_session_sections WHERE session_id = ${scope.sessionId})`
          : sql``
      }`;
  }
}
