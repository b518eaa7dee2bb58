import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  consultationParams,
  markNotificationsReadBody,
  type MarkNotificationsReadBody,
  notification,
} from '@cw/shared';
import { z } from 'zod';
import { CurrentMember, CurrentUser, Permission } from '../../common/access.decorators.js';
import type { AuthContext, MembershipContext } from '../../common/request-context.js';
import { Returns, ValidBody, ValidParams } from '../../common/validation.decorators.js';
import { NotificationsService } from './notifications.service.js';

type ConsultationParams = z.infer<typeof consultationParams>;

/** The caller's own notifications; nobody reads or marks another member's. */
@ApiTags('notifications')
@Controller('api/consultations/:consultationId/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({
    summary: 'List my notifications',
    description: "The caller's own, newest first, at most 100.",
  })
  @Permission('threads.read')
  @Returns(z.array(notification), 'Newest first, at most 100')
  list(
    @ValidParams(consultationParams) _params: ConsultationParams,
    @CurrentUser() auth: AuthContext,
    @CurrentMember() member: MembershipContext,
  ) {
    return this.notifications.list({ auth, member });
  }

  @Post('read')
  @ApiOperation({
    summary: 'Mark my notifications read',
    description: 'Those listed in `ids`, or all of them.',
  })
  @HttpCode(204)
  @Permission('threads.read')
  markRead(
    @ValidParams(consultationParams) _params: ConsultationParams,
    @ValidBody(markNotificationsReadBody) body: MarkNotificationsReadBody,
    @CurrentUser() auth: AuthContext,
    @CurrentMember() member: MembershipContext,
  ) {
    return this.notifications.markRead({ auth, member }, body);
  }
}
