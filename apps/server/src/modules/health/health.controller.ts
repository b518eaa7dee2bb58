import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/access.decorators.js';
import { Database } from '../../db/database.js';

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(private readonly db: Database) {}

  /** Liveness, and which database backend this process uses. */
  @Get()
  @Public()
  health() {
    return { status: 'ok', database: this.db.kind };
  }
}
