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
  dimension: Dimension;
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
   * The input figures of all three tables, by group × column with row, column and grand totals
   * (GROUPING SETS), so a person or thread behind several cells counts once in each total. One
   * pass over the input sums it per person and cell of each table, which leaves a few thousand
   * rows for the distinct counts however much input there is.
   */
  async figures(scope: DashboardScope): Promise<Record<Dimension, FigureRow[]>> {
    const rows = await this.db.sql.begin(async (tx) => {
      // Enough memory to hash the per-person sums of 100k comments instead of sorting them on disk.
      await tx`SET LOCAL work_mem = '32MB'`;
      return tx<FigureDbRow[]>`
      WITH ${this.inputEvents(scope)},
      per_person AS (
        SELECT GROUPING(question_id, section_id, day) AS grouping_set, group_id, user_id, question_id,
          section_id, day, is_in_scope, sum(threads)::int AS threads, sum(comments)::int AS comments,
          sum(endorsements)::int AS endorsements, sum(chars)::int AS chars
        FROM events
        GROUP BY GROUPING SETS ((group_id, user_id, question_id), (group_id, user_id, section_id),
          (group_id, user_id, day, is_in_scope))
      ),
      cells AS (
        SELECT CASE grouping_set WHEN 3 THEN 'question' WHEN 5 THEN 'section' ELSE 'day' END AS dimension,
          coalesce(question_id::text, section_id::text, day::text) AS column_key, group_id, user_id,
          threads, comments, endorsements, chars
        FROM per_person
        WHERE CASE grouping_set
          WHEN 3 THEN question_id IN (SELECT id FROM guiding_questions q WHERE ${this.questionInScope(scope)})
          WHEN 5 THEN section_id IN (SELECT id FROM sections s WHERE ${this.sectionInScope(scope)})
          ELSE is_in_scope END
      )
      SELECT dimension, group_id, column_key,
        GROUPING(column_key) = 1 AS is_row_total, GROUPING(group_id) = 1 AS is_column_total,
        sum(threads)::bigint AS threads, sum(comments)::bigint AS comments,
        sum(endorsements)::bigint AS endorsements, sum(chars)::bigint AS chars_edited,
        count(DISTINCT user_id) AS participants
      FROM cells
      GROUP BY GROUPING SETS ((dimension, group_id, column_key), (dimension, group_id),
        (dimension, column_key), (dimension))`;
    });
    const byDimension: Record<Dimension, FigureRow[]> = { question: [], section: [], day: [] };
    for (const row of rows) {
      byDimension[row.dimension].push({
        groupId: row.is_column_total ? null : row.group_id,
        columnKey: row.is_row_total ? null : row.column_key,
        figures: {
          threads: row.threads,
          comments: row.comments,
          endorsements: row.endorsements,
          charsEdited: row.chars_edited,
          participants: row.participants,
        },
      });
    }
    return byDimension;
  }

  /**
   * Every piece of input as one row with what it adds: comments not deleted, the opening of
   * each thread (under the group of its first comment, even when that comment was deleted since),
   * endorsements and paper edits. Edits by groups no longer in the consultation are left out so
   * totals match the cells.
   */
  private inputEvents(scope: DashboardScope) {
    const sql = this.db.sql;
    const id = scope.consultationId;
    const tz = scope.timezone;
    // Per input row, the day in the consultation's zone is found by binary search among the zone's
    // midnights and the phase filter is one multirange test: converting every timestamp to the
    // zone, or a subquery per row, costs more than the rest of the query.
    const day = (at: Fragment) =>
      sql`(x.first_day + width_bucket(date_part('epoch', ${at}), x.midnights) - 1)`;
    const inPhase = (at: Fragment) => (scope.phase ? sql`x.phase_periods @> ${at}` : sql`true`);
    const editInScope = scope.sessionId
      ? sql`pc.section_id IN (SELECT id FROM sections s WHERE ${this.sectionInScope(scope)})`
      : sql`true`;
    return sql`
      periods AS (
        SELECT phase, changed_at AS starts FROM consultation_phase_changes WHERE consultation_id = ${id}
      ),
      lookup AS (
        SELECT days.first_day, days.midnights, history.phase_periods
        FROM (
          SELECT min(d)::date AS first_day, array_agg(date_part('epoch', d AT TIME ZONE ${tz}) ORDER BY d) AS midnights
          FROM generate_series(
            date_trunc('day', (SELECT min(created_at) FROM threads WHERE consultation_id = ${id}) AT TIME ZONE ${tz}),
            now() AT TIME ZONE ${tz} + interval '1 day', interval '1 day') AS d
        ) days,
        -- When the consultation was in the filtered phase (null: never, so nothing matches).
        (
          SELECT range_agg(tstzrange(starts, ends)) AS phase_periods
          FROM (SELECT phase, starts, lead(starts) OVER (ORDER BY starts) AS ends FROM periods) p
          WHERE phase = ${scope.phase ?? null}
        ) history
      ),
      scoped_threads AS (
        SELECT id, question_id, section_id, ${this.inputInScope(scope)} AS is_in_scope
        FROM threads WHERE consultation_id = ${id}
      ),
      openings AS (
        SELECT t.question_id, t.section_id, t.is_in_scope, o.author_id, o.author_group, o.created_at
        FROM scoped_threads t
        CROSS JOIN LATERAL (
          SELECT c.author_id, c.author_group, c.created_at FROM comments c
          WHERE c.thread_id = t.id ORDER BY c.created_at, c.id LIMIT 1
        ) o
      ),
      events AS (
        SELECT c.author_id AS user_id, c.author_group AS group_id, t.question_id, t.section_id, t.is_in_scope,
          ${day(sql`c.created_at`)} AS day, 0 AS threads, 1 AS comments, 0 AS endorsements, 0 AS chars
        FROM comments c JOIN scoped_threads t ON t.id = c.thread_id CROSS JOIN lookup x
        WHERE c.deleted_at IS NULL AND ${inPhase(sql`c.created_at`)}
        UNION ALL
        SELECT o.author_id, o.author_group, o.question_id, o.section_id, o.is_in_scope,
          ${day(sql`o.created_at`)}, 1, 0, 0, 0
        FROM openings o CROSS JOIN lookup x
        WHERE ${inPhase(sql`o.created_at`)}
        UNION ALL
        SELECT e.user_id, e.group_id, t.question_id, t.section_id, t.is_in_scope, ${day(sql`e.created_at`)}, 0, 0, 1, 0
        FROM endorsements e JOIN comments c ON c.id = e.comment_id JOIN scoped_threads t ON t.id = c.thread_id
          CROSS JOIN lookup x
        WHERE ${inPhase(sql`e.created_at`)}
        UNION ALL
        SELECT pc.user_id, pc.group_id, NULL, pc.section_id, ${editInScope},
          pc.day, 0, 0, 0, (pc.chars_inserted + pc.chars_deleted)::int
        FROM paper_contributions pc
        WHERE pc.consultation_id = ${id} AND ${this.dayInPhase(scope, sql`pc.day`)}
          AND pc.group_id IN (SELECT id FROM stakeholder_groups WHERE consultation_id = ${id})
      )`;
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
