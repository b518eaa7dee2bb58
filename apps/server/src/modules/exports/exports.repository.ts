import { Injectable } from '@nestjs/common';
import type { ThreadOutcome, ThreadStatus } from '@cw/shared';
import { Database } from '../../db/database.js';

/**
 * All SQL of the exports. Non-attributed by construction (SPEC §3): no query here selects a
 * participant's name, email or user id, except the author name that `includeNames` adds — and
 * the service asks for that only for an admin of a consultation in `named` mode. People are
 * counted for small-cell suppression inside SQL, so their ids never reach the application.
 */

/** Which input an export covers. */
export interface ExportScope {
  consultationId: string;
  /** Only this agenda session's questions; general input then falls outside. */
  sessionId: string | undefined;
  /** Adds the author's name; only for an admin in `named` mode (checked by the service). */
  includeNames: boolean;
}

export interface ConsultationFacts {
  title: string;
  timezone: string;
  kThreshold: number;
}

export interface SessionFacts {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
}

export interface QuestionFacts {
  id: string;
  number: number;
  text: string;
  sessionId: string | null;
  /** "1 Title" of each linked section, in paper order. */
  sections: string[];
}

export interface GroupFacts {
  id: string;
  name: string;
}

/** One comment that is not deleted, with its thread; ordered by question, thread, time. */
export interface InputRecord {
  threadId: string;
  questionId: string | null;
  /** "1 Title" of the anchored section, when the thread has a passage. */
  section: string | null;
  quote: string | null;
  status: ThreadStatus;
  outcome: ThreadOutcome | null;
  resolutionNote: string | null;
  /** The group of the comment that opened the thread (deleted or not). */
  threadGroupId: string;
  groupId: string;
  body: string;
  /** Only with `includeNames`. */
  authorName?: string;
}

/**
 * One figure of a count table with the distinct people behind it. Null keys are the table's
 * totals: `rowKey` null is a column total, `columnKey` null a row total, both null the grand total.
 */
export interface CountCell {
  rowKey: string | null;
  columnKey: string | null;
  count: number;
  people: number;
}

/** One CSV row; `date` is the day the comment was posted, in the consultation's time zone. */
export interface InputCsvRow {
  thread_number: number;
  group_name: string;
  question_number: number | null;
  question_text: string | null;
  section_number: string | null;
  section_title: string | null;
  quote: string | null;
  body: string;
  status: ThreadStatus;
  outcome: ThreadOutcome | null;
  day: string;
  author_name?: string;
}

/** Key of the general-input row (threads on no guiding question) in count tables. */
export const GENERAL_KEY = 'general';
/** Key of the still-open column in the outcome table. */
export const OPEN_KEY = 'open';

@Injectable()
export class ExportsRepository {
  constructor(private readonly db: Database) {}

  async consultation(consultationId: string): Promise<ConsultationFacts> {
    const [row] = await this.db.sql<{ title: string; timezone: string; k_threshold: number }[]>`
      SELECT title, timezone, k_threshold FROM consultations WHERE id = ${consultationId}`;
    return { title: row!.title, timezone: row!.timezone, kThreshold: row!.k_threshold };
  }

  async sessions(consultationId: string, sessionId?: string): Promise<SessionFacts[]> {
    const rows = await this.db.sql<{ id: string; title: string; starts_at: Date; ends_at: Date }[]>`
      SELECT id, title, starts_at, ends_at FROM agenda_sessions
      WHERE consultation_id = ${consultationId} ${sessionId ? this.db.sql`AND id = ${sessionId}` : this.db.sql``}
      ORDER BY starts_at, title`;
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
    }));
  }

  async questions(scope: ExportScope): Promise<QuestionFacts[]> {
    const sql = this.db.sql;
    const rows = await sql<
      { id: string; number: number; text: string; session_id: string | null; sections: string[] }[]
    >`
      SELECT q.id, q.number, q.text, q.session_id,
             coalesce(array_agg(s.number || ' ' || s.title ORDER BY s.position)
                      FILTER (WHERE s.id IS NOT NULL), '{}') AS sections
      FROM guiding_questions q
      LEFT JOIN guiding_question_sections qs ON qs.question_id = q.id
      LEFT JOIN sections s ON s.id = qs.section_id
      WHERE q.consultation_id = ${scope.consultationId} ${this.sessionFilter(scope)}
      GROUP BY q.id ORDER BY q.number`;
    return rows.map((row) => ({
      id: row.id,
      number: row.number,
      text: row.text,
      sessionId: row.session_id,
      sections: row.sections,
    }));
  }

  async groups(consultationId: string): Promise<GroupFacts[]> {
    return this.db.sql<GroupFacts[]>`
      SELECT id, name FROM stakeholder_groups WHERE consultation_id = ${consultationId} ORDER BY position`;
  }

  /** Every comment that is not deleted, with its thread, in the order the notes read them. */
  async input(scope: ExportScope): Promise<InputRecord[]> {
    const sql = this.db.sql;
    const rows = await sql<
      {
        thread_id: string;
        question_id: string | null;
        section: string | null;
        quote: string | null;
        status: ThreadStatus;
        outcome: ThreadOutcome | null;
        resolution_note: string | null;
        thread_group_id: string;
        group_id: string;
        body: string;
        author_name?: string;
      }[]
    >`
      SELECT t.id AS thread_id, t.question_id, s.number || ' ' || s.title AS section, t.quote,
             t.status, t.outcome, t.resolution_note,
             (SELECT o.author_group FROM comments o WHERE o.thread_id = t.id
              ORDER BY o.created_at, o.id LIMIT 1) AS thread_group_id,
             c.author_group AS group_id, c.body
             ${scope.includeNames ? sql`, u.name AS author_name` : sql``}
      FROM comments c
      JOIN threads t ON t.id = c.thread_id
      LEFT JOIN guiding_questions q ON q.id = t.question_id
      LEFT JOIN sections s ON s.id = t.section_id
      ${scope.includeNames ? sql`JOIN users u ON u.id = c.author_id` : sql``}
      WHERE t.consultation_id = ${scope.consultationId} AND c.deleted_at IS NULL ${this.sessionFilter(scope)}
      ORDER BY q.number NULLS LAST, t.created_at, t.id, c.created_at, c.id`;
    return rows.map((row) => ({
      threadId: row.thread_id,
      questionId: row.question_id,
      section: row.section,
      quote: row.quote,
      status: row.status,
      outcome: row.outcome,
      resolutionNote: row.resolution_note,
      threadGroupId: row.thread_group_id,
      groupId: row.group_id,
      body: row.body,
      ...(row.author_name === undefined ? {} : { authorName: row.author_name }),
    }));
  }

  /**
   * Comments (not deleted) per guiding question × stakeholder group, with every total, and the
   * distinct authors behind each figure. Row keys are question ids or GENERAL_KEY.
   */
  async commentsByGroup(scope: ExportScope): Promise<CountCell[]> {
    const sql = this.db.sql;
    return sql<CountCell[]>`
      SELECT CASE WHEN grouping(row_key) = 1 THEN NULL ELSE row_key END AS "rowKey",
             CASE WHEN grouping(c.author_group) = 1 THEN NULL ELSE c.author_group::text END AS "columnKey",
             count(*)::int AS count, count(DISTINCT c.author_id)::int AS people
      FROM comments c
      JOIN threads t ON t.id = c.thread_id
      LEFT JOIN guiding_questions q ON q.id = t.question_id
      CROSS JOIN LATERAL (SELECT coalesce(t.question_id::text, ${GENERAL_KEY}) AS row_key) k
      WHERE t.consultation_id = ${scope.consultationId} AND c.deleted_at IS NULL ${this.sessionFilter(scope)}
      GROUP BY GROUPING SETS ((row_key, c.author_group), (row_key), (c.author_group), ())`;
  }

  /**
   * Threads (with at least one comment not deleted) per guiding question × outcome, OPEN_KEY for
   * threads still open, with every total and the distinct authors of their comments.
   */
  async threadsByOutcome(scope: ExportScope): Promise<CountCell[]> {
    const sql = this.db.sql;
    return sql<CountCell[]>`
      SELECT CASE WHEN grouping(row_key) = 1 THEN NULL ELSE row_key END AS "rowKey",
             CASE WHEN grouping(column_key) = 1 THEN NULL ELSE column_key END AS "columnKey",
             count(DISTINCT t.id)::int AS count, count(DISTINCT c.author_id)::int AS people
      FROM comments c
      JOIN threads t ON t.id = c.thread_id
      LEFT JOIN guiding_questions q ON q.id = t.question_id
      CROSS JOIN LATERAL (SELECT coalesce(t.question_id::text, ${GENERAL_KEY}) AS row_key,
                                 coalesce(t.outcome, ${OPEN_KEY}) AS column_key) k
      WHERE t.consultation_id = ${scope.consultationId} AND c.deleted_at IS NULL ${this.sessionFilter(scope)}
      GROUP BY GROUPING SETS ((row_key, column_key), (row_key), (column_key), ())`;
  }

  /** How many rows `inputCsvRows` will yield (for progress; input posted meanwhile may add some). */
  async inputCount(scope: ExportScope): Promise<number> {
    const [row] = await this.db.sql<{ count: number }[]>`
      SELECT count(*)::int AS count
      FROM comments c
      JOIN threads t ON t.id = c.thread_id
      LEFT JOIN guiding_questions q ON q.id = t.question_id
      WHERE t.consultation_id = ${scope.consultationId} AND c.deleted_at IS NULL ${this.sessionFilter(scope)}`;
    return row!.count;
  }

  /**
   * Every comment that is not deleted, as CSV rows in batches; threads are numbered in the order
   * they appear. On Postgres the rows come through a cursor, `batchSize` at a time, so memory
   * stays flat however much input there is, and ending the iteration early closes the cursor.
   * PGlite has one connection for the whole server, and a cursor would hold it for as long as the
   * client takes to read; there the rows are read in one go (embedded mode serves workshop-sized
   * consultations).
   */
  inputCsvRows(scope: ExportScope, batchSize: number): AsyncIterable<InputCsvRow[]> {
    const sql = this.db.sql;
    const query = sql<InputCsvRow[]>`
      SELECT dense_rank() OVER (ORDER BY q.number NULLS LAST, t.created_at, t.id)::int AS thread_number,
             g.name AS group_name, q.number AS question_number, q.text AS question_text,
             s.number AS section_number, s.title AS section_title, t.quote, c.body,
             t.status, t.outcome,
             to_char(c.created_at AT TIME ZONE con.timezone, 'YYYY-MM-DD') AS day
             ${scope.includeNames ? sql`, u.name AS author_name` : sql``}
      FROM comments c
      JOIN threads t ON t.id = c.thread_id
      JOIN consultations con ON con.id = t.consultation_id
      JOIN stakeholder_groups g ON g.id = c.author_group
      LEFT JOIN guiding_questions q ON q.id = t.question_id
      LEFT JOIN sections s ON s.id = t.section_id
      ${scope.includeNames ? sql`JOIN users u ON u.id = c.author_id` : sql``}
      WHERE t.consultation_id = ${scope.consultationId} AND c.deleted_at IS NULL ${this.sessionFilter(scope)}
      ORDER BY q.number NULLS LAST, t.created_at, t.id, c.created_at, c.id`;
    if (this.db.kind === 'postgres') return query.cursor(batchSize);
    return (async function* () {
      yield await query;
    })();
  }

  /** Restricts to one session's questions; needs `q` joined as the guiding question. */
  private sessionFilter(scope: ExportScope) {
    return scope.sessionId ? this.db.sql`AND q.session_id = ${scope.sessionId}` : this.db.sql``;
  }
}
