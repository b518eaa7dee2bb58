import { Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  passwordResetConfirmBody,
  passwordResetRequestBody,
  passwordResetRequested,
  type PasswordResetConfirmBody,
  type PasswordResetRequestBody,
  type PasswordResetRequested,
} from '@cw/shared';
import { Public } from '../../common/access.decorators.js';
import { RateLimitGuard } from '../../common/rate-limit.guard.js';
import { ReturnsAccepted, ValidBody } from '../../common/validation.decorators.js';
import { PasswordResetService } from './password-reset.service.js';

/** Rate-limited per client address like sign-in (LOGIN_RATE_LIMIT a minute, per route). */
@ApiTags('auth')
@Controller('api/auth/password-reset')
@UseGuards(RateLimitGuard)
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  /** The same answer, as fast, whether or not the email has an account. */
  @Post()
  @HttpCode(202)
  @Public()
  @ReturnsAccepted(passwordResetRequested, 'If the email has an account, a reset link is on its way')
  request(@ValidBody(passwordResetRequestBody) body: PasswordResetRequestBody): PasswordResetRequested {
    this.resets.request(body);
    return { next: 'checkMail' };
  }

  /** 410 RESET_LINK_INVALID for a link unknown, used or expired; every session of the account ends. */
  @Post('confirm')
  @HttpCode(204)
  @Public()
  confirm(@ValidBody(passwordResetConfirmBody) body: PasswordResetConfirmBody) {
    return this.resets.confirm(body);
  }
}
