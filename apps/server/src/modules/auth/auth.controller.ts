import { Controller, Get, HttpCode, Inject, Patch, Post, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  accountPreferencesBody,
  loginBody,
  sessionResponse,
  user,
  type AccountPreferencesBody,
  type LoginBody,
} from '@cw/shared';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { Errors } from '../../common/api-errors.js';
import { RateLimitGuard } from '../../common/rate-limit.guard.js';
import { CurrentUser, Public, SignedIn } from '../../common/access.decorators.js';
import type { AuthContext } from '../../common/request-context.js';
import { Returns, ValidBody } from '../../common/validation.decorators.js';
import { AuthService } from './auth.service.js';
import { clearedSessionCookie, sessionCookie } from './session-cookie.js';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
  ) {}

  @Post('login')
  @ApiOperation({
    summary: 'Sign in',
    description:
      'Answers the session token, and sets the session cookie. Limited per client address (LOGIN_RATE_LIMIT attempts a minute) and per account: after repeated failures each attempt waits, doubling, and then the account is locked for a while, right password or not. An email without an account gets the same answers as a wrong password.',
  })
  @Errors('INVALID_CREDENTIALS', 'DATABASE_UNAVAILABLE')
  @HttpCode(200)
  @Public()
  @UseGuards(RateLimitGuard)
  @Returns(sessionResponse, 'Signed in; also sets the session cookie')
  async login(@ValidBody(loginBody) body: LoginBody, @Res({ passthrough: true }) response: Response) {
    const session = await this.auth.login(body);
    response.setHeader('Set-Cookie', sessionCookie(this.config, session.token, new Date(session.expiresAt)));
    return session;
  }

  @Post('logout')
  @ApiOperation({
    summary: 'Sign out',
    description:
      'Ends the session on the server: its token stops working everywhere at once, and the cookie is cleared.',
  })
  @HttpCode(204)
  @SignedIn()
  async logout(@CurrentUser() current: AuthContext, @Res({ passthrough: true }) response: Response) {
    await this.auth.logout(current.sessionId);
    response.setHeader('Set-Cookie', clearedSessionCookie(this.config));
  }

  @Get('me')
  @ApiOperation({ summary: 'The signed-in user' })
  @SignedIn()
  @Returns(user)
  me(@CurrentUser() current: AuthContext) {
    return this.auth.me(current.userId);
  }

  @Patch('me')
  @ApiOperation({
    summary: 'Change the signed-in account’s preferences',
    description:
      'Sets the language the app uses for this account on every device it signs in from (one of the six UN languages).',
  })
  @SignedIn()
  @Returns(user)
  setPreferences(
    @CurrentUser() current: AuthContext,
    @ValidBody(accountPreferencesBody) body: AccountPreferencesBody,
  ) {
    return this.auth.setPreferences(current.userId, body);
  }
}
