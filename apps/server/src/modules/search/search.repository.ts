import { Injectable } from '@nestjs/common';
import type { ThreadListQuery } from '@cw/shared';
import { Database } from '../../db/database.js';
import { MATCH_END, MATCH_START } from './highlights.js';

export interface SearchHit {
  type: 'comment' | 'quote';
  threadId: string;
  commentId: string | null;
  questionId: string | null;
  sectionId: string | null;
  /** The text with the matched words between MATCH_START and MATCH_END. */
  headline: string;
}

/** Up to two passages of about twenty words around the matches. */
const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxFragments=2, MaxWords=24, MinWords=8, FragmentDelimiter=" … "`;

/**
 * The full-text index of a consultation's input (migration 0023): comments and the passages
 * threads quote, in the consultation's language.
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
    const rows = await sql<
      {
        type: 'comment' | 'quote';
        thread_id: string;
        comment_id: string | null;
        question_id: string | null;
        section_id: string | null;
        headline: string;
      }[]
    >`
      WITH search AS (
        SELECT search_query(language, ${query}) AS query, search_config(language) AS config
        FROM consultations WHERE id = ${consultationId}
      ), hits AS (
        (SELECT 'comment' AS type, t.id AS thread_id, c.id AS comment_id, t.question_id, t.section_id,
           c.body AS text, ts_rank(c.search, s.query) AS rank, c.created_at
         FROM search s, comments c JOIN threads t ON t.id = c.thread_id
         WHERE t.consultation_id = ${consultationId} AND c.search @@ s.query AND c.deleted_at IS NULL
           AND NOT EXISTS (
             SELECT 1 FROM comment_moderations m WHERE m.comment_id = c.id AND m.state = 'hidden')
           ${threadFilters})
        UNION ALL
        (SELECT 'quote', t.id, NULL, t.question_id, t.section_id, t.quote, ts_rank(t.search, s.query), t.created_at
         FROM search s, threads t
         WHERE t.consultation_id = ${consultationId} AND t.search @@ s.query ${threadFilters})
        ORDER BY rank DESC, created_at, comment_id
        LIMIT ${limit}
      )
      SELECT h.type, h.thread_id, h.comment_id, h.question_id, h.section_id,
        ts_headline(s.config, search_words(translate(h.text, ${MATCH_START + MATCH_END}, '')), s.query,
          ${HEADLINE_OPTIONS}) AS headline
      FROM hits h, search s
      ORDER BY h.rank DESC, h.created_at, h.comment_id`;
    return rows.map((row) => ({
      type: row.type,
      threadId: row.thread_id,
      commentId: row.comment_id,
      questionId: row.question_id,
      sectionId: row.section_id,
      headline: row.headline,
    }));
  }
}
