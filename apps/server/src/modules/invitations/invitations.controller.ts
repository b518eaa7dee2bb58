import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  consultationItemParams,
  consultationParams,
  createdInvitation,
  createInvitationBody,
  invitation,
  type CreateInvitationBody,
} from '@cw/shared';
import { z } from 'zod';
import { Errors } from '../../common/api-errors.js';
import { CurrentActor, Permission } from '../../common/access.decorators.js';
import type { Actor } from '../../common/request-context.js';
import { Returns, ReturnsCreated, ValidBody, ValidParams } from '../../common/validation.decorators.js';
import { IdempotencyKey, type IdempotentRequest } from '../idempotency/index.js';
import { InvitationsService } from './invitations.service.js';

type ConsultationParams = z.infer<typeof consultationParams>;
type ItemParams = z.infer<typeof consultationItemParams>;

/** Admins manage the invitation links of their consultation. */
@ApiTags('invitations')
@Controller('api/consultations/:consultationId/invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get()
  @ApiOperation({
    summary: 'List invitations',
    description: 'Newest first; tokens are never listed.',
  })
  @Permission('invitations.manage')
  @Returns(z.array(invitation), 'Newest first; tokens are never listed')
  list(@ValidParams(consultationParams) params: ConsultationParams) {
    return this.invitations.list(params.consultationId);
  }

  @Post()
  @ApiOperation({
    summary: 'Create an invitation link',
    description: 'The token and the link are answered this once.',
  })
  @Errors('CONFLICT')
  @Permission('invitations.manage')
  @ReturnsCreated(createdInvitation, 'The token and link, shown this once')
  create(
    @ValidParams(consultationParams) _params: ConsultationParams,
    @ValidBody(createInvitationBody) body: CreateInvitationBody,
    @IdempotencyKey() idempotency: IdempotentRequest | undefined,
    @CurrentActor() actor: Actor,
  ) {
    return this.invitations.create(actor, body, idempotency);
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Revoke an invitation',
    description: 'Again is harmless; an invitation used already cannot be revoked (409 `CONFLICT`).',
  })
  @Errors('NOT_FOUND', 'CONFLICT')
  @HttpCode(204)
  @Permission('invitations.manage')
  revoke(@ValidParams(consultationItemParams) params: ItemParams, @CurrentActor() actor: Actor) {
    return this.invitations.revoke(actor, params.id);
  }
}
