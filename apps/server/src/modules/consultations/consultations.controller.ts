import { Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  changePhaseBody,
  consultationDetail,
  consultationParams,
  consultationSummary,
  createConsultationBody,
  updateConsultationBody,
  type ChangePhaseBody,
  type CreateConsultationBody,
  type UpdateConsultationBody,
} from '@cw/shared';
import { z } from 'zod';
import { Errors } from '../../common/api-errors.js';
import { CurrentMember, CurrentUser, Permission, SignedIn } from '../../common/access.decorators.js';
import type { AuthContext, MembershipContext } from '../../common/request-context.js';
import { Returns, ReturnsCreated, ValidBody, ValidParams } from '../../common/validation.decorators.js';
import { IdempotencyKey, type IdempotentRequest } from '../idempotency/index.js';
import { ConsultationsService } from './consultations.service.js';

type Params = z.infer<typeof consultationParams>;

@ApiTags('consultations')
@Controller('api/consultations')
export class ConsultationsController {
  constructor(private readonly consultations: ConsultationsService) {}

  @Get()
  @ApiOperation({
    summary: 'List my consultations',
    description: "The caller's consultations, with their role and stakeholder group in each.",
  })
  @SignedIn()
  @Returns(z.array(consultationSummary))
  list(@CurrentUser() user: AuthContext) {
    return this.consultations.list(user.userId);
  }

  @Post()
  @ApiOperation({
    summary: 'Create a consultation',
    description: 'For organisers only (403 for anyone else); the creator becomes its admin.',
  })
  @Errors('FORBIDDEN')
  @SignedIn()
  @ReturnsCreated(consultationDetail)
  create(
    @CurrentUser() user: AuthContext,
    @ValidBody(createConsultationBody) body: CreateConsultationBody,
    @IdempotencyKey() idempotency: IdempotentRequest | undefined,
  ) {
    return this.consultations.create(user, body, idempotency);
  }

  @Get(':consultationId')
  @ApiOperation({
    summary: 'Read a consultation',
    description:
      "Its settings, structure, the caller's role and the actions it allows now, and the next phase change its dates schedule.",
  })
  @Permission('consultation.read')
  @Returns(consultationDetail)
  detail(@ValidParams(consultationParams) params: Params, @CurrentUser() user: AuthContext) {
    return this.consultations.detail(params.consultationId, user.userId);
  }

  @Patch(':consultationId')
  @ApiOperation({
    summary: "Change a consultation's settings",
    description:
      'A more open attribution mode or a lower k is refused (409 `CONFIRMATION_REQUIRED`) until sent again with `confirmOpening: true`; every member is told of such a change.',
  })
  @Errors('CONFIRMATION_REQUIRED')
  @Permission('consultation.update')
  @Returns(consultationDetail)
  update(
    @ValidParams(consultationParams) _params: Params,
    @ValidBody(updateConsultationBody) body: UpdateConsultationBody,
    @CurrentUser() auth: AuthContext,
    @CurrentMember() member: MembershipContext,
  ) {
    return this.consultations.update({ auth, member }, body);
  }

  @Post(':consultationId/phase')
  @ApiOperation({
    summary: 'Move a consultation to another phase',
    description:
      'Forward one step, or back one step while nothing is published; other moves are 409 `INVALID_TRANSITION`. Audited; the other members are notified.',
  })
  @Errors('INVALID_TRANSITION', 'CONFLICT')
  @HttpCode(200)
  @Permission('consultation.changePhase')
  @Returns(consultationDetail)
  changePhase(
    @ValidParams(consultationParams) _params: Params,
    @ValidBody(changePhaseBody) body: ChangePhaseBody,
    @CurrentMember() member: MembershipContext,
    @CurrentUser() auth: AuthContext,
  ) {
    return this.consultations.changePhase({ auth, member }, body.phase);
  }
}
