import { Injectable } from '@nestjs/common';
import {
  LABEL_SCOPES,
  type LabelScope,
  PARTICIPANT_ROW_KEY,
  type Phase,
  POOLED_ROW_KEY,
  type SuggestionState,
} from '@cw/shared';
import type { PendingQuery, Row } from 'postgres';
import { Database } from '../../db/database.js';

type Fragment = PendingQuery<Row[]>;

/**
 * What input the figures cover, and how they are published. With `disclosure`, every figure is
 * published (SPEC §3): rows are k-anonymous labels, and input from cells of the finest breakdown
 * drawn from fewer than `k` people is left out of every figure (see docs/architecture.md,
 * "Published figures"). Without it the figures are exact and rows are stakeholder groups.
 */
export interface FiguresScope {
  consultationId: string;
  /** The consultation's time zone, for the day of each piece of input. */
  timezone: string;
  disclosure: { k: number; labelScopes: Readonly<Record<string, LabelScope>> } | null;
  /** Only input made in this phase. */
  phase: Phase | null;
  /** Only input made on this day (`YYYY-MM-DD`, consultation's zone; edits: the server's day). */
  day: string | null;
  /** The agenda session `inSessionOnly` tables keep input of: its questions and its sections. */
  sessionId: string | null;
}

/**
 * What a table is broken down by. `row`: the stakeholder group, or in published figures its
 * k-anonymous label (a group id, `pool` or `participant`); `question`: a guiding question's id, or
 * `general` for threads on none; `section`: the anchored, edited or suggested-in section; `day`;
 * `outcome`: a thread's outcome, or `open`; a suggestion's state (`suggestionStateKey`).
 */
export type Dimension = 'row' | 'question' | 'section' | 'day' | 'outcome';

export interface TableSpec {
  name: string;
  row: Dimension;
  column: Dimension;
  /** Only these keys of the row or column dimension; every key when absent. */
  rowKeys?: readonly string[];
  columnKeys?: readonly string[];
  /** Only input on the scope's agenda session (its questions or sections). */
  inSessionOnly?: boolean;
}

export interface ExactFigures {
  threads: number;
  comments: number;
  endorsements: number;
  suggestions: number;
  charsEdited: number;
  participants: number;
}

/** One cell or total of a table; null keys are totals. */
export interface FigureRow {
  table: string;
  rowKey: string | null;
  columnKey: string | null;
  /** Published: the input of cells drawn from at least k people only. */
  figures: ExactFigures;
  /** Some of the input behind it was left out (cells of fewer than k people). */
  isPartial: boolean;
}

interface FigureDbRow {
  table_name: string;
  row_key: string | null;
  column_key: string | null;
  is_row_total: boolean;
  is_column_total: boolean;
  threads: number;
  comments: number;
  endorsements: number;
  suggestions: number;
  chars_edited: number;
  participants: number;
  is_partial: boolean;
}

/** Key of threads on no guiding question in the `question` dimension. */
export const GENERAL_KEY = 'general';
/** Key of open threads in the `outcome` dimension. */
export const OPEN_KEY = 'open';

/**
 * Key of suggestions in `state` in the `outcome` dimension: apart from the threads' outcomes, so
 * no finest cell holds both (a table of suggestions alone must not publish a part of a cell).
 */
export function suggestionStateKey(state: SuggestionState): string {
  return `${SUGGESTION_STATE_PREFIX}${state}`;
}
const SUGGESTION_STATE_PREFIX = 'suggestion:';

/**
 * The input figures behind the dashboard and the exports' tables: aggregate queries only, and
 * no row leaves with a person in it.
 *
 * Every piece of input falls in exactly one cell of the finest breakdown: row (group or label),
 * guiding question, section, day, phase and thread outcome. Every table cell, total and filtered
 * view anyone can ask for is a union of such cells. Published figures count only the input of
 * finest cells drawn from at least k distinct people; so each published figure is a sum over
 * cells that are themselves publishable, and no published figure, nor any difference or other
 * combination of them, depends on the input of a cell below k.
 */
@Injectable()
export class InputFiguresRepository {
  constructor(private readonly db: Database) {}

  async tables(scope: FiguresScope, specs: readonly TableSpec[]): Promise<FigureRow[]> {
    const sql = this.db.sql;
    const k = scope.disclosure?.k ?? 0;
    const keyOf: Record<Dimension, Fragment> = {
      row: sql`a.row_key`,
      question: sql`a.question_key`,
      section: sql`a.section_id::text`,
      day: sql`a.day::text`,
      outcome: sql`a.outcome`,
    };
    const among = (key: Fragment, keys: readonly string[] | undefined) =>
      keys ? sql`AND ${key} = ANY(${sql.array([...keys])}::text[])` : sql``;
    // Each person's input per table cell, published or not: a few thousand rows whatever the volume.
    const tables = specs
      .map(
        (spec) => sql`
        SELECT ${spec.name} AS table_name, ${keyOf[spec.row]} AS row_key, ${keyOf[spec.column]} AS column_key,
          a.user_id, p.people >= ${k} AS is_published, sum(a.threads) AS threads, sum(a.comments) AS comments,
          sum(a.endorsements) AS endorsements, sum(a.suggestions) AS suggestions, sum(a.chars) AS chars
        FROM keyed a JOIN people p ON p.cell = a.cell
        WHERE ${keyOf[spec.row]} IS NOT NULL AND ${keyOf[spec.column]} IS NOT NULL
          ${among(keyOf[spec.row], spec.rowKeys)} ${among(keyOf[spec.column], spec.columnKeys)}
          ${spec.inSessionOnly ? sql`AND a.is_in_session` : sql``}
        GROUP BY 1, 2, 3, 4, 5`,
      )
      .reduce((union, table) => sql`${union} UNION ALL ${table}`);
    const rows = await sql.begin(async (tx) => {
      // Enough memory to hash the per-person sums of 100k comments instead of sorting them on disk.
      await tx`SET LOCAL work_mem = '32MB'`;
      return tx<FigureDbRow[]>`
      WITH ${this.inputEvents(scope)},
      per_person AS (
        SELECT ${this.rowKey(scope)} AS row_key, e.question_key, e.section_id, e.day, e.phase, e.outcome,
          bool_or(e.is_in_session) AS is_in_session, e.user_id, sum(e.threads)::int AS threads,
          sum(e.comments)::int AS comments, sum(e.endorsements)::int AS endorsements,
          sum(e.suggestions)::int AS suggestions, sum(e.chars)::int AS chars
        FROM events e
        WHERE ${scope.phase ? sql`e.phase = ${scope.phase}` : sql`true`}
          AND ${scope.day ? sql`e.day = ${scope.day}::date` : sql`true`}
        GROUP BY 1, e.question_key, e.section_id, e.day, e.phase, e.outcome, e.user_id
      ),
      -- One text key per finest cell, so its people are counted and joined back by hashing rather
      -- than by sorting every person's row (the keys' NULLs become empty strings).
      keyed AS (
        SELECT *, format('%s|%s|%s|%s|%s|%s', row_key, question_key, section_id, day, phase, outcome) AS cell
        FROM per_person
      ),
      people AS (SELECT cell, count(*) AS people FROM keyed GROUP BY cell),
      cells AS (${tables})
      SELECT table_name, row_key, column_key,
        GROUPING(column_key) = 1 AS is_row_total, GROUPING(row_key) = 1 AS is_column_total,
        coalesce(sum(threads) FILTER (WHERE is_published), 0)::bigint AS threads,
        coalesce(sum(comments) FILTER (WHERE is_published), 0)::bigint AS comments,
        coalesce(sum(endorsements) FILTER (WHERE is_published), 0)::bigint AS endorsements,
        coalesce(sum(suggestions) FILTER (WHERE is_published), 0)::bigint AS suggestions,
        coalesce(sum(chars) FILTER (WHERE is_published), 0)::bigint AS chars_edited,
        count(DISTINCT user_id) FILTER (WHERE is_published) AS participants,
        bool_or(NOT is_published) AS is_partial
      FROM cells
      GROUP BY GROUPING SETS ((table_name, row_key, column_key), (table_name, row_key), (table_name, column_key),
        (table_name))`;
    });
    return rows.map((row) => ({
      table: row.table_name,
      rowKey: row.is_column_total ? null : row.row_key,
      columnKey: row.is_row_total ? null : row.column_key,
      figures: {
        threads: row.threads,
        comments: row.comments,
        endorsements: row.endorsements,
        suggestions: row.suggestions,
        charsEdited: row.chars_edited,
        participants: row.participants,
      },
      isPartial: row.is_partial,
    }));
  }

  /**
   * Every piece of input as one row with its finest cell and what it adds: comments not deleted
   * (hidden ones included: they stay counted), the opening of each thread (under its first
   * comment's author, even when that comment was deleted since), endorsements, suggested changes
   * (under their suggester's group, on the day and in the phase they were made) and paper edits.
   * Edits and suggestions by groups no longer in the consultation are left out so totals match
   * the cells.
   */
  private inputEvents(scope: FiguresScope) {
    const sql = this.db.sql;
    const id = scope.consultationId;
    const tz = scope.timezone;
    // Per input row, the day in the consultation's zone and the phase are each found by binary
    // search (among the zone's midnights, among the phase changes): converting every timestamp to
    // the zone, or a subquery per row, costs more than the rest of the query.
    const day = (at: Fragment) =>
      sql`(x.first_day + width_bucket(date_part('epoch', ${at}), x.midnights) - 1)`;
    const phase = (at: Fragment) => sql`x.phases[width_bucket(date_part('epoch', ${at}), x.phase_starts)]`;
    const sessionQuestions = sql`SELECT id FROM guiding_questions WHERE session_id = ${scope.sessionId}`;
    const sessionSections = sql`SELECT section_id FROM agenda_session_sections WHERE session_id = ${scope.sessionId}`;
    const rank = (label: Fragment) => sql`CASE ${label} WHEN 'group' THEN 0 WHEN 'pool' THEN 1 ELSE 2 END`;
    return sql`
      lookup AS (
        SELECT days.first_day, days.midnights, history.phases, history.phase_starts
        FROM (
          SELECT min(d)::date AS first_day, array_agg(date_part('epoch', d AT TIME ZONE ${tz}) ORDER BY d) AS midnights
          FROM generate_series(
            date_trunc('day', least(
              (SELECT min(created_at) FROM threads WHERE consultation_id = ${id}),
              (SELECT min(created_at) FROM paper_suggestions WHERE consultation_id = ${id})) AT TIME ZONE ${tz}),
            now() AT TIME ZONE ${tz} + interval '1 day', interval '1 day') AS d
        ) days,
        (
          SELECT array_agg(phase ORDER BY changed_at) AS phases,
            array_agg(date_part('epoch', changed_at) ORDER BY changed_at) AS phase_starts
          FROM consultation_phase_changes WHERE consultation_id = ${id}
        ) history
      ),
      scoped_threads AS (
        SELECT id, coalesce(question_id::text, ${GENERAL_KEY}) AS question_key, section_id,
          coalesce(outcome, ${OPEN_KEY}) AS outcome,
          ${scope.sessionId ? sql`(question_id IN (${sessionQuestions}) OR section_id IN (${sessionSections}))` : sql`true`}
            AS is_in_session
        FROM threads WHERE consultation_id = ${id}
      ),
      openings AS (
        SELECT t.question_key, t.section_id, t.outcome, t.is_in_session, o.author_id, o.author_group, o.label_scope,
          o.created_at
        FROM scoped_threads t
        CROSS JOIN LATERAL (
          SELECT c.author_id, c.author_group, c.label_scope, c.created_at FROM comments c
          WHERE c.thread_id = t.id ORDER BY c.created_at, c.id LIMIT 1
        ) o
      ),
      events AS (
        SELECT c.author_id AS user_id, c.author_group AS group_id, ${rank(sql`c.label_scope`)} AS rank, t.question_key,
          t.section_id, t.outcome, t.is_in_session, ${day(sql`c.created_at`)} AS day, ${phase(sql`c.created_at`)} AS phase,
          0 AS threads, 1 AS comments, 0 AS endorsements, 0 AS suggestions, 0 AS chars
        FROM comments c JOIN scoped_threads t ON t.id = c.thread_id CROSS JOIN lookup x
        WHERE c.deleted_at IS NULL
        UNION ALL
        SELECT o.author_id, o.author_group, ${rank(sql`o.label_scope`)}, o.question_key, o.section_id, o.outcome,
          o.is_in_session, ${day(sql`o.created_at`)}, ${phase(sql`o.created_at`)}, 1, 0, 0, 0, 0
        FROM openings o CROSS JOIN lookup x
        UNION ALL
        SELECT e.user_id, e.group_id, ${rank(sql`e.label_scope`)}, t.question_key, t.section_id, t.outcome,
          t.is_in_session, ${day(sql`e.created_at`)}, ${phase(sql`e.created_at`)}, 0, 0, 1, 0, 0
        FROM endorsements e JOIN comments c ON c.id = e.comment_id JOIN scoped_threads t ON t.id = c.thread_id
          CROSS JOIN lookup x
        UNION ALL
        -- A suggestion is input on its section and on the guiding question its author tied it to,
        -- if any: never general input, which is threads on no question.
        SELECT s.author_id, s.group_id, ${rank(sql`s.label_scope`)}, s.question_id::text, s.section_id,
          ${SUGGESTION_STATE_PREFIX}::text || coalesce(s.outcome, ${OPEN_KEY}),
          ${scope.sessionId ? sql`(s.question_id IN (${sessionQuestions}) OR s.section_id IN (${sessionSections}))` : sql`true`},
          ${day(sql`s.created_at`)}, ${phase(sql`s.created_at`)}, 0, 0, 0, 1, 0
        FROM paper_suggestions s CROSS JOIN lookup x
        WHERE s.consultation_id = ${id} AND s.author_id IS NOT NULL AND s.group_id IS NOT NULL
        UNION ALL
        -- Edits are counted per (server) day, so a day's edits count under the phase in force at
        -- the end of that day: each day falls in exactly one phase.
        SELECT pc.user_id, pc.group_id, 0, NULL, pc.section_id, NULL,
          ${scope.sessionId ? sql`pc.section_id IN (${sessionSections})` : sql`true`}, pc.day,
          (SELECT p.phase FROM consultation_phase_changes p WHERE p.consultation_id = ${id}
             AND p.changed_at < (pc.day + 1)::timestamptz ORDER BY p.changed_at DESC LIMIT 1),
          0, 0, 0, 0, (pc.chars_inserted + pc.chars_deleted)::int
        FROM paper_contributions pc
        WHERE pc.consultation_id = ${id}
          AND pc.group_id IN (SELECT id FROM stakeholder_groups WHERE consultation_id = ${id})
      )`;
  }

  /**
   * The row of a piece of input: its group, or in published figures the k-anonymous label its
   * group is shown under on that input — the less precise of the scope recorded with it and the
   * group's scope now, as the shared rule decided it (the same rule the presenters apply). The
   * scopes now are written into the statement as one CASE, so the planner keeps its row estimates
   * (a join to them made it sort every input row).
   */
  private rowKey(scope: FiguresScope): Fragment {
    const sql = this.db.sql;
    if (!scope.disclosure) return sql`e.group_id::text`;
    const now = Object.entries(scope.disclosure.labelScopes)
      .map(
        ([groupId, labelScope]) => sql`WHEN ${groupId}::uuid THEN ${LABEL_SCOPES.indexOf(labelScope)}::int`,
      )
      .reduce((cases, next) => sql`${cases} ${next}`, sql``);
    return sql`CASE greatest(e.rank, CASE e.group_id ${now} ELSE 2 END)
      WHEN 0 THEN e.group_id::text WHEN 1 THEN ${POOLED_ROW_KEY}::text ELSE ${PARTICIPANT_ROW_KEY}::text END`;
  }
}
