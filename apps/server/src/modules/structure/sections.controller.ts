import { Controller, Delete, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  consultationItemParams,
  consultationParams,
  createSectionBody,
  reorderBody,
  section,
  updateSectionBody,
} from '@cw/shared';
import { z } from 'zod';
import { Errors } from '../../common/api-errors.js';
import { Permission } from '../../common/access.decorators.js';
import { Returns, ReturnsCreated, ValidBody, ValidParams } from '../../common/validation.decorators.js';
import { SectionsService } from './sections.service.js';
import { IdempotencyKey, type IdempotentRequest } from '../idempotency/index.js';

type Params = z.infer<typeof consultationParams>;
type ItemParams = z.infer<typeof consultationItemParams>;

@ApiTags('structure')
@Controller('api/consultations/:consultationId/sections')
export class SectionsController {
  constructor(private readonly sections: SectionsService) {}

  @Post()
  @ApiOperation({ summary: 'Add a section' })
  @Errors('NOT_FOUND')
  @Permission('structure.manage')
  @ReturnsCreated(section)
  create(
    @ValidParams(consultationParams) params: Params,
    @ValidBody(createSectionBody) body: z.infer<typeof createSectionBody>,
    @IdempotencyKey() idempotency: IdempotentRequest | undefined,
  ) {
    return this.sections.create(params.consultationId, body, idempotency);
  }

  @Put('order')
  @ApiOperation({
    summary: 'Reorder the sections',
    description: 'The complete new order: every section id exactly once.',
  })
  @Permission('structure.manage')
  @Returns(z.array(section))
  reorder(
    @ValidParams(consultationParams) params: Params,
    @ValidBody(reorderBody) body: z.infer<typeof reorderBody>,
  ) {
    return this.sections.reorder(params.consultationId, body.order);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a section' })
  @Errors('NOT_FOUND')
  @Permission('structure.manage')
  @Returns(section)
  update(
    @ValidParams(consultationItemParams) params: ItemParams,
    @ValidBody(updateSectionBody) body: z.infer<typeof updateSectionBody>,
  ) {
    return this.sections.update(params.consultationId, params.id, body);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a section' })
  @Errors('NOT_FOUND')
  @HttpCode(204)
  @Permission('structure.manage')
  async delete(@ValidParams(consultationItemParams) params: ItemParams) {
    await this.sections.delete(params.consultationId, params.id);
  }
}
