import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { demoAccount } from '@cw/shared';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { Public } from '../../common/access.decorators.js';
import { notFound } from '../../common/app-error.js';
import { Returns } from '../../common/validation.decorators.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';

@ApiTags('demo')
@Controller('api/demo')
export class DemoController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The demo accounts for the login page; 404 outside demo mode so nothing is advertised. */
  @Get('accounts')
  @Public()
  @Returns(z.array(demoAccount))
  accounts() {
    if (!this.config.isDemoMode) throw notFound();
    return DEMO_ACCOUNTS;
  }
}
