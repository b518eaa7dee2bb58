import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { ClusterModule } from './cluster/cluster.module.js';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { HttpExceptionFilter } from './common/http-exception.filter.js';
import { ShutdownState } from './common/shutdown-state.js';
import { DbModule } from './db/db.module.js';
import { AccessChangesModule } from './modules/access-changes/index.js';
import { AccessModule } from './modules/access/index.js';
import { AttributionModule } from './modules/attribution/index.js';
import { AuditModule } from './modules/audit/index.js';
import { AuthModule } from './modules/auth/index.js';
import { CollabModule } from './modules/collab/index.js';
import { BootstrapAdminModule } from './modules/bootstrap-admin/index.js';
import { ConsultationsModule } from './modules/consultations/index.js';
import { DemoModule } from './modules/demo/index.js';
import { ExportsModule } from './modules/exports/index.js';
import { ResultsModule } from './modules/results/index.js';
import { HealthModule } from './modules/health/index.js';
import { IdempotencyModule } from './modules/idempotency/index.js';
import { InvitationsModule, invitationsThrottler } from './modules/invitations/index.js';
import { LiveModule } from './modules/live/index.js';
import { MailModule } from './modules/mail/index.js';
import { requestLoggingModule } from './logging/request-logging.js';
import { MembersModule } from './modules/members/index.js';
import { MetricsModule } from './modules/metrics/index.js';
import { ModerationModule } from './modules/moderation/index.js';
import { NotesModule } from './modules/notes/index.js';
import { SearchModule } from './modules/search/index.js';
import { StructureModule } from './modules/structure/index.js';
import { TemplatesModule } from './modules/templates/index.js';
import { commentsThrottler, ThreadsModule } from './modules/threads/index.js';
import { DashboardModule } from './modules/dashboard/index.js';
import { EventsModule } from './modules/events/index.js';
import { VersionsModule } from './modules/versions/index.js';

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
        MailModule,
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
        LiveModule,
        EventsModule,
        ModerationModule,
        SearchModule,
        VersionsModule,
        NotesModule,
        DashboardModule,
        ResultsModule,
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
