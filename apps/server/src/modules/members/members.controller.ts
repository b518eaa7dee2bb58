import { Controller, Delete, Get, HttpCode, Patch } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  consultationItemParams,
  consultationParams,
  member,
  updateMemberBody,
  type UpdateMemberBody,
} from '@cw/shared';
import { z } from 'zod';
import { Errors } from '../../common/api-errors.js';
import { CurrentActor, Permission } from '../../common/access.decorators.js';
import type { Actor } from '../../common/request-context.js';
import { Returns, ValidBody, ValidParams } from '../../common/validation.decorators.js';
import { MembersService } from './members.service.js';

type ConsultationParams = z.infer<typeof consultationParams>;
type ItemParams = z.infer<typeof consultationItemParams>;

@ApiTags('members')
@Controller('api/consultations/:consultationId/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @ApiOperation({
    summary: 'List the members',
    description: 'Ordered by stakeholder group, then name.',
  })
  @Permission('members.read')
  @Returns(z.array(member))
  list(@ValidParams(consultationParams) params: ConsultationParams) {
    return this.members.list(params.consultationId);
  }

  @Patch(':id')
  @ApiOperation({
    summary: "Change a member's role or group",
    description: 'Refused (409 `LAST_ADMIN`) when it would leave the consultation without an admin.',
  })
  @Errors('NOT_FOUND', 'LAST_ADMIN')
  @Permission('members.manage')
  @Returns(member)
  update(
    @ValidParams(consultationItemParams) params: ItemParams,
    @ValidBody(updateMemberBody) body: UpdateMemberBody,
    @CurrentActor() actor: Actor,
  ) {
    return this.members.update(actor, params.id, body);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Remove a member' })
  @Errors('NOT_FOUND', 'LAST_ADMIN')
  @HttpCode(204)
  @Permission('members.manage')
  remove(@ValidParams(consultationItemParams) params: ItemParams, @CurrentActor() actor: Actor) {
    return this.members.remove(actor, params.id);
  }
}
