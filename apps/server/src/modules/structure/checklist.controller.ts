import { Controller, Patch } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { checklistItem, checklistUpdateBody, consultationItemParams } from '@cw/shared';
import type { z } from 'zod';
import { Errors } from '../../common/api-errors.js';
import { CurrentUser, Permission } from '../../common/access.decorators.js';
import type { AuthContext } from '../../common/request-context.js';
import { Returns, ValidBody, ValidParams } from '../../common/validation.decorators.js';
import { ChecklistService } from './checklist.service.js';

@ApiTags('structure')
@Controller('api/consultations/:consultationId/checklist')
export class ChecklistController {
  constructor(private readonly checklist: ChecklistService) {}

  @Patch(':id')
  @ApiOperation({ summary: 'Update a checklist item' })
  @Errors('NOT_FOUND')
  @Permission('checklist.update')
  @Returns(checklistItem)
  update(
    @ValidParams(consultationItemParams) params: z.infer<typeof consultationItemParams>,
    @ValidBody(checklistUpdateBody) body: z.infer<typeof checklistUpdateBody>,
    @CurrentUser() user: AuthContext,
  ) {
    return this.checklist.update(params.consultationId, params.id, body, user.userId);
  }
}
