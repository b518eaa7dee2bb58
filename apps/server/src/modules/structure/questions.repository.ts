import { Injectable } from '@nestjs/common';
import type { GuidingQuestion } from '@cw/shared';
import { Database, type Queryable } from '../../db/database.js';

interface QuestionRow {
  id: string;
  number: number;
  text: string;
  session_id: string | null;
  section_ids: string[];
}

export interface QuestionInput {
  number: number;
  text: string;
  sessionId: string | null;
}

const toQuestion = (row: QuestionRow): GuidingQuestion => ({
  id: row.id,
  number: row.number,
  text: row.text,
  sectionIds: row.section_ids,
  sessionId: row.session_id,
});

@Injectable()
export class QuestionsRepository {
  constructor(private readonly db: Database) {}

  /** Ordered by number; linked sections follow paper order. */
  async list(consultationId: string, q: Queryable = this.db.sql): Promise<GuidingQuestion[]> {
    const rows = await q<QuestionRow[]>`
      SELECT g.id, g.number, g.text, g.session_id,
        coalesce(array_agg(s.id ORDER BY s.position) FILTER (WHERE s.id IS NOT NULL), '{}') AS section_ids
      FROM guiding_questions g
      LEFT JOIN guiding_question_sections l ON l.question_id = g.id
      LEFT JOIN sections s ON s.id = l.section_id
      WHERE g.consultation_id = ${consultationId}
      GROUP BY g.id
      ORDER BY g.number`;
    return rows.map(toQuestion);
  }

  async exists(consultationId: string, id: string, q: Queryable = this.db.sql): Promise<boolean> {
    const [row] =
      await q`SELECT 1 FROM guiding_questions WHERE consultation_id = ${consultationId} AND id = ${id}`;
    return row !== undefined;
  }

  /** The question holding `number`, if any. */
  async idForNumber(consultationId: string, number: number, q: Queryable = this.db.sql) {
    const [row] = await q<{ id: string }[]>`
      SELECT id FROM guiding_questions WHERE consultation_id = ${consultationId} AND number = ${number}`;
    return row?.id;
  }

  async nextNumber(consultationId: string, q: Queryable = this.db.sql): Promise<number> {
    const [row] = await q<{ next: number }[]>`
      SELECT coalesce(max(number), 0) + 1 AS next FROM guiding_questions WHERE consultation_id = ${consultationId}`;
    return row!.next;
  }

  async insert(consultationId: string, input: QuestionInput, q: Queryable = this.db.sql): Promise<string> {
    const [row] = await q<{ id: string }[]>`
      INSERT INTO guiding_questions (consultation_id, number, text, session_id)
      VALUES (${consultationId}, ${input.number}, ${input.text}, ${input.sessionId})
      RETURNING id`;
    return row!.id;
  }

  async update(consultationId: string, id: string, input: QuestionInput, q: Queryable = this.db.sql) {
    await q`
      UPDATE guiding_questions SET number = ${input.number}, text = ${input.text}, session_id = ${input.sessionId}
      WHERE consultation_id = ${consultationId} AND id = ${id}`;
  }

  /** Replaces the question's linked sections. */
  async setSections(questionId: string, sectionIds: string[], q: Queryable = this.db.sql) {
    await q`DELETE FROM guiding_question_sections WHERE question_id = ${questionId}`;
    if (sectionIds.length === 0) return;
    await q`
      INSERT INTO guiding_question_sections (question_id, section_id)
      SELECT ${questionId}, unnest(${sectionIds}::uuid[])`;
  }

  async delete(consultationId: string, id: string, q: Queryable = this.db.sql) {
    await q`DELETE FROM guiding_questions WHERE consultation_id = ${consultationId} AND id = ${id}`;
  }
}
