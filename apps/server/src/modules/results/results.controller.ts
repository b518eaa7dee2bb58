import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { consultationParams, consultationResults } from '@cw/shared';
import { z } from 'zod';
import { Errors } from '../../common/api-errors.js';
import { CurrentActor, Permission } from '../../common/access.decorators.js';
import type { Actor } from '../../common/request-context.js';
import { Returns, ValidParams } from '../../common/validation.decorators.js';
import { ResultsService } from './results.service.js';

type ConsultationParams = z.infer<typeof consultationParams>;

@ApiTags('results')
@Controller('api/consultations/:consultationId')
export class ResultsController {
  constructor(private readonly results: ResultsService) {}

  @Get('results')
  @ApiOperation({
    summary: 'The published results',
    description:
      "How each thread and suggested change was taken into account, each session's published notes and participation, naming no one. Other members than the organisers read them once the consultation or a session's notes are published (409 before).",
  })
  @Errors('PHASE_FORBIDS')
  @Permission('results.read')
  @Returns(consultationResults, 'How input was taken into account, and participation, naming no one')
  read(@ValidParams(consultationParams) _params: ConsultationParams, @CurrentActor() actor: Actor) {
    return this.results.read(actor);
  }
}
