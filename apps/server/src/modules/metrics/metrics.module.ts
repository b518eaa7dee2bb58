import { Global, Module } from '@nestjs/common';
import { MetricsAccess } from './metrics-access.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsService } from './metrics.service.js';

/** Prometheus metrics (docs/operations.md lists them); global so any module can record. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [MetricsService, MetricsAccess],
  exports: [MetricsService],
})
export class MetricsModule {}
