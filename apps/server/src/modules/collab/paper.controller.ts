import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
  @Permission('paper.read')
  @Returns(paperSuggestions)
  async suggestions(
    @ValidParams(consultationParams) _params: ConsultationParams,
    @CurrentActor() actor: Actor,
  ) {
    return this.decisions.list(actor);
  }

  @Post('suggestions/decisions')
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
