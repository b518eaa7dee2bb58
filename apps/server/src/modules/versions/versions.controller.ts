import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { Errors } from '../../common/api-errors.js';
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
  @ApiOperation({
    summary: 'Save a version',
    description:
      'The paper as it is now, its pending edits stored first. Refused (409 `CONFLICT`) when the name is taken.',
  })
  @Errors('CONFLICT')
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
  @ApiOperation({
    summary: 'List versions',
    description: 'Newest first.',
  })
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
  @ApiOperation({
    summary: 'Compare versions',
    description:
      'A version with another or with the paper as it is now, section by section, with the suggested changes accepted in between.',
  })
  @Errors('NOT_FOUND')
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
  @ApiOperation({
    summary: 'Restore a version',
    description:
      "The paper is saved as a version first; then each section's text is put back as in the version, as an edit every open page receives.",
  })
  @Errors('NOT_FOUND')
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
  @ApiOperation({
    summary: 'Read a version',
    description: 'Its sections as they were, as read-only blocks.',
  })
  @Errors('NOT_FOUND')
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
