import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  compareVersionsQuery,
  type CompareVersionsQuery,
  consultationItemParams,
  consultationParams,
  createVersionBody,
  type CreateVersionBody,
  versionComparison,
  versionDetail,
  versionRestore,
  versionSummary,
} from '@cw/shared';
import { z } from 'zod';
import { CurrentMember, CurrentUser, Permission } from '../../common/access.decorators.js';
import type { AuthContext, MembershipContext } from '../../common/request-context.js';
import {
  Returns,
  ReturnsCreated,
  ValidBody,
  ValidParams,
  ValidQuery,
} from '../../common/validation.decorators.js';
import type { Viewer } from './version.presenter.js';
import { IdempotencyKey, type IdempotentRequest } from '../idempotency/index.js';
import { VersionsService } from './versions.service.js';

type ConsultationParams = z.infer<typeof consultationParams>;
type ItemParams = z.infer<typeof consultationItemParams>;

const viewer = (user: AuthContext, member: MembershipContext): Viewer => ({
  userId: user.userId,
  role: member.role,
  attributionMode: member.attributionMode,
});

@ApiTags('versions')
@Controller('api/consultations/:consultationId/versions')
export class VersionsController {
  constructor(private readonly versions: VersionsService) {}

  @Post()
  @Permission('versions.create')
  @ReturnsCreated(versionSummary)
  create(
    @ValidParams(consultationParams) _params: ConsultationParams,
    @ValidBody(createVersionBody) body: CreateVersionBody,
    @IdempotencyKey() idempotency: IdempotentRequest | undefined,
    @CurrentUser() user: AuthContext,
    @CurrentMember() member: MembershipContext,
  ) {
    return this.versions.create({ auth: user, member }, body, idempotency);
  }

  @Get()
  @Permission('paper.read')
  @Returns(z.array(versionSummary))
  list(
    @ValidParams(consultationParams) params: ConsultationParams,
    @CurrentUser() user: AuthContext,
    @CurrentMember() member: MembershipContext,
  ) {
    return this.versions.list(params.consultationId, viewer(user, member));
  }

  // Declared before `:id` so "compare" is not read as a version id.
  @Get('compare')
  @Permission('paper.read')
  @Returns(versionComparison)
  compare(
    @ValidParams(consultationParams) params: ConsultationParams,
    @ValidQuery(compareVersionsQuery) query: CompareVersionsQuery,
    @CurrentUser() user: AuthContext,
    @CurrentMember() member: MembershipContext,
  ) {
    return this.versions.compare(params.consultationId, query, viewer(user, member));
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Permission('versions.restore')
  @Returns(versionRestore)
  restore(
    @ValidParams(consultationItemParams) params: ItemParams,
    @CurrentUser() user: AuthContext,
    @CurrentMember() member: MembershipContext,
  ) {
    return this.versions.restore({ auth: user, member }, params.id);
  }

  @Get(':id')
  @Permission('paper.read')
  @Returns(versionDetail)
  detail(
    @ValidParams(consultationItemParams) params: ItemParams,
    @CurrentUser() user: AuthContext,
    @CurrentMember() member: MembershipContext,
  ) {
    return this.versions.detail(params.consultationId, params.id, viewer(user, member));
  }
}
