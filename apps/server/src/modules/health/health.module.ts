import { Module } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { ReadinessService } from './readiness.service.js';

/** Liveness and readiness for load balancers and orchestrators. */
@Module({ controllers: [HealthController], providers: [ReadinessService] })
export class HealthModule {}
