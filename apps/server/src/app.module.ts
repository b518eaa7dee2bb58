import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { ClusterModule } from './cluster/cluster.module.js';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { HttpExceptionFilter } from './common/http-exception.filter.js';
import { ShutdownState } from './common/shutdown-state.js';
import { DbModule } from './db/db.module.js';
import { AccessChangesModule } from './modules/access/access-changes.module.js';
import { AccessModule } from './modules/access/access.module.js';
import { AttributionModule } from './modules/attribution/attribution.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { CollabModule } from './modules/collab/collab.module.js';
import { BootstrapAdminModule } from './modules/bootstrap-admin/bootstrap-admin.module.js';
import { ConsultationsModule } from './modules/consultations/consultations.module.js';
import { DemoModule } from './modules/demo/demo.module.js';
import { ExportsModule } from './modules/exports/exports.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { IdempotencyModule } from './modules/idempotency/idempotency.module.js';
import { InvitationsModule } from './modules/invitations/invitations.module.js';
import { requestLoggingModule } from './logging/request-logging.js';
import { invitationsThrottler } from './modules/invitations/invitations-throttler.js';
import { MembersModule } from './modules/members/members.module.js';
import { MetricsModule } from './modules/metrics/metrics.module.js';
import { ModerationModule } from './modules/moderation/moderation.module.js';
import { StructureModule } from './modules/structure/structure.module.js';
import { TemplatesModule } from './modules/templates/templates.module.js';
import { commentsThrottler } from './modules/threads/comments-throttler.js';
import { ThreadsModule } from './modules/threads/threads.module.js';
import { DashboardModule } from './modules/dashboard/dashboard.module.js';
import { VersionsModule } from './modules/versions/versions.module.js';

@Module({})
export class AppModule {
  /** The whole application for one parsed configuration (tests build it with their own). */
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        requestLoggingModule(config),
        MetricsModule,
        ThrottlerModule.forRoot({
          // RateLimitGuard answers with the standard Retry-After instead of per-throttler headers.
          setHeaders: false,
          throttlers: [
            { name: 'login', ttl: 60_000, limit: config.loginRateLimit },
            invitationsThrottler(config.invitationRateLimit),
            commentsThrottler(config.commentRateLimit),
          ],
        }),
        DbModule,
        ClusterModule,
        AccessChangesModule,
        AuthModule,
        AccessModule,
        IdempotencyModule,
        AttributionModule,
        AuditModule,
        CollabModule,
        HealthModule,
        TemplatesModule,
        StructureModule,
        ConsultationsModule,
        DemoModule,
        BootstrapAdminModule,
        MembersModule,
        InvitationsModule,
        ThreadsModule,
        ModerationModule,
        VersionsModule,
        DashboardModule,
        ExportsModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        ShutdownState,
      ],
      exports: [APP_CONFIG, ShutdownState],
    };
  }
}
