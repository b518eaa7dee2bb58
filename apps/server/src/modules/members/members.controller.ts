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
import { Permission } from '../../common/access.decorators.js';
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
  ) {
    return this.members.update(params.consultationId, params.id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Permission('members.manage')
  remove(@ValidParams(consultationItemParams) params: ItemParams) {
    return this.members.remove(params.consultationId, params.id);
  }
}
