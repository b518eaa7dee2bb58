import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { consultationParams, dashboardData, dashboardQuery, type DashboardQuery } from '@cw/shared';
import { z } from 'zod';
import { CurrentMember, Permission } from '../../common/access.decorators.js';
import type { MembershipContext } from '../../common/request-context.js';
import { Returns, ValidParams, ValidQuery } from '../../common/validation.decorators.js';
import { DashboardService } from './dashboard.service.js';

type ConsultationParams = z.infer<typeof consultationParams>;

@ApiTags('dashboard')
@Controller('api/consultations/:consultationId')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('dashboard')
  @ApiOperation({
    summary: 'The input dashboard',
    description:
      'Input by stakeholder group, guiding question, section and day, with participation and representation gaps; names no one. Admins get exact counts (`view=exact`, the default) or the published view; editors the published view only (403 for `view=exact`), where every figure counts only cells drawn from at least k people.',
  })
  @Permission('dashboard.read')
  @Returns(dashboardData, 'Exact counts for admins; published (thresholded) figures for editors')
  read(
    @ValidParams(consultationParams) _params: ConsultationParams,
    @ValidQuery(dashboardQuery) query: DashboardQuery,
    @CurrentMember() member: MembershipContext,
  ) {
    return this.dashboard.read(member, query);
  }
}
