import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { healthStatus, type HealthStatus, readinessStatus, type ReadinessStatus } from '@cw/shared';
import type { Response } from 'express';
import { Public } from '../../common/access.decorators.js';
import { openApiSchema, Returns } from '../../common/validation.decorators.js';
import { Database } from '../../db/database.js';
import { ReadinessService } from './readiness.service.js';

@ApiTags('health')
@Controller('api')
export class HealthController {
  constructor(
    private readonly db: Database,
    private readonly readiness: ReadinessService,
  ) {}

  @Get('health')
  @ApiOperation({
    summary: 'Liveness',
    description:
      'The process answers. It touches no dependency, so an outage of the database never gets the process restarted.',
  })
  @Public()
  @Returns(healthStatus)
  live(): HealthStatus {
    return { status: 'ok', database: this.db.kind };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Readiness',
    description:
      '200 while every dependency answers and the instance is not shutting down; 503 naming the checks that fail.',
  })
  @Public()
  @Returns(readinessStatus, 'Ready')
  @ApiServiceUnavailableResponse({
    description: 'Not ready',
    schema: openApiSchema(readinessStatus, 'output'),
  })
  async ready(@Res({ passthrough: true }) response: Response): Promise<ReadinessStatus> {
    const result = await this.readiness.check();
    response.status(result.status === 'ready' ? 200 : 503).setHeader('Cache-Control', 'no-store');
    return result;
  }
}
