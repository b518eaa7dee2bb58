import { Injectable } from '@nestjs/common';
import type {
  PaperSuggestions,
  SuggestionDecisionBody,
  SuggestionDecisionResult,
  SuggestionWithdrawalBody,
} from '@cw/shared';
import * as Y from 'yjs';
import { notFound } from '../../common/app-error.js';
import type { Actor } from '../../common/request-context.js';
import { Database, type Queryable } from '../../db/database.js';
import { attribute, GroupLabelsRepository } from '../attribution/index.js';
import { AuditLog } from '../audit/index.js';
import { PaperRegistry } from './paper-registry.service.js';
import { PaperRepository, type SuggestionSettlement } from './paper.repository.js';
import { ParticipantsRepository } from './participants.repository.js';
import { suggestionTexts } from './suggestion-texts.js';

/**
 * Who made the open suggestions, as a viewer may see it, and how suggested changes end: editors'
 * decisions, recorded with the outcome and reason and in the audit log by name, and authors'
 * withdrawals of their own. Each is recorded before the browser changes the text to match
 * (accepting keeps the inserted text and removes the deleted; rejecting and withdrawing the
 * reverse), so the disposition record misses none.
 */
@Injectable()
export class SuggestionsService {
  constructor(
    private readonly db: Database,
    private readonly papers: PaperRepository,
    private readonly registry: PaperRegistry,
    private readonly participants: ParticipantsRepository,
    private readonly audit: AuditLog,
    private readonly labels: GroupLabelsRepository,
  ) {}

  /** The open suggestions, each with its author as `actor` may see them. */
  async list(actor: Actor): Promise<PaperSuggestions> {
    const { consultationId, role, attributionMode } = actor.member;
    const [suggestions, labelScopes] = await Promise.all([
      this.papers.openSuggestions(consultationId),
      this.labels.scopes(consultationId),
    ]);
    const viewer = { userId: actor.auth.userId, role, attributionMode, labelScopes };
    return {
      suggestions: suggestions.map(({ id, author }) => ({ id, author: attribute(author, viewer) })),
    };
  }

  async decide(actor: Actor, body: SuggestionDecisionBody): Promise<SuggestionDecisionResult> {
    return this.settle(actor, body, async (recorded, tx) => {
      await this.audit.record(
        actor,
        {
          action: 'suggestions.decided',
          target: { type: 'section', id: body.sectionId, label: '' },
          before: null,
          after: { outcome: body.outcome, reason: body.reason, suggestions: recorded },
        },
        tx,
      );
    });
  }

  /** Only the author's own suggestions: anyone else's reads as not found. */
  async withdraw(actor: Actor, body: SuggestionWithdrawalBody): Promise<SuggestionDecisionResult> {
    return this.settle(actor, { ...body, outcome: 'withdrawn', reason: '', authorId: actor.auth.userId });
  }

  private async settle(
    actor: Actor,
    settlement: Omit<SuggestionSettlement, 'consultationId' | 'decidedBy' | 'texts'>,
    audit?: (recorded: number, tx: Queryable) => Promise<void>,
  ): Promise<SuggestionDecisionResult> {
    const { consultationId } = actor.member;
    const suggestionIds = [...new Set(settlement.suggestionIds)];
    if (!(await this.participants.sectionIds(consultationId)).includes(settlement.sectionId))
      throw notFound('Section not found');
    // Read before the browser changes the text to match: what was suggested is still marked.
    const paper = new Y.Doc();
    Y.applyUpdate(paper, await this.registry.currentState(consultationId));
    const texts = suggestionTexts(paper, settlement.sectionId, suggestionIds);
    paper.destroy();
    return this.db.sql.begin(async (tx) => {
      const { recorded, unknown } = await this.papers.settleSuggestions(
        { ...settlement, consultationId, suggestionIds, decidedBy: actor.auth.userId, texts },
        tx,
      );
      if (unknown.length === suggestionIds.length) throw notFound('Suggestion not found');
      if (recorded.length > 0) await audit?.(recorded.length, tx);
      return { recorded: recorded.length };
    });
  }
}
