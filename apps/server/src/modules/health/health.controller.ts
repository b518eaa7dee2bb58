import { Controller, Get, Res } from '@nestjs/common';
import { ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
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

  /** Liveness: the process answers. Touches no dependency, so an outage never gets it restarted. */
  @Get('health')
  @Public()
  @Returns(healthStatus)
  health(): HealthStatus {
    return { status: 'ok', database: this.db.kind };
  }

  /** Readiness: every dependency answers and the instance is not shutting down. */
  @Get('ready')
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
