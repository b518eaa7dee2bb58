import { Injectable } from '@nestjs/common';
import type { LabelScope, SuggestionOutcome, ThreadOutcome } from '@cw/shared';
import { Database } from '../../db/database.js';

interface SectionRef {
  id: string;
  number: string;
  title: string;
}

/** A thread with the group that opened it, as recorded; `isYours` instead of any author id. */
export interface ResultThreadRecord {
  id: string;
  questionId: string | null;
  section: SectionRef | null;
  quote: string | null;
  opening: string | null;
  opener: { groupId: string; groupName: string; labelScope: LabelScope };
  outcome: ThreadOutcome | null;
  reason: string;
  isYours: boolean;
}

export interface ResultSuggestionRecord {
  section: SectionRef;
  insertedText: string;
  deletedText: string;
  outcome: SuggestionOutcome;
  reason: string;
  suggester: { groupId: string; groupName: string; labelScope: LabelScope };
  isYours: boolean;
}

/**
 * The SQL of the published results. No query returns a participant's id, name or email: whose
 * input it is comes back only as `isYours` for the viewer.
 */
@Injectable()
export class ResultsRepository {
  constructor(private readonly db: Database) {}

  async consultation(consultationId: string) {
    const [row] = await this.db.sql<{ phase: string; k_threshold: number }[]>`
      SELECT phase, k_threshold FROM consultations WHERE id = ${consultationId}`;
    return { isPublished: row!.phase === 'published', kThreshold: row!.k_threshold };
  }

  async questions(consultationId: string) {
    return this.db.sql<{ id: string; number: number; text: string }[]>`
      SELECT id, number, text FROM guiding_questions WHERE consultation_id = ${consultationId} ORDER BY number`;
  }

  /**
   * Every thread, by guiding question (general input last) then as opened, with its opening
   * comment's text unless that comment was deleted or hidden.
   */
  async threads(consultationId: string, viewerId: string): Promise<ResultThreadRecord[]> {
    const rows = await this.db.sql<
      {
        id: string;
        question_id: string | null;
        section_id: string | null;
        section_number: string | null;
        section_title: string | null;
        quote: string | null;
        opening: string | null;
        group_id: string;
        group_name: string;
        label_scope: LabelScope;
        outcome: ThreadOutcome | null;
        reason: string | null;
        is_yours: boolean;
      }[]
    >`
      SELECT t.id, t.question_id, s.id AS section_id, s.number AS section_number, s.title AS section_title,
             t.quote,
             CASE WHEN o.deleted_at IS NULL AND NOT EXISTS (
                    SELECT 1 FROM comment_moderations cm WHERE cm.comment_id = o.id AND cm.state = 'hidden')
                  THEN o.body END AS opening,
             o.author_group AS group_id, g.name AS group_name, o.label_scope, t.outcome,
             t.resolution_note AS reason, o.author_id = ${viewerId} AS is_yours
      FROM threads t
      CROSS JOIN LATERAL (SELECT id, body, deleted_at, author_id, author_group, label_scope FROM comments c
                          WHERE c.thread_id = t.id ORDER BY c.created_at, c.id LIMIT 1) o
      JOIN stakeholder_groups g ON g.id = o.author_group
      LEFT JOIN guiding_questions q ON q.id = t.question_id
      LEFT JOIN sections s ON s.id = t.section_id
      WHERE t.consultation_id = ${consultationId}
      ORDER BY q.number NULLS LAST, t.created_at, t.id`;
    return rows.map((row) => ({
      id: row.id,
      questionId: row.question_id,
      section:
        row.section_id === null
          ? null
          : { id: row.section_id, number: row.section_number!, title: row.section_title! },
      quote: row.quote,
      opening: row.opening,
      opener: { groupId: row.group_id, groupName: row.group_name, labelScope: row.label_scope },
      outcome: row.outcome,
      reason: row.reason ?? '',
      isYours: row.is_yours,
    }));
  }

  /** The suggested changes the editors accepted or rejected, by section in paper order. */
  async decidedSuggestions(consultationId: string, viewerId: string): Promise<ResultSuggestionRecord[]> {
    const rows = await this.db.sql<
      {
        section_id: string;
        section_number: string;
        section_title: string;
        inserted_text: string;
        deleted_text: string;
        outcome: SuggestionOutcome;
        reason: string;
        group_id: string;
        group_name: string;
        label_scope: LabelScope;
        is_yours: boolean;
      }[]
    >`
      SELECT sec.id AS section_id, sec.number AS section_number, sec.title AS section_title, s.inserted_text,
             s.deleted_text, s.outcome, s.reason, s.group_id, g.name AS group_name, s.label_scope,
             coalesce(s.author_id = ${viewerId}, false) AS is_yours
      FROM paper_suggestions s
      JOIN sections sec ON sec.id = s.section_id
      JOIN stakeholder_groups g ON g.id = s.group_id
      WHERE s.consultation_id = ${consultationId} AND s.outcome IN ('accepted', 'rejected')
      ORDER BY sec.position, sec.id, s.decided_at, s.suggestion_id`;
    return rows.map((row) => ({
      section: { id: row.section_id, number: row.section_number, title: row.section_title },
      insertedText: row.inserted_text,
      deletedText: row.deleted_text,
      outcome: row.outcome,
      reason: row.reason,
      suggester: { groupId: row.group_id, groupName: row.group_name, labelScope: row.label_scope },
      isYours: row.is_yours,
    }));
  }
}
