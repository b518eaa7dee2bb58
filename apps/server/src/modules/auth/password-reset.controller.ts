import { Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  passwordResetConfirmBody,
  passwordResetRequestBody,
  passwordResetRequested,
  type PasswordResetConfirmBody,
  type PasswordResetRequestBody,
  type PasswordResetRequested,
} from '@cw/shared';
import { Public } from '../../common/access.decorators.js';
import { Errors } from '../../common/api-errors.js';
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
  @ApiOperation({
    summary: 'Ask for a password reset link',
    description:
      'Mails a single-use link, valid for an hour, when the email has an account. The answer, and how soon it comes, is the same whether or not it has one. Limited per client address (LOGIN_RATE_LIMIT a minute).',
  })
  @HttpCode(202)
  @Public()
  @ReturnsAccepted(passwordResetRequested, 'If the email has an account, a reset link is on its way')
  request(@ValidBody(passwordResetRequestBody) body: PasswordResetRequestBody): PasswordResetRequested {
    this.resets.request(body);
    return { next: 'checkMail' };
  }

  /** 410 RESET_LINK_INVALID for a link unknown, used or expired; every session of the account ends. */
  @Post('confirm')
  @ApiOperation({
    summary: 'Set a new password with a reset link',
    description:
      "Sets the password, uses up the account's every open reset link and ends every session of the account. Limited per client address like sign-in.",
  })
  @Errors('RESET_LINK_INVALID')
  @HttpCode(204)
  @Public()
  confirm(@ValidBody(passwordResetConfirmBody) body: PasswordResetConfirmBody) {
    return this.resets.confirm(body);
  }
}
