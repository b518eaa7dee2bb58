import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { AuthModule } from '../auth/auth.module.js';
import { AccessGuard } from './access.guard.js';
import { MembershipRepository } from './membership.repository.js';

/** Installs the access guard on every route of the app. */
@Module({
  imports: [AuthModule, DiscoveryModule],
  providers: [MembershipRepository, AccessGuard, { provide: APP_GUARD, useExisting: AccessGuard }],
  exports: [MembershipRepository],
})
export class AccessModule {}
