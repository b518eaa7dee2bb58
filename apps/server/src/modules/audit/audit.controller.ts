import { Controller, Get, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  auditCsvQuery,
  type AuditCsvQuery,
  auditEntry,
  auditQuery,
  type AuditQuery,
  consultationParams,
} from '@cw/shared';
import type { Response } from 'express';
import { z } from 'zod';
import { CurrentMember, Permission } from '../../common/access.decorators.js';
import type { MembershipContext } from '../../common/request-context.js';
import { Returns, ValidParams, ValidQuery } from '../../common/validation.decorators.js';
import { AuditLog } from './audit-log.service.js';

type ConsultationParams = z.infer<typeof consultationParams>;

/** The organisers' record, for admins: read as JSON or as CSV. No route changes it. */
@ApiTags('audit')
@Controller('api/consultations/:consultationId/audit')
export class AuditController {
  constructor(private readonly audit: AuditLog) {}

  @Get()
  @ApiOperation({
    summary: 'Read the audit log',
    description: 'Newest first, a page at a time, filtered by action, actor and time.',
  })
  @Permission('audit.read')
  @Returns(z.array(auditEntry), 'Newest first, a page at a time')
  list(
    @ValidParams(consultationParams) _params: ConsultationParams,
    @ValidQuery(auditQuery) query: AuditQuery,
    @CurrentMember() member: MembershipContext,
  ) {
    return this.audit.list(member, query);
  }

  @Get('csv')
  @ApiOperation({
    summary: 'Export the audit log as CSV',
    description: 'Every entry that matches the filters, as an attachment.',
  })
  @Permission('audit.read')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'The entries as CSV, as an attachment',
    schema: { type: 'string', format: 'binary' },
  })
  async csv(
    @ValidParams(consultationParams) _params: ConsultationParams,
    @ValidQuery(auditCsvQuery) query: AuditCsvQuery,
    @CurrentMember() member: MembershipContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    response.setHeader('Cache-Control', 'no-store');
    const csv = Buffer.from(await this.audit.csv(member, query));
    return new StreamableFile(csv, {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="audit-log.csv"',
      length: csv.length,
    });
  }
}
