import { Controller, Get, HttpCode, Inject, Post, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import {
  acceptedInvitation,
  invitationPreview,
  invitationTokenParams,
  sessionResponse,
  signupBody,
  type SignupBody,
} from '@cw/shared';
import type { Response } from 'express';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { RateLimitGuard } from '../../common/rate-limit.guard.js';
import { CurrentUser, Public, SignedIn } from '../../common/access.decorators.js';
import type { AuthContext } from '../../common/request-context.js';
import { Returns, ReturnsCreated, ValidBody, ValidParams } from '../../common/validation.decorators.js';
import { sessionCookie } from '../auth/session-cookie.js';
import { InvitationAcceptanceService } from './invitation-acceptance.service.js';

type TokenParams = z.infer<typeof invitationTokenParams>;

/**
 * The invitee's side of a link. Tokens are guessable only by brute force, so every route here
 * shares the `invitations` rate limit per client address (the login limit does not apply).
 */
@ApiTags('invitations')
@Controller('api/invitations/:token')
@UseGuards(RateLimitGuard)
@SkipThrottle({ login: true })
export class InvitationLinksController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly acceptance: InvitationAcceptanceService,
  ) {}

  @Get()
  @Public()
  @Returns(invitationPreview)
  preview(@ValidParams(invitationTokenParams) params: TokenParams) {
    return this.acceptance.preview(params.token);
  }

  @Post('accept')
  @HttpCode(200)
  @SignedIn()
  @Returns(acceptedInvitation, 'Joined the consultation')
  accept(@ValidParams(invitationTokenParams) params: TokenParams, @CurrentUser() current: AuthContext) {
    return this.acceptance.accept(params.token, current.userId);
  }

  @Post('signup')
  @Public()
  @ReturnsCreated(sessionResponse, 'Account created and joined; also sets the session cookie')
  async signup(
    @ValidParams(invitationTokenParams) params: TokenParams,
    @ValidBody(signupBody) body: SignupBody,
    @Res({ passthrough: true }) response: Response,
  ) {
    const session = await this.acceptance.signup(params.token, body);
    response.setHeader('Set-Cookie', sessionCookie(this.config, session.token, new Date(session.expiresAt)));
    return session;
  }
}
