import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { OriginPolicy } from '../../common/origin-policy.js';
import { AuthModule } from '../auth/index.js';
import { AccessGuard } from './access.guard.js';
import { MembershipRepository } from './membership.repository.js';
import { SocketAdmission } from './socket-admission.js';

/**
 * Installs the access guard on every route of the app; admits sockets of consultation channels;
 * decides which web pages may use a session (the Origin check, CORS).
 */
@Module({
  imports: [AuthModule, DiscoveryModule],
  providers: [
    {
      provide: OriginPolicy,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new OriginPolicy(config.allowedOrigins, config.trustProxy),
    },
    MembershipRepository,
    SocketAdmission,
    AccessGuard,
    { provide: APP_GUARD, useExisting: AccessGuard },
  ],
  exports: [MembershipRepository, SocketAdmission, OriginPolicy],
})
export class AccessModule {}
