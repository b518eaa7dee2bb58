import { Controller, Get, HttpCode, Inject, Post, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { loginBody, sessionResponse, user, type LoginBody } from '@cw/shared';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
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

  /** Rate-limited per client address (LOGIN_RATE_LIMIT a minute). */
  @Post('login')
  @HttpCode(200)
  @Public()
  @UseGuards(RateLimitGuard)
  @Returns(sessionResponse, 'Signed in; also sets the session cookie')
  async login(@ValidBody(loginBody) body: LoginBody, @Res({ passthrough: true }) response: Response) {
    const session = await this.auth.login(body);
    response.setHeader('Set-Cookie', sessionCookie(this.config, session.token, new Date(session.expiresAt)));
    return session;
  }

  /** Ends the session server-side: the token stops working everywhere at once. */
  @Post('logout')
  @HttpCode(204)
  @SignedIn()
  async logout(@CurrentUser() current: AuthContext, @Res({ passthrough: true }) response: Response) {
    await this.auth.logout(current.sessionId);
    response.setHeader('Set-Cookie', clearedSessionCookie(this.config));
  }

  @Get('me')
  @SignedIn()
  @Returns(user)
  me(@CurrentUser() current: AuthContext) {
    return this.auth.me(current.userId);
  }
}
