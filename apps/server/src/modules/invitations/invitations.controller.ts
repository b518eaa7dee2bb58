import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  bulkInvitationsAnswer,
  bulkInvitationsBody,
  consultationItemParams,
  consultationParams,
  createdInvitation,
  MAX_BULK_INVITATIONS,
  type BulkInvitationsBody,
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

  @Post('bulk')
  @ApiOperation({
    summary: 'Invite people by mail',
    description: `Each row (email, role, group name or null for "the invitee picks") is checked on its own; every valid row gets an invitation bound to its address and a mail with a single-use link, and the answer says row by row which were refused and why (invalid email, role or group, repeated, a member already, invited already). At most ${MAX_BULK_INVITATIONS} rows.`,
  })
  @HttpCode(200)
  @Permission('invitations.manage')
  @Returns(bulkInvitationsAnswer, 'Each row invited or refused with its problem')
  bulk(
    @ValidParams(consultationParams) _params: ConsultationParams,
    @ValidBody(bulkInvitationsBody) body: BulkInvitationsBody,
    @CurrentActor() actor: Actor,
  ) {
    return this.invitations.bulk(actor, body);
  }

  @Post(':id/resend')
  @ApiOperation({
    summary: 'Mail an invitation again',
    description:
      'Only invitations sent by mail, pending or expired: a new link replaces the old one and works for 7 days. A few times at most (409 `RESEND_LIMIT`).',
  })
  @Errors('NOT_FOUND', 'CONFLICT', 'RESEND_LIMIT')
  @HttpCode(200)
  @Permission('invitations.manage')
  @Returns(invitation, 'The invitation with its new mail')
  resend(@ValidParams(consultationItemParams) params: ItemParams, @CurrentActor() actor: Actor) {
    return this.invitations.resend(actor, params.id);
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
