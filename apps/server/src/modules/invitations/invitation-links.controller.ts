import { Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import {
  acceptedInvitation,
  acceptInvitationBody,
  invitationPreview,
  invitationSignupAnswer,
  invitationSignupBody,
  invitationTokenParams,
  type AcceptInvitationBody,
  type InvitationSignupBody,
} from '@cw/shared';
import { z } from 'zod';
import { Errors } from '../../common/api-errors.js';
import { RateLimitGuard } from '../../common/rate-limit.guard.js';
import { CurrentUser, Public, SignedIn } from '../../common/access.decorators.js';
import type { AuthContext } from '../../common/request-context.js';
import { Returns, ReturnsAccepted, ValidBody, ValidParams } from '../../common/validation.decorators.js';
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
  constructor(private readonly acceptance: InvitationAcceptanceService) {}

  @Get()
  @ApiOperation({
    summary: 'Preview an invitation',
    description:
      'What the invitation is for, before signing in or up, with the groups to pick from when it leaves the group open. Looking counts as opening the link, which the admins see. The three invitation link routes share a limit per client address (INVITATION_RATE_LIMIT a minute).',
  })
  @Errors('NOT_FOUND', 'DATABASE_UNAVAILABLE')
  @Public()
  @Returns(invitationPreview)
  preview(@ValidParams(invitationTokenParams) params: TokenParams) {
    return this.acceptance.preview(params.token);
  }

  @Post('accept')
  @ApiOperation({
    summary: 'Accept an invitation',
    description:
      'The signed-in user joins the consultation; accepting again answers the same. An invitation sent by mail takes only the account with that address (403 `INVITATION_OTHER_EMAIL`); one that leaves the group open needs `groupId`, the group picked.',
  })
  @Errors(
    'NOT_FOUND',
    'INVITATION_USED',
    'INVITATION_EXPIRED',
    'INVITATION_REVOKED',
    'INVITATION_OTHER_EMAIL',
    'ALREADY_MEMBER',
  )
  @HttpCode(200)
  @SignedIn()
  @Returns(acceptedInvitation, 'Joined the consultation')
  accept(
    @ValidParams(invitationTokenParams) params: TokenParams,
    @ValidBody(acceptInvitationBody) body: AcceptInvitationBody | undefined,
    @CurrentUser() current: AuthContext,
  ) {
    return this.acceptance.accept(params.token, current.userId, body);
  }

  @Post('signup')
  @ApiOperation({
    summary: 'Sign up through an invitation',
    description:
      'The same answer whether or not the email has an account: a new account is created and joins at once; an existing one is left as it is, and its owner accepts after signing in. Sign in with this email and password next. An invitation sent by mail takes only its address (403 `INVITATION_OTHER_EMAIL`); one that leaves the group open needs `groupId`.',
  })
  @Errors(
    'NOT_FOUND',
    'INVITATION_USED',
    'INVITATION_EXPIRED',
    'INVITATION_REVOKED',
    'INVITATION_OTHER_EMAIL',
    'DATABASE_UNAVAILABLE',
  )
  @HttpCode(202)
  @Public()
  @ReturnsAccepted(invitationSignupAnswer, 'Sign in with this email and password to continue')
  signup(
    @ValidParams(invitationTokenParams) params: TokenParams,
    @ValidBody(invitationSignupBody) body: InvitationSignupBody,
  ) {
    return this.acceptance.signup(params.token, body);
  }
}
