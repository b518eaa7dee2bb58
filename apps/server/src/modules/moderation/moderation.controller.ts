import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  comment,
  commentParams,
  consultationParams,
  flagCommentBody,
  type FlagCommentBody,
  hideCommentBody,
  type HideCommentBody,
  moderationItem,
  moderationQueueQuery,
  type ModerationQueueQuery,
  redactCommentBody,
  type RedactCommentBody,
} from '@cw/shared';
import { z } from 'zod';
import { Errors } from '../../common/api-errors.js';
import { CurrentActor, Permission } from '../../common/access.decorators.js';
import type { Actor } from '../../common/request-context.js';
import { Returns, ValidBody, ValidParams, ValidQuery } from '../../common/validation.decorators.js';
import { ModerationService } from './moderation.service.js';

type CommentParams = z.infer<typeof commentParams>;

/** Flagging is open to every member; the queue and what is done about a flag, to editors and admins. */
@ApiTags('moderation')
@Controller('api/consultations/:consultationId')
export class ModerationController {
  constructor(private readonly moderation: ModerationService) {}

  @Post('comments/:commentId/flags')
  @ApiOperation({
    summary: 'Flag a comment',
    description:
      'Asks the organisers to look at it, with a reason; who flagged is never shown. Flagging it again while the flag is open changes nothing.',
  })
  @Errors('NOT_FOUND')
  @HttpCode(204)
  @Permission('comments.flag')
  flag(
    @ValidParams(commentParams) params: CommentParams,
    @ValidBody(flagCommentBody) body: FlagCommentBody,
    @CurrentActor() actor: Actor,
  ) {
    return this.moderation.flag(actor, params.commentId, body);
  }

  @Post('comments/:commentId/flags/dismiss')
  @ApiOperation({
    summary: "Dismiss a comment's flags",
    description: 'Closes its open flags and leaves the comment as it is.',
  })
  @Errors('NOT_FOUND')
  @HttpCode(204)
  @Permission('comments.moderate')
  dismiss(@ValidParams(commentParams) params: CommentParams, @CurrentActor() actor: Actor) {
    return this.moderation.dismiss(actor, params.commentId);
  }

  @Post('comments/:commentId/hide')
  @ApiOperation({
    summary: 'Hide a comment',
    description:
      'Its text is gone from every thread, event and export; it keeps its place, and its author is notified with the reason.',
  })
  @Errors('NOT_FOUND')
  @HttpCode(200)
  @Permission('comments.moderate')
  @Returns(comment, 'The comment as the moderator now sees it')
  hide(
    @ValidParams(commentParams) params: CommentParams,
    @ValidBody(hideCommentBody) body: HideCommentBody,
    @CurrentActor() actor: Actor,
  ) {
    return this.moderation.hide(actor, params.commentId, body);
  }

  @Post('comments/:commentId/redact')
  @ApiOperation({
    summary: 'Redact parts of a comment',
    description:
      'Ranges of the text as written become `[redacted]`; a second redaction replaces the first. The author is notified.',
  })
  @Errors('NOT_FOUND')
  @HttpCode(200)
  @Permission('comments.moderate')
  @Returns(comment, 'The comment as the moderator now sees it')
  redact(
    @ValidParams(commentParams) params: CommentParams,
    @ValidBody(redactCommentBody) body: RedactCommentBody,
    @CurrentActor() actor: Actor,
  ) {
    return this.moderation.redact(actor, params.commentId, body);
  }

  @Post('comments/:commentId/restore')
  @ApiOperation({
    summary: 'Restore a comment',
    description: 'Puts the text as written back; again is harmless.',
  })
  @Errors('NOT_FOUND')
  @HttpCode(200)
  @Permission('comments.moderate')
  @Returns(comment, 'Restored (again is harmless)')
  restore(@ValidParams(commentParams) params: CommentParams, @CurrentActor() actor: Actor) {
    return this.moderation.restore(actor, params.commentId);
  }

  @Get('moderation')
  @ApiOperation({
    summary: 'The moderation queue',
    description:
      'Comments with open flags (`queue=open`), or hidden and redacted ones (`queue=moderated`), with their text as written.',
  })
  @Permission('comments.moderate')
  @Returns(z.array(moderationItem), 'Flagged comments, or moderated ones, with their text as written')
  queue(
    @ValidParams(consultationParams) _params: z.infer<typeof consultationParams>,
    @ValidQuery(moderationQueueQuery) query: ModerationQueueQuery,
    @CurrentActor() actor: Actor,
  ) {
    return this.moderation.queue(actor, query);
  }
}
