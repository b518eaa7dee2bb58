import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { outbox } from '@cw/shared';
import { CurrentUser, SignedIn } from '../../common/access.decorators.js';
import type { AuthContext } from '../../common/request-context.js';
import { Returns } from '../../common/validation.decorators.js';
import { MailOutbox } from './mail-outbox.service.js';

@ApiTags('mail')
@Controller('api/mail')
export class MailController {
  constructor(private readonly mail: MailOutbox) {}

  /** Installation organisers only (403 otherwise): kept mail is read here when there is no SMTP_URL. */
  @Get('outbox')
  @SignedIn()
  @Returns(outbox)
  outbox(@CurrentUser() current: AuthContext) {
    return this.mail.list(current);
  }
}
