import { Module } from '@nestjs/common';
import { StatisticsModule } from '../statistics/index.js';
import { DashboardController } from './dashboard.controller.js';
import { DashboardRepository } from './dashboard.repository.js';
import { DashboardService } from './dashboard.service.js';

/** Input tracking by stakeholder group: figures, participation, representation gaps (issue 5). */
@Module({
  imports: [StatisticsModule],
  controllers: [DashboardController],
  providers: [DashboardService, DashboardRepository],
  exports: [DashboardService],
})
export class DashboardModule {}
