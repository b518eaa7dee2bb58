import { Injectable } from '@nestjs/common';
import type { SuggestionDecisionBody, SuggestionDecisionResult } from '@cw/shared';
import { notFound } from '../../common/app-error.js';
import type { Actor } from '../../common/request-context.js';
import { Database } from '../../db/database.js';
import { AuditLog } from '../audit/index.js';
import { PaperRepository } from './paper.repository.js';
import { ParticipantsRepository } from './participants.repository.js';

/**
 * Editors' decisions on suggested changes: recorded with the outcome and reason, in the audit
 * log by name, before the editor's browser changes the text to match (accepting keeps the
 * inserted text and removes the deleted; rejecting the reverse).
 */
@Injectable()
export class SuggestionDecisions {
  constructor(
    private readonly db: Database,
    private readonly papers: PaperRepository,
    private readonly participants: ParticipantsRepository,
    private readonly audit: AuditLog,
  ) {}

  async decide(actor: Actor, body: SuggestionDecisionBody): Promise<SuggestionDecisionResult> {
    const { consultationId } = actor.member;
    const suggestionIds = [...new Set(body.suggestionIds)];
    if (!(await this.participants.sectionIds(consultationId)).includes(body.sectionId))
      throw notFound('Section not found');
    return this.db.sql.begin(async (tx) => {
      const { recorded, unknown } = await this.papers.decideSuggestions(
        { ...body, consultationId, suggestionIds, decidedBy: actor.auth.userId },
        tx,
      );
      if (unknown.length === suggestionIds.length) throw notFound('Suggestion not found');
      if (recorded.length > 0) {
        await this.audit.record(
          actor,
          {
            action: 'suggestions.decided',
            target: { type: 'section', id: body.sectionId, label: '' },
            before: null,
            after: { outcome: body.outcome, reason: body.reason, suggestions: recorded.length },
          },
          tx,
        );
      }
      return { recorded: recorded.length };
    });
  }
}
