import { Controller, Delete, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  consultationItemParams,
  consultationParams,
  guidingQuestion,
  questionBody,
  type QuestionBody,
} from '@cw/shared';
import type { z } from 'zod';
import { Errors } from '../../common/api-errors.js';
import { Permission } from '../../common/access.decorators.js';
import { Returns, ReturnsCreated, ValidBody, ValidParams } from '../../common/validation.decorators.js';
import { QuestionsService } from './questions.service.js';
import { IdempotencyKey, type IdempotentRequest } from '../idempotency/index.js';

type ItemParams = z.infer<typeof consultationItemParams>;

@ApiTags('structure')
@Controller('api/consultations/:consultationId/questions')
export class QuestionsController {
  constructor(private readonly questions: QuestionsService) {}

  @Post()
  @ApiOperation({
    summary: 'Add a guiding question',
    description: 'Refused (409 `CONFLICT`) when its number is taken.',
  })
  @Errors('CONFLICT', 'NOT_FOUND')
  @Permission('structure.manage')
  @ReturnsCreated(guidingQuestion)
  create(
    @ValidParams(consultationParams) params: z.infer<typeof consultationParams>,
    @ValidBody(questionBody) body: QuestionBody,
    @IdempotencyKey() idempotency: IdempotentRequest | undefined,
  ) {
    return this.questions.create(params.consultationId, body, idempotency);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace a guiding question' })
  @Errors('CONFLICT', 'NOT_FOUND')
  @Permission('structure.manage')
  @Returns(guidingQuestion)
  replace(
    @ValidParams(consultationItemParams) params: ItemParams,
    @ValidBody(questionBody) body: QuestionBody,
  ) {
    return this.questions.replace(params.consultationId, params.id, body);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a guiding question' })
  @Errors('NOT_FOUND')
  @HttpCode(204)
  @Permission('structure.manage')
  async delete(@ValidParams(consultationItemParams) params: ItemParams) {
    await this.questions.delete(params.consultationId, params.id);
  }
}
