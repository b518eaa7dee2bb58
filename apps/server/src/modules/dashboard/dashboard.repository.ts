import { Injectable } from '@nestjs/common';
import type { Phase } from '@cw/shared';
import type { PendingQuery, Row } from 'postgres';
import { Database } from '../../db/database.js';
import type { FigureRow } from './dashboard-tables.js';

type Fragment = PendingQuery<Row[]>;

/** What the dashboard is narrowed to. */
export interface DashboardScope {
  consultationId: string;
  /** The consultation's time zone, for the day of each comment and endorsement. */
  timezone: string;
  sessionId: string | null;
  phase: Phase | null;
}

/** The columns an input table is grouped by. */
export type Dimension = 'question' | 'section' | 'day';

interface FigureDbRow {
  group_id: string | null;
  column_key: string | null;
  is_row_total: boolean;
  is_column_total: boolean;
  threads: number;
  comments: number;
  endorsements: number;
  chars_edited: number;
  participants: number;
}

/** All SQL of the dashboard: aggregate queries only; no row leaves with a person in it. */
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
      SELECT id, title FROM agenda_sessions WHERE consultation_id = ${consultationId}
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
   * The input figures by group × column, with row, column and grand totals, in one pass
   * (GROUPING SETS), so a person or thread behind several cells counts once in each total.
   */
  async figures(scope: DashboardScope, dimension: Dimension): Promise<FigureRow[]> {
    const sql = this.db.sql;
    const column =
      dimension === 'question' ? sql`question_id` : dimension === 'section' ? sql`section_id` : sql`day`;
    const inColumns =
      dimension === 'question'
        ? sql`question_id IN (SELECT id FROM guiding_questions q WHERE ${this.questionInScope(scope)})`
        : dimension === 'section'
          ? sql`section_id IN (SELECT id FROM sections s WHERE ${this.sectionInScope(scope)})`
          : this.inputInScope(scope);
    const rows = await sql<FigureDbRow[]>`
      WITH ${this.inputEvents(scope)}
      SELECT group_id, ${column}::text AS column_key,
        GROUPING(${column}) = 1 AS is_row_total, GROUPING(group_id) = 1 AS is_column_total,
        count(*) FILTER (WHERE opens_thread) AS threads,
        count(*) FILTER (WHERE kind = 'comment' AND is_live) AS comments,
        count(*) FILTER (WHERE kind = 'endorsement') AS endorsements,
        coalesce(sum(chars) FILTER (WHERE kind = 'edit'), 0)::bigint AS chars_edited,
        count(DISTINCT user_id) AS participants
      FROM events
      WHERE ${inColumns}
      GROUP BY GROUPING SETS ((group_id, ${column}), (group_id), (${column}), ())`;
    return rows.map((row) => ({
      groupId: row.is_column_total ? null : row.group_id,
      columnKey: row.is_row_total ? null : row.column_key,
      figures: {
        threads: row.threads,
        comments: row.comments,
        endorsements: row.endorsements,
        charsEdited: row.chars_edited,
        participants: row.participants,
      },
    }));
  }

  /**
   * Every piece of input as one row: comments (the first of a thread opens it; a deleted one
   * still counts as the opening, not as a comment), endorsements and paper edits. Rows of groups
   * that are no longer in the consultation are left out so totals match the cells.
   */
  private inputEvents(scope: DashboardScope) {
    const sql = this.db.sql;
    const id = scope.consultationId;
    const commentTime = this.inPhase(scope, sql`c.created_at`);
    const endorsementTime = this.inPhase(scope, sql`e.created_at`);
    const editDay = this.dayInPhase(scope, sql`pc.day`);
    return sql`
      periods AS (
        SELECT phase, changed_at AS starts, lead(changed_at) OVER (ORDER BY changed_at) AS ends
        FROM consultation_phase_changes WHERE consultation_id = ${id}
      ),
      groups AS (SELECT id FROM stakeholder_groups WHERE consultation_id = ${id}),
      ranked AS (
        SELECT c.author_id, c.author_group, c.created_at, c.deleted_at, t.question_id, t.section_id,
          row_number() OVER (PARTITION BY c.thread_id ORDER BY c.created_at, c.id) = 1 AS opens_thread
        FROM comments c JOIN threads t ON t.id = c.thread_id
        WHERE t.consultation_id = ${id}
      ),
      events AS (
        SELECT 'comment' AS kind, c.author_id AS user_id, c.author_group AS group_id, c.question_id,
          c.section_id, (c.created_at AT TIME ZONE ${scope.timezone})::date AS day, 0::bigint AS chars,
          c.opens_thread, c.deleted_at IS NULL AS is_live
        FROM ranked c
        WHERE (c.deleted_at IS NULL OR c.opens_thread) AND ${commentTime}
        UNION ALL
        SELECT 'endorsement', e.user_id, e.group_id, t.question_id, t.section_id,
          (e.created_at AT TIME ZONE ${scope.timezone})::date, 0, false, true
        FROM endorsements e JOIN comments c ON c.id = e.comment_id JOIN threads t ON t.id = c.thread_id
        WHERE t.consultation_id = ${id} AND ${endorsementTime}
        UNION ALL
        SELECT 'edit', pc.user_id, pc.group_id, NULL, pc.section_id, pc.day,
          pc.chars_inserted + pc.chars_deleted, false, true
        FROM paper_contributions pc
        WHERE pc.consultation_id = ${id} AND pc.group_id IN (SELECT id FROM groups) AND ${editDay}
      )`;
  }

  /** An instant fell in a period of the filtered phase. */
  private inPhase(scope: DashboardScope, at: Fragment) {
    const sql = this.db.sql;
    if (!scope.phase) return sql`true`;
    return sql`EXISTS (SELECT 1 FROM periods p WHERE p.phase = ${scope.phase}
      AND ${at} >= p.starts AND (p.ends IS NULL OR ${at} < p.ends))`;
  }

  /**
   * Paper edits are counted per (server) day, so a day's edits count under the phase in force at
   * the end of that day: each day falls in exactly one phase and the phases add up to the whole.
   */
  private dayInPhase(scope: DashboardScope, day: Fragment) {
    const sql = this.db.sql;
    if (!scope.phase) return sql`true`;
    return sql`(SELECT p.phase FROM periods p WHERE p.starts < (${day} + 1)::timestamptz
      ORDER BY p.starts DESC LIMIT 1) = ${scope.phase}`;
  }

  /** Input on the session's questions or sections; everything when no session is chosen. */
  private inputInScope(scope: DashboardScope) {
    const sql = this.db.sql;
    if (!scope.sessionId) return sql`true`;
    return sql`(question_id IN (SELECT id FROM guiding_questions q WHERE ${this.questionInScope(scope)})
      OR section_id IN (SELECT id FROM sections s WHERE ${this.sectionInScope(scope)}))`;
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
