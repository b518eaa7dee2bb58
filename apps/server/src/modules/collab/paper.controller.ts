import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  consultationParams,
  paperSuggestions,
  suggestionDecisionBody,
  type SuggestionDecisionBody,
  suggestionDecisionResult,
  suggestionWithdrawalBody,
  type SuggestionWithdrawalBody,
} from '@cw/shared';
import { z } from 'zod';
import { Errors } from '../../common/api-errors.js';
import { CurrentActor, Permission } from '../../common/access.decorators.js';
import type { Actor } from '../../common/request-context.js';
import { Returns, ValidBody, ValidParams } from '../../common/validation.decorators.js';
import { PaperRepository } from './paper.repository.js';
import { SuggestionsService } from './suggestions.service.js';

type ConsultationParams = z.infer<typeof consultationParams>;

/**
 * What the paper's socket does not carry about suggested changes: who made each (as the viewer
 * may see it), the editors' decisions on them and their authors' withdrawals.
 */
@ApiTags('paper')
@Controller('api/consultations/:consultationId/paper')
export class PaperController {
  constructor(
    private readonly papers: PaperRepository,
    private readonly decisions: SuggestionsService,
  ) {}

  @Get('suggestions')
  @ApiOperation({
    summary: 'List the open suggested changes',
    description:
      'Each with its author as the caller may see them (group label, the name where entitled); never an id.',
  })
  @Permission('paper.read')
  @Returns(paperSuggestions)
  async suggestions(
    @ValidParams(consultationParams) _params: ConsultationParams,
    @CurrentActor() actor: Actor,
  ) {
    return this.decisions.list(actor);
  }

  @Post('suggestions/decisions')
  @ApiOperation({
    summary: 'Accept or reject suggested changes',
    description: 'Each undecided one is recorded with the reason, who decided and when, and audited.',
  })
  @Errors('NOT_FOUND')
  @HttpCode(200)
  @Permission('suggestions.decide')
  @Returns(suggestionDecisionResult)
  decide(
    @ValidParams(consultationParams) _params: ConsultationParams,
    @ValidBody(suggestionDecisionBody) body: SuggestionDecisionBody,
    @CurrentActor() actor: Actor,
  ) {
    return this.decisions.decide(actor, body);
  }

  @Post('suggestions/withdrawals')
  @ApiOperation({
    summary: 'Withdraw my suggested changes',
    description: "The caller's own open ones are recorded as withdrawn.",
  })
  @Errors('NOT_FOUND')
  @HttpCode(200)
  @Permission('paper.edit')
  @Returns(suggestionDecisionResult)
  withdraw(
    @ValidParams(consultationParams) _params: ConsultationParams,
    @ValidBody(suggestionWithdrawalBody) body: SuggestionWithdrawalBody,
    @CurrentActor() actor: Actor,
  ) {
    return this.decisions.withdraw(actor, body);
  }
}
