import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { AuditLog } from './audit-log.service.js';
import { AuditRepository } from './audit.repository.js';

/** The append-only record of organisers' actions; every module that acts for them writes to it. */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditLog, AuditRepository],
  exports: [AuditLog],
})
export class AuditModule {}
