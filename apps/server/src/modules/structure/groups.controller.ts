import { Controller, Delete, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  consultationItemParams,
  consultationParams,
  groupBody,
  stakeholderGroup,
  updateGroupBody,
} from '@cw/shared';
import type { z } from 'zod';
import { Errors } from '../../common/api-errors.js';
import { CurrentActor, Permission } from '../../common/access.decorators.js';
import type { Actor } from '../../common/request-context.js';
import { Returns, ReturnsCreated, ValidBody, ValidParams } from '../../common/validation.decorators.js';
import { GroupsService } from './groups.service.js';
import { IdempotencyKey, type IdempotentRequest } from '../idempotency/index.js';

type ItemParams = z.infer<typeof consultationItemParams>;

@ApiTags('structure')
@Controller('api/consultations/:consultationId/groups')
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Post()
  @ApiOperation({ summary: 'Add a stakeholder group' })
  @Errors('CONFLICT', 'NOT_FOUND')
  @Permission('groups.manage')
  @ReturnsCreated(stakeholderGroup)
  create(
    @ValidParams(consultationParams) _params: z.infer<typeof consultationParams>,
    @ValidBody(groupBody) body: z.infer<typeof groupBody>,
    @IdempotencyKey() idempotency: IdempotentRequest | undefined,
    @CurrentActor() actor: Actor,
  ) {
    return this.groups.create(actor, body, idempotency);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Rename, describe or move a stakeholder group',
    description:
      'Rename it, change what it stands for (shown to invitees who pick their own group) and/or move it to a position (0 = first).',
  })
  @Errors('CONFLICT', 'NOT_FOUND')
  @Permission('groups.manage')
  @Returns(stakeholderGroup)
  update(
    @ValidParams(consultationItemParams) params: ItemParams,
    @ValidBody(updateGroupBody) body: z.infer<typeof updateGroupBody>,
    @CurrentActor() actor: Actor,
  ) {
    return this.groups.update(actor, params.id, body);
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Delete a stakeholder group',
    description: 'Refused (409 `GROUP_IN_USE`) while members or pending invitations use it.',
  })
  @Errors('GROUP_IN_USE', 'NOT_FOUND')
  @HttpCode(204)
  @Permission('groups.manage')
  async delete(@ValidParams(consultationItemParams) params: ItemParams, @CurrentActor() actor: Actor) {
    await this.groups.delete(actor, params.id);
  }
}
