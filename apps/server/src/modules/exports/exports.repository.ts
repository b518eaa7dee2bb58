import { Injectable } from '@nestjs/common';
import type {
  AgendaItemKind,
  LabelScope,
  Language,
  SuggestionOutcome,
  ThreadOutcome,
  ThreadStatus,
} from '@cw/shared';
import { Database } from '../../db/database.js';

/**
 * All SQL of the exports' input listings. Non-attributed by construction (SPEC §3): no query here
 * selects a participant's name, email or user id, except the author name that `includeNames`
 * adds — and the service asks for that only for an admin of a consultation in `named` mode, and
 * then only input made under `named` mode is read at all. Figures come from the statistics
 * module. A hidden comment's text is not in `comments.body` (see migration 0008).
 */

/** Which input an export covers. */
export interface ExportScope {
  consultationId: string;
  /** Only this agenda session's questions; general input then falls outside. */
  sessionId: string | undefined;
  /**
   * Adds the author's name and keeps only input made under `named` mode; only for an admin in
   * `named` mode (checked by the service).
   */
  includeNames: boolean;
}

export interface ConsultationFacts {
  title: string;
  timezone: string;
  kThreshold: number;
}

export interface SessionFacts {
  id: string;
  kind: AgendaItemKind;
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
  /** The group of the comment that opened the thread (deleted or not), and its label scope then. */
  opener: { groupId: string; labelScope: LabelScope };
  author: { groupId: string; labelScope: LabelScope };
  /** Empty when hidden. */
  body: string;
  isHidden: boolean;
  /** Only with `includeNames`. */
  authorName?: string;
}

/** A suggested change an editor decided, in paper order; only its suggester's group is kept. */
export interface SuggestionRecord {
  /** "1 Title" of its section. */
  section: string;
  outcome: SuggestionOutcome;
  reason: string;
  insertedText: string;
  deletedText: string;
  suggester: { groupId: string; labelScope: LabelScope };
  /** Only with `includeNames`. */
  authorName?: string;
}

/** One CSV row; `date` is the day the comment was posted, in the consultation's time zone. */
export interface InputCsvRow {
  thread_number: number;
  group_id: string;
  group_name: string;
  label_scope: LabelScope;
  is_hidden: boolean;
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

@Injectable()
export class ExportsRepository {
  constructor(private readonly db: Database) {}

  async consultation(consultationId: string): Promise<ConsultationFacts> {
    const [row] = await this.db.sql<{ title: string; timezone: string; k_threshold: number }[]>`
      SELECT title, timezone, k_threshold FROM consultations WHERE id = ${consultationId}`;
    return { title: row!.title, timezone: row!.timezone, kThreshold: row!.k_threshold };
  }

  /** The language the account chose for the app, if it chose one: its exports' default. */
  async accountLanguage(userId: string): Promise<Language | null> {
    const [row] = await this.db.sql<{ language: Language | null }[]>`
      SELECT language FROM users WHERE id = ${userId}`;
    return row?.language ?? null;
  }

  /** The agenda's items in order, review sessions and programme items alike, or the one asked for. */
  async sessions(consultationId: string, sessionId?: string): Promise<SessionFacts[]> {
    const rows = await this.db.sql<
      { id: string; kind: AgendaItemKind; title: string; starts_at: Date; ends_at: Date }[]
    >`
      SELECT id, kind, title, starts_at, ends_at FROM agenda_sessions
      WHERE consultation_id = ${consultationId}
        ${sessionId ? this.db.sql`AND id = ${sessionId}` : this.db.sql``}
      ORDER BY starts_at, title`;
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
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
      WHERE q.consultation_id = ${scope.consultationId}
        ${scope.sessionId ? sql`AND q.session_id = ${scope.sessionId}` : sql``}
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
        opener_group: string;
        opener_scope: LabelScope;
        group_id: string;
        label_scope: LabelScope;
        body: string;
        is_hidden: boolean;
        author_name?: string;
      }[]
    >`
      SELECT t.id AS thread_id, t.question_id, s.number || ' ' || s.title AS section, t.quote,
             t.status, t.outcome, t.resolution_note, o.author_group AS opener_group, o.label_scope AS opener_scope,
             c.author_group AS group_id, c.label_scope, c.body, ${this.isHidden()} AS is_hidden
             ${scope.includeNames ? sql`, u.name AS author_name` : sql``}
      FROM comments c
      JOIN threads t ON t.id = c.thread_id
      CROSS JOIN LATERAL (SELECT author_group, label_scope FROM comments f WHERE f.thread_id = t.id
                          ORDER BY f.created_at, f.id LIMIT 1) o
      LEFT JOIN guiding_questions q ON q.id = t.question_id
      LEFT JOIN sections s ON s.id = t.section_id
      ${scope.includeNames ? sql`JOIN users u ON u.id = c.author_id` : sql``}
      WHERE ${this.listed(scope)}
      ORDER BY q.number NULLS LAST, t.created_at, t.id, c.created_at, c.id`;
    return rows.map((row) => ({
      threadId: row.thread_id,
      questionId: row.question_id,
      section: row.section,
      quote: row.quote,
      status: row.status,
      outcome: row.outcome,
      resolutionNote: row.resolution_note,
      opener: { groupId: row.opener_group, labelScope: row.opener_scope },
      author: { groupId: row.group_id, labelScope: row.label_scope },
      body: row.body,
      isHidden: row.is_hidden,
      ...(row.author_name === undefined ? {} : { authorName: row.author_name }),
    }));
  }

  /**
   * The suggested changes editors accepted or rejected, by section in paper order, then in the
   * order they were decided; with a session, those in its sections. Suggesters of groups no
   * longer in the consultation are left out, as in the figures.
   */
  async decidedSuggestions(scope: ExportScope): Promise<SuggestionRecord[]> {
    const sql = this.db.sql;
    const rows = await sql<
      {
        section: string;
        outcome: SuggestionOutcome;
        reason: string;
        inserted_text: string;
        deleted_text: string;
        group_id: string;
        label_scope: LabelScope;
        author_name?: string;
      }[]
    >`
      SELECT sec.number || ' ' || sec.title AS section, s.outcome, s.reason, s.inserted_text, s.deleted_text,
             s.group_id, s.label_scope ${scope.includeNames ? sql`, u.name AS author_name` : sql``}
      FROM paper_suggestions s
      JOIN sections sec ON sec.id = s.section_id
      ${scope.includeNames ? sql`JOIN users u ON u.id = s.author_id` : sql``}
      WHERE s.consultation_id = ${scope.consultationId} AND s.outcome IN ('accepted', 'rejected')
        AND s.group_id IS NOT NULL
        ${
          scope.sessionId
            ? sql`AND s.section_id IN (SELECT section_id FROM agenda_session_sections WHERE session_id = ${scope.sessionId})`
            : sql``
        }
        ${scope.includeNames ? sql`AND s.attribution_mode = 'named'` : sql``}
      ORDER BY sec.position, sec.id, s.decided_at, s.suggestion_id`;
    return rows.map((row) => ({
      section: row.section,
      outcome: row.outcome,
      reason: row.reason,
      insertedText: row.inserted_text,
      deletedText: row.deleted_text,
      suggester: { groupId: row.group_id, labelScope: row.label_scope },
      ...(row.author_name === undefined ? {} : { authorName: row.author_name }),
    }));
  }

  /** How many rows `inputCsvRows` will yield (for progress; input posted meanwhile may add some). */
  async inputCount(scope: ExportScope): Promise<number> {
    const [row] = await this.db.sql<{ count: number }[]>`
      SELECT count(*)::int AS count
      FROM comments c
      JOIN threads t ON t.id = c.thread_id
      LEFT JOIN guiding_questions q ON q.id = t.question_id
      WHERE ${this.listed(scope)}`;
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
             c.author_group AS group_id, g.name AS group_name, c.label_scope, ${this.isHidden()} AS is_hidden,
             q.number AS question_number, q.text AS question_text,
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
      WHERE ${this.listed(scope)}
      ORDER BY q.number NULLS LAST, t.created_at, t.id, c.created_at, c.id`;
    if (this.db.kind === 'postgres') return query.cursor(batchSize);
    return (async function* () {
      yield await query;
    })();
  }

  /**
   * The comments an export lists: not deleted, on the session's questions when one is chosen,
   * and with names only those made under `named` mode. Needs `c`, `t` and `q` joined.
   */
  private listed(scope: ExportScope) {
    const sql = this.db.sql;
    return sql`t.consultation_id = ${scope.consultationId} AND c.deleted_at IS NULL
      ${scope.sessionId ? sql`AND q.session_id = ${scope.sessionId}` : sql``}
      ${scope.includeNames ? sql`AND c.attribution_mode = 'named'` : sql``}`;
  }

  private isHidden() {
    return this.db
      .sql`EXISTS (SELECT 1 FROM comment_moderations cm WHERE cm.comment_id = c.id AND cm.state = 'hidden')`;
  }
}
