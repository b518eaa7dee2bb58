import { Controller, Delete, Get, HttpCode, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  consultationItemParams,
  consultationParams,
  member,
  updateMemberBody,
  type UpdateMemberBody,
} from '@cw/shared';
import { z } from 'zod';
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
  @Permission('members.read')
  @Returns(z.array(member))
  list(@ValidParams(consultationParams) params: ConsultationParams) {
    return this.members.list(params.consultationId);
  }

  @Patch(':id')
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
  @HttpCode(204)
  @Permission('members.manage')
  remove(@ValidParams(consultationItemParams) params: ItemParams, @CurrentActor() actor: Actor) {
    return this.members.remove(actor, params.id);
  }
}
