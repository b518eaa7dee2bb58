import { Controller, Delete, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  agendaSession,
  consultationItemParams,
  consultationParams,
  sessionBody,
  type SessionBody,
} from '@cw/shared';
import type { z } from 'zod';
import { Errors } from '../../common/api-errors.js';
import { Permission } from '../../common/access.decorators.js';
import { Returns, ReturnsCreated, ValidBody, ValidParams } from '../../common/validation.decorators.js';
import { SessionsService } from './sessions.service.js';
import { IdempotencyKey, type IdempotentRequest } from '../idempotency/index.js';

type ItemParams = z.infer<typeof consultationItemParams>;

@ApiTags('structure')
@Controller('api/consultations/:consultationId/sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Post()
  @ApiOperation({
    summary: 'Add an agenda session',
    description: "Times are wall-clock times in the consultation's time zone.",
  })
  @Errors('NOT_FOUND')
  @Permission('structure.manage')
  @ReturnsCreated(agendaSession)
  create(
    @ValidParams(consultationParams) params: z.infer<typeof consultationParams>,
    @ValidBody(sessionBody) body: SessionBody,
    @IdempotencyKey() idempotency: IdempotentRequest | undefined,
  ) {
    return this.sessions.create(params.consultationId, body, idempotency);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace an agenda session' })
  @Errors('NOT_FOUND')
  @Permission('structure.manage')
  @Returns(agendaSession)
  replace(
    @ValidParams(consultationItemParams) params: ItemParams,
    @ValidBody(sessionBody) body: SessionBody,
  ) {
    return this.sessions.replace(params.consultationId, params.id, body);
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Delete an agenda session',
    description: 'Deleting the item running live ends its run.',
  })
  @Errors('NOT_FOUND')
  @HttpCode(204)
  @Permission('structure.manage')
  async delete(@ValidParams(consultationItemParams) params: ItemParams) {
    await this.sessions.delete(params.consultationId, params.id);
  }
}
