import { Injectable } from '@nestjs/common';
import type { GuidingQuestion, QuestionBody } from '@cw/shared';
import { AppError, notFound } from '../../common/app-error.js';
import { Database, type TransactionSql } from '../../db/database.js';
import { AccessChanges } from '../access-changes/index.js';
import { createdNoLonger, IdempotencyService, type IdempotentRequest } from '../idempotency/index.js';
import { isUniqueViolation } from '../../db/database-errors.js';
import { QuestionsRepository } from './questions.repository.js';
import { invalidField, SectionLinks } from './section-links.js';
import { AgendaSessionsRepository } from './agenda-sessions.repository.js';

const numberTaken = (number: number) =>
  new AppError('CONFLICT', `Guiding question ${number} already exists in this consultation`);

@Injectable()
export class QuestionsService {
  constructor(
    private readonly db: Database,
    private readonly questions: QuestionsRepository,
    private readonly sessions: AgendaSessionsRepository,
    private readonly links: SectionLinks,
    private readonly idempotency: IdempotencyService,
    private readonly accessChanges: AccessChanges,
  ) {}

  /**
   * Numbered after the highest existing question unless a number is given. A retry with the
   * request's Idempotency-Key answers what the first one created.
   */
  async create(
    consultationId: string,
    body: QuestionBody,
    request?: IdempotentRequest,
  ): Promise<GuidingQuestion> {
    const created = await this.guardUnique(body.number, () =>
      this.idempotency.once(
        request,
        async (tx) => (await this.write(consultationId, undefined, body, tx)).id,
      ),
    );
    const question = (await this.questions.list(consultationId)).find(({ id }) => id === created.id);
    if (!question) throw createdNoLonger();
    return question;
  }

  /** Replaces text, links and (when given) the number. */
  replace(consultationId: string, id: string, body: QuestionBody): Promise<GuidingQuestion> {
    return this.guardUnique(body.number, () =>
      this.db.sql.begin(async (tx) => {
        if (!(await this.questions.exists(consultationId, id, tx)))
          throw notFound('Guiding question not found');
        return this.write(consultationId, id, body, tx);
      }),
    );
  }

  /** Open pages read the consultation again: the question may have been the live session's focus. */
  async delete(consultationId: string, id: string): Promise<void> {
    await this.db.sql.begin(async (tx) => {
      if (!(await this.questions.exists(consultationId, id, tx)))
        throw notFound('Guiding question not found');
      await this.questions.delete(consultationId, id, tx);
    });
    this.accessChanges.consultationChanged(consultationId);
  }

  private async write(
    consultationId: string,
    id: string | undefined,
    body: QuestionBody,
    tx: TransactionSql,
  ): Promise<GuidingQuestion> {
    const sectionIds = await this.links.validate(consultationId, body.sectionIds, tx);
    if (
      body.sessionId !== null &&
      (await this.sessions.kindOf(consultationId, body.sessionId, tx)) !== 'review'
    ) {
      // Programme items (dial-in, remarks, wrap-up) frame the meeting: nothing is reviewed in them.
      throw invalidField('sessionId', 'must be a review session of this consultation', 'unknownSession');
    }
    const current = id ? (await this.questions.list(consultationId, tx)).find((q) => q.id === id) : undefined;
    const number = body.number ?? current?.number ?? (await this.questions.nextNumber(consultationId, tx));
    const holder = await this.questions.idForNumber(consultationId, number, tx);
    if (holder !== undefined && holder !== id) throw numberTaken(number);
    const input = { number, text: body.text, sessionId: body.sessionId };
    let questionId = id;
    if (questionId) await this.questions.update(consultationId, questionId, input, tx);
    else questionId = await this.questions.insert(consultationId, input, tx);
    await this.questions.setSections(questionId, sectionIds, tx);
    return (await this.questions.list(consultationId, tx)).find((question) => question.id === questionId)!;
  }

  /** A concurrent writer may take the number between our check and our write. */
  private async guardUnique<T>(number: number | undefined, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw number
          ? numberTaken(number)
          : new AppError('CONFLICT', 'Another question took that number meanwhile; try again');
      }
      throw error;
    }
  }
}
