import { Injectable } from '@nestjs/common';
import type { AttributionMode, ThreadListQuery } from '@cw/shared';
import { Database } from '../../db/database.js';
import { MATCH_END, MATCH_START } from './highlights.js';

export type SearchHitType = 'comment' | 'quote' | 'section' | 'version' | 'notes';

export interface SearchHit {
  type: SearchHitType;
  /** Of comments and quotes. */
  threadId: string | null;
  commentId: string | null;
  questionId: string | null;
  sectionId: string | null;
  versionId: string | null;
  versionName: string | null;
  sessionId: string | null;
  /** The text with the matched words between MATCH_START and MATCH_END. */
  headline: string;
}

/** Which kinds of text a search reads besides the threads', as the caller may read them. */
export interface SearchScope {
  /** The paper as it is and its versions. */
  paper: boolean;
  /** Each agenda session's notes as last published. */
  notes: boolean;
}

export interface SectionText {
  sectionId: string;
  text: string;
}

/** Up to two passages of about twenty words around the matches. */
const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxFragments=2, MaxWords=24, MinWords=8, FragmentDelimiter=" … "`;

/**
 * The full-text index of a consultation's input (migration 0023): comments, the passages threads
 * quote, the paper's sections as they are and in each version, and the published session notes,
 * in the consultation's language.
 */
@Injectable()
export class SearchRepository {
  constructor(private readonly db: Database) {}

  /**
   * Best match first, at most `limit`. Filters as the thread list's, but for the stakeholder label,
   * which depends on the viewer. Deleted and hidden comments hold no text (0008), so never match.
   */
  async search(
    consultationId: string,
    query: string,
    filters: Omit<ThreadListQuery, 'groupId'>,
    scope: SearchScope,
    limit: number,
  ): Promise<SearchHit[]> {
    const sql = this.db.sql;
    const threadFilters = sql`
      ${filters.status ? sql`AND t.status = ${filters.status}` : sql``}
      ${
        filters.questionId === 'general'
          ? sql`AND t.question_id IS NULL`
          : filters.questionId
            ? sql`AND t.question_id = ${filters.questionId}`
            : sql``
      }
      ${filters.sectionId ? sql`AND t.section_id = ${filters.sectionId}` : sql``}`;
    // The status, question and group filters are about threads: with one, only threads are searched.
    const threadsOnly = filters.status !== undefined || filters.questionId !== undefined;
    const paper = scope.paper && !threadsOnly;
    const notes = scope.notes && !threadsOnly && filters.sectionId === undefined;
    const textFilters = filters.sectionId ? sql`AND x.section_id = ${filters.sectionId}` : sql``;
    const rows = await sql<
      {
        type: SearchHitType;
        thread_id: string | null;
        comment_id: string | null;
        question_id: string | null;
        section_id: string | null;
        version_id: string | null;
        version_name: string | null;
        session_id: string | null;
        headline: string;
      }[]
    >`
      WITH search AS (
        SELECT search_query(language, ${query}) AS query, search_config(language) AS config
        FROM consultations WHERE id = ${consultationId}
      ), hits AS (
        (SELECT 'comment' AS type, t.id AS thread_id, c.id AS comment_id, t.question_id, t.section_id,
           NULL::uuid AS version_id, NULL::uuid AS session_id, c.body AS text,
           ts_rank(c.search, s.query) AS rank, c.created_at
         FROM search s, comments c JOIN threads t ON t.id = c.thread_id
         WHERE t.consultation_id = ${consultationId} AND c.search @@ s.query AND c.deleted_at IS NULL
           AND NOT EXISTS (
             SELECT 1 FROM comment_moderations m WHERE m.comment_id = c.id AND m.state = 'hidden')
           ${threadFilters})
        UNION ALL
        (SELECT 'quote', t.id, NULL, t.question_id, t.section_id, NULL, NULL, t.quote,
           ts_rank(t.search, s.query), t.created_at
         FROM search s, threads t
         WHERE t.consultation_id = ${consultationId} AND t.search @@ s.query ${threadFilters})
        ${
          paper
            ? sql`
        UNION ALL
        (SELECT 'section', NULL, NULL, NULL, x.section_id, NULL, NULL, x.text, ts_rank(x.search, s.query),
           '-infinity'::timestamptz
         FROM search s, paper_section_texts x
         WHERE x.consultation_id = ${consultationId} AND x.search @@ s.query ${textFilters})
        UNION ALL
        (SELECT 'version', NULL, NULL, NULL, x.section_id, x.version_id, NULL, x.text,
           ts_rank(x.search, s.query), v.created_at
         FROM search s, paper_version_texts x JOIN paper_versions v ON v.id = x.version_id
         WHERE x.consultation_id = ${consultationId} AND x.search @@ s.query ${textFilters})`
            : sql``
        }
        ${
          notes
            ? sql`
        UNION ALL
        (SELECT 'notes', NULL, NULL, NULL, NULL, NULL, n.session_id, notes_text(n.content),
           ts_rank(n.search, s.query), n.published_at
         FROM search s, session_notes_publications n
         WHERE n.consultation_id = ${consultationId} AND n.search @@ s.query
           AND NOT EXISTS (
             SELECT 1 FROM session_notes_publications later
             WHERE later.session_id = n.session_id AND later.published_at > n.published_at))`
            : sql``
        }
        ORDER BY rank DESC, created_at, thread_id, comment_id, version_id, section_id
        LIMIT ${limit}
      )
      SELECT h.type, h.thread_id, h.comment_id, h.question_id, h.section_id, h.version_id,
        (SELECT name FROM paper_versions WHERE id = h.version_id) AS version_name, h.session_id,
        ts_headline(s.config, search_words(translate(h.text, ${MATCH_START + MATCH_END}, '')), s.query,
          ${HEADLINE_OPTIONS}) AS headline
      FROM hits h, search s
      ORDER BY h.rank DESC, h.created_at, h.thread_id, h.comment_id, h.version_id, h.section_id`;
    return rows.map((row) => ({
      type: row.type,
      threadId: row.thread_id,
      commentId: row.comment_id,
      questionId: row.question_id,
      sectionId: row.section_id,
      versionId: row.version_id,
      versionName: row.version_name,
      sessionId: row.session_id,
      headline: row.headline,
    }));
  }

  /**
   * What the paper's text index lacks: whether a section of the paper has no text yet, and the
   * versions whose sections have none (taken before search, or since the last search).
   */
  async unindexed(consultationId: string): Promise<{ paper: boolean; versionIds: string[] }> {
    const [paper] = await this.db.sql<{ missing: boolean }[]>`
      SELECT EXISTS (
        SELECT 1 FROM sections s
        WHERE s.consultation_id = ${consultationId}
          AND NOT EXISTS (SELECT 1 FROM paper_section_texts x WHERE x.section_id = s.id)) AS missing`;
    const versions = await this.db.sql<{ id: string }[]>`
      SELECT v.id FROM paper_versions v
      WHERE v.consultation_id = ${consultationId} AND jsonb_array_length(v.outline) > 0
        AND NOT EXISTS (SELECT 1 FROM paper_version_texts x WHERE x.version_id = v.id)`;
    return { paper: paper!.missing, versionIds: versions.map((row) => row.id) };
  }

  /** The paper's sections, and the attribution mode to load the paper under. */
  async paperOf(consultationId: string): Promise<{ attributionMode: AttributionMode; sectionIds: string[] }> {
    const rows = await this.db.sql<{ attribution_mode: AttributionMode; section_id: string | null }[]>`
      SELECT c.attribution_mode, s.id AS section_id
      FROM consultations c LEFT JOIN sections s ON s.consultation_id = c.id
      WHERE c.id = ${consultationId}`;
    return {
      attributionMode: rows[0]?.attribution_mode ?? 'anonymous',
      sectionIds: rows.flatMap((row) => (row.section_id ? [row.section_id] : [])),
    };
  }

  /** Stores the sections' text where it changed; a section removed meanwhile is left out. */
  async storeSectionTexts(consultationId: string, texts: readonly SectionText[]): Promise<void> {
    if (texts.length === 0) return;
    const sql = this.db.sql;
    await sql`
      INSERT INTO paper_section_texts (section_id, consultation_id, text)
      SELECT given.section_id, ${consultationId}, given.text
      FROM unnest(${sql.array(texts.map((entry) => entry.sectionId))}::uuid[],
                  ${sql.array(texts.map((entry) => entry.text))}::text[]) AS given(section_id, text)
      JOIN sections s ON s.id = given.section_id AND s.consultation_id = ${consultationId}
      ON CONFLICT (section_id) DO UPDATE SET text = EXCLUDED.text
        WHERE paper_section_texts.text <> EXCLUDED.text`;
  }

  /** A version's content, to index it. */
  async version(versionId: string) {
    const [row] = await this.db.sql<
      {
        consultation_id: string;
        data: Buffer;
        outline: Array<{ id: string; number: string; title: string }>;
      }[]
    >`SELECT consultation_id, data, outline FROM paper_versions WHERE id = ${versionId}`;
    return row && { consultationId: row.consultation_id, data: row.data, outline: row.outline };
  }

  /** A version is written once: so are its texts (a second indexing of it changes nothing). */
  async storeVersionTexts(versionId: string, consultationId: string, texts: readonly SectionText[]) {
    if (texts.length === 0) return;
    const sql = this.db.sql;
    await sql`
      INSERT INTO paper_version_texts (version_id, section_id, consultation_id, text)
      SELECT ${versionId}, given.section_id, ${consultationId}, given.text
      FROM unnest(${sql.array(texts.map((entry) => entry.sectionId))}::uuid[],
                  ${sql.array(texts.map((entry) => entry.text))}::text[]) AS given(section_id, text)
      ON CONFLICT (version_id, section_id) DO NOTHING`;
  }
}
