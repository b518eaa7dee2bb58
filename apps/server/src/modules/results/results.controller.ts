import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { consultationParams, consultationResults } from '@cw/shared';
import { z } from 'zod';
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
  @Permission('results.read')
  @Returns(consultationResults, 'How input was taken into account, and participation, naming no one')
  read(@ValidParams(consultationParams) _params: ConsultationParams, @CurrentActor() actor: Actor) {
    return this.results.read(actor);
  }
}
