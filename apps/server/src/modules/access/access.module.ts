import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { AuthModule } from '../auth/auth.module.js';
import { AccessGuard } from './access.guard.js';
import { MembershipRepository } from './membership.repository.js';
import { SocketAdmission } from './socket-admission.js';

/** Installs the access guard on every route of the app; admits sockets of consultation channels. */
@Module({
  imports: [AuthModule, DiscoveryModule],
  providers: [
    MembershipRepository,
    SocketAdmission,
    AccessGuard,
    { provide: APP_GUARD, useExisting: AccessGuard },
  ],
  exports: [MembershipRepository, SocketAdmission],
})
export class AccessModule {}
