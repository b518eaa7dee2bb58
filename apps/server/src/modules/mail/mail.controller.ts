import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { outbox } from '@cw/shared';
import { CurrentUser, SignedIn } from '../../common/access.decorators.js';
import { Errors } from '../../common/api-errors.js';
import type { AuthContext } from '../../common/request-context.js';
import { Returns } from '../../common/validation.decorators.js';
import { MailOutbox } from './mail-outbox.service.js';

@ApiTags('mail')
@Controller('api/mail')
export class MailController {
  constructor(private readonly mail: MailOutbox) {}

  /** Installation organisers only (403 otherwise): kept mail is read here when there is no SMTP_URL. */
  @Get('outbox')
  @ApiOperation({
    summary: 'Outgoing mail',
    description:
      "The outbox, newest first: each mail's recipient, kind and delivery state, and its text while it is kept (no SMTP_URL), so that every flow works without a mail server. Installation organisers only.",
  })
  @Errors('FORBIDDEN')
  @SignedIn()
  @Returns(outbox)
  outbox(@CurrentUser() current: AuthContext) {
    return this.mail.list(current);
  }
}
