import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { demoAccount } from '@cw/shared';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { Errors } from '../../common/api-errors.js';
import { Public } from '../../common/access.decorators.js';
import { notFound } from '../../common/app-error.js';
import { Returns } from '../../common/validation.decorators.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';

@ApiTags('demo')
@Controller('api/demo')
export class DemoController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('accounts')
  @ApiOperation({
    summary: 'List the demo accounts',
    description:
      'The demo accounts and their password, for the login page. Outside demo mode the route answers 404, so nothing is advertised.',
  })
  @Errors('NOT_FOUND')
  @Public()
  @Returns(z.array(demoAccount))
  accounts() {
    if (!this.config.isDemoMode) throw notFound();
    return DEMO_ACCOUNTS;
  }
}
