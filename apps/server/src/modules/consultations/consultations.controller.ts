import { Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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

  /** The caller's consultations with their role and group in each. */
  @Get()
  @SignedIn()
  @Returns(z.array(consultationSummary))
  list(@CurrentUser() user: AuthContext) {
    return this.consultations.list(user.userId);
  }

  /** Organisers only (403 otherwise); the creator becomes admin. */
  @Post()
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
  @Permission('consultation.read')
  @Returns(consultationDetail)
  detail(@ValidParams(consultationParams) params: Params, @CurrentUser() user: AuthContext) {
    return this.consultations.detail(params.consultationId, user.userId);
  }

  @Patch(':consultationId')
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

  /** 409 INVALID_TRANSITION for moves the transition table does not allow. */
  @Post(':consultationId/phase')
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
