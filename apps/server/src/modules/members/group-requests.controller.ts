import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  consultationItemParams,
  consultationParams,
  groupChangeDecisionBody,
  groupChangeRequest,
  groupChangeRequestBody,
  ownGroupChangeRequest,
  type GroupChangeDecisionBody,
  type GroupChangeRequestBody,
} from '@cw/shared';
import { z } from 'zod';
import { Errors } from '../../common/api-errors.js';
import { CurrentActor, Permission } from '../../common/access.decorators.js';
import type { Actor } from '../../common/request-context.js';
import { Returns, ReturnsCreated, ValidBody, ValidParams } from '../../common/validation.decorators.js';
import { GroupRequestsService } from './group-requests.service.js';

type ConsultationParams = z.infer<typeof consultationParams>;
type ItemParams = z.infer<typeof consultationItemParams>;

@ApiTags('members')
@Controller('api/consultations/:consultationId/group-requests')
export class GroupRequestsController {
  constructor(private readonly requests: GroupRequestsService) {}

  @Post()
  @ApiOperation({
    summary: 'Ask to change one’s stakeholder group',
    description: 'Any member; asking again replaces the group asked for. The admins approve or decline.',
  })
  @Errors('CONFLICT')
  @Permission('consultation.read')
  @ReturnsCreated(groupChangeRequest, 'The open request')
  ask(
    @ValidParams(consultationParams) _params: ConsultationParams,
    @ValidBody(groupChangeRequestBody) body: GroupChangeRequestBody,
    @CurrentActor() actor: Actor,
  ) {
    return this.requests.ask(actor, body.groupId);
  }

  @Get('mine')
  @ApiOperation({ summary: 'One’s own open request to change group' })
  @Permission('consultation.read')
  @Returns(ownGroupChangeRequest)
  async mine(@ValidParams(consultationParams) _params: ConsultationParams, @CurrentActor() actor: Actor) {
    return { request: await this.requests.mine(actor) };
  }

  @Get()
  @ApiOperation({ summary: 'List the open requests to change group', description: 'Oldest first.' })
  @Permission('members.manage')
  @Returns(z.array(groupChangeRequest))
  list(@ValidParams(consultationParams) params: ConsultationParams) {
    return this.requests.pending(params.consultationId);
  }

  @Post(':id/decision')
  @ApiOperation({
    summary: 'Approve or decline a request to change group',
    description: 'Approving moves the member to the group asked for. Audited either way.',
  })
  @Errors('NOT_FOUND')
  @HttpCode(204)
  @Permission('members.manage')
  decide(
    @ValidParams(consultationItemParams) params: ItemParams,
    @ValidBody(groupChangeDecisionBody) body: GroupChangeDecisionBody,
    @CurrentActor() actor: Actor,
  ) {
    return this.requests.decide(actor, params.id, body);
  }
}
