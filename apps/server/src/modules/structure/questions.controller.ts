import { Controller, Delete, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  consultationItemParams,
  consultationParams,
  guidingQuestion,
  questionBody,
  type QuestionBody,
} from '@cw/shared';
import type { z } from 'zod';
import { Permission } from '../../common/access.decorators.js';
import { Returns, ReturnsCreated, ValidBody, ValidParams } from '../../common/validation.decorators.js';
import { QuestionsService } from './questions.service.js';
import { IdempotencyKey, type IdempotentRequest } from '../idempotency/index.js';

type ItemParams = z.infer<typeof consultationItemParams>;

@ApiTags('structure')
@Controller('api/consultations/:consultationId/questions')
export class QuestionsController {
  constructor(private readonly questions: QuestionsService) {}

  /** 409 CONFLICT when the number is taken. */
  @Post()
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
  @Permission('structure.manage')
  @Returns(guidingQuestion)
  replace(
    @ValidParams(consultationItemParams) params: ItemParams,
    @ValidBody(questionBody) body: QuestionBody,
  ) {
    return this.questions.replace(params.consultationId, params.id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Permission('structure.manage')
  async delete(@ValidParams(consultationItemParams) params: ItemParams) {
    await this.questions.delete(params.consultationId, params.id);
  }
}
