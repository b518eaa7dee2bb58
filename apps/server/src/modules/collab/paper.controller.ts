import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { consultationParams, ownSuggestionIds } from '@cw/shared';
import { z } from 'zod';
import { CurrentUser, Permission } from '../../common/access.decorators.js';
import type { AuthContext } from '../../common/request-context.js';
import { Returns, ValidParams } from '../../common/validation.decorators.js';
import { PaperRepository } from './paper.repository.js';

type ConsultationParams = z.infer<typeof consultationParams>;

/** What the paper's socket does not carry: who made a suggestion, told only to its author. */
@ApiTags('paper')
@Controller('api/consultations/:consultationId/paper')
export class PaperController {
  constructor(private readonly papers: PaperRepository) {}

  @Get('suggestions/mine')
  @Permission('paper.read')
  @Returns(ownSuggestionIds)
  async ownSuggestions(
    @ValidParams(consultationParams) params: ConsultationParams,
    @CurrentUser() user: AuthContext,
  ) {
    return { ids: await this.papers.suggestionIdsBy(params.consultationId, user.userId) };
  }
}
