import { Injectable } from '@nestjs/common';
import { Database, type Queryable } from '../../db/database.js';

/** What a thread opened on a suggested change needs of the suggestion's record (SQL only). */
@Injectable()
export class SuggestionThreadsRepository {
  constructor(private readonly db: Database) {}

  /**
   * The section a suggestion is recorded in: made in, or decided in once settled (null for one
   * recorded before sections were); undefined when the consultation has no suggestion of that id.
   */
  async sectionOf(
    consultationId: string,
    suggestionId: string,
  ): Promise<{ sectionId: string | null } | undefined> {
    const [row] = await this.db.sql<{ section_id: string | null }[]>`
      SELECT section_id FROM paper_suggestions
      WHERE consultation_id = ${consultationId} AND suggestion_id = ${suggestionId}`;
    return row && { sectionId: row.section_id };
  }

  /**
   * Records the guiding question a suggestion answers, when `authorId` made it and it answers
   * none yet: the question of its author's first thread on it that names one.
   */
  async recordQuestion(
    suggestion: { consultationId: string; suggestionId: string; authorId: string; questionId: string },
    q: Queryable,
  ): Promise<void> {
    await q`
      UPDATE paper_suggestions SET question_id = ${suggestion.questionId}
      WHERE consultation_id = ${suggestion.consultationId} AND suggestion_id = ${suggestion.suggestionId}
        AND author_id = ${suggestion.authorId} AND question_id IS NULL`;
  }
}
