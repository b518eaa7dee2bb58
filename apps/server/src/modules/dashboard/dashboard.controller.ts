import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
