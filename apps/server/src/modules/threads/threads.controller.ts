import { Controller, Delete, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  comment,
  commentBodyInput,
  type CommentBodyInput,
  commentParams,
  consultationParams,
  createThreadBody,
  type CreateThreadBody,
  questionSummary,
  resolveThreadBody,
  type ResolveThreadBody,
  thread,
  threadListQuery,
  type ThreadListQuery,
  threadParams,
} from '@cw/shared';
import { z } from 'zod';
import { Errors } from '../../common/api-errors.js';
import { CurrentMember, CurrentUser, Permission } from '../../common/access.decorators.js';
import type { AuthContext, MembershipContext } from '../../common/request-context.js';
import {
  Returns,
  ReturnsCreated,
  ValidBody,
  ValidParams,
  ValidQuery,
} from '../../common/validation.decorators.js';
import { IdempotencyKey, type IdempotentRequest } from '../idempotency/index.js';
import { CommentRateLimit } from './comments-throttler.js';
import { ThreadsService } from './threads.service.js';

type ConsultationParams = z.infer<typeof consultationParams>;
type ThreadParams = z.infer<typeof threadParams>;
type CommentParams = z.infer<typeof commentParams>;

/** Every answer is presented for the caller: names, ids and times per SPEC §3. */
@ApiTags('threads')
@Controller('api/consultations/:consultationId')
export class ThreadsController {
  constructor(private readonly threads: ThreadsService) {}

  @Get('threads')
  @ApiOperation({
    summary: 'List threads',
    description:
      'Oldest first; filtered by status, guiding question (or general input), section and stakeholder label as the caller sees them.',
  })
  @Permission('threads.read')
  @Returns(z.array(thread), 'Oldest first')
  list(
    @ValidParams(consultationParams) _params: ConsultationParams,
    @ValidQuery(threadListQuery) query: ThreadListQuery,
    @CurrentUser() auth: AuthContext,
    @CurrentMember() member: MembershipContext,
  ) {
    return this.threads.list({ auth, member }, query);
  }

  @Post('threads')
  @ApiOperation({
    summary: 'Open a thread',
    description:
      "On a guiding question, on general input, or on a passage of a section, optionally about a suggested change. Counts against the member's posting budget (COMMENT_RATE_LIMIT new threads and comments a minute).",
  })
  @Errors('NOT_FOUND')
  @Permission('threads.create')
  @CommentRateLimit()
  @ReturnsCreated(thread)
  create(
    @ValidParams(consultationParams) _params: ConsultationParams,
    @ValidBody(createThreadBody) body: CreateThreadBody,
    @IdempotencyKey() idempotency: IdempotentRequest | undefined,
    @CurrentUser() auth: AuthContext,
    @CurrentMember() member: MembershipContext,
  ) {
    return this.threads.create({ auth, member }, body, idempotency);
  }

  @Get('threads/:threadId')
  @ApiOperation({ summary: 'Read a thread' })
  @Errors('NOT_FOUND')
  @Permission('threads.read')
  @Returns(thread)
  get(
    @ValidParams(threadParams) params: ThreadParams,
    @CurrentUser() auth: AuthContext,
    @CurrentMember() member: MembershipContext,
  ) {
    return this.threads.get({ auth, member }, params.threadId);
  }

  @Post('threads/:threadId/comments')
  @ApiOperation({
    summary: 'Reply to a thread',
    description:
      "Counts against the member's posting budget, like a new thread. A resolved thread must be reopened first.",
  })
  @Errors('NOT_FOUND', 'THREAD_RESOLVED')
  @Permission('threads.reply')
  @CommentRateLimit()
  @ReturnsCreated(thread, 'The thread with the new comment')
  reply(
    @ValidParams(threadParams) params: ThreadParams,
    @ValidBody(commentBodyInput) body: CommentBodyInput,
    @IdempotencyKey() idempotency: IdempotentRequest | undefined,
    @CurrentUser() auth: AuthContext,
    @CurrentMember() member: MembershipContext,
  ) {
    return this.threads.reply({ auth, member }, params.threadId, body, idempotency);
  }

  @Post('threads/:threadId/resolve')
  @ApiOperation({
    summary: 'Resolve a thread',
    description: 'With its outcome and a note; the member who opened it is notified.',
  })
  @Errors('NOT_FOUND', 'THREAD_STATUS')
  @HttpCode(200)
  @Permission('threads.resolve')
  @Returns(thread)
  resolve(
    @ValidParams(threadParams) params: ThreadParams,
    @ValidBody(resolveThreadBody) body: ResolveThreadBody,
    @IdempotencyKey() idempotency: IdempotentRequest | undefined,
    @CurrentUser() auth: AuthContext,
    @CurrentMember() member: MembershipContext,
  ) {
    return this.threads.resolve({ auth, member }, params.threadId, body, idempotency);
  }

  @Post('threads/:threadId/reopen')
  @ApiOperation({ summary: 'Reopen a thread' })
  @Errors('NOT_FOUND', 'THREAD_STATUS')
  @HttpCode(200)
  @Permission('threads.reopen')
  @Returns(thread)
  reopen(
    @ValidParams(threadParams) params: ThreadParams,
    @CurrentUser() auth: AuthContext,
    @CurrentMember() member: MembershipContext,
  ) {
    return this.threads.reopen({ auth, member }, params.threadId);
  }

  @Patch('comments/:commentId')
  @ApiOperation({
    summary: 'Edit a comment',
    description:
      'Only its author may (403 for anyone else); it is marked edited. A comment the organisers hid or redacted can no longer be edited.',
  })
  @Errors('FORBIDDEN', 'NOT_FOUND', 'COMMENT_MODERATED')
  @Permission('comments.edit')
  @Returns(comment)
  edit(
    @ValidParams(commentParams) params: CommentParams,
    @ValidBody(commentBodyInput) body: CommentBodyInput,
    @CurrentUser() auth: AuthContext,
    @CurrentMember() member: MembershipContext,
  ) {
    return this.threads.editComment({ auth, member }, params.commentId, body);
  }

  @Delete('comments/:commentId')
  @ApiOperation({
    summary: 'Delete a comment',
    description:
      'Only its author may (403 for anyone else). It leaves a tombstone; deleting it again is harmless.',
  })
  @Errors('FORBIDDEN', 'NOT_FOUND')
  @HttpCode(204)
  @Permission('comments.delete')
  remove(
    @ValidParams(commentParams) params: CommentParams,
    @CurrentUser() auth: AuthContext,
    @CurrentMember() member: MembershipContext,
  ) {
    return this.threads.deleteComment({ auth, member }, params.commentId);
  }

  @Put('comments/:commentId/endorsement')
  @ApiOperation({
    summary: 'Endorse a comment',
    description: "Again is harmless; members endorse other people's comments, not their own.",
  })
  @Errors('NOT_FOUND', 'SELF_ENDORSEMENT')
  @Permission('comments.endorse')
  @Returns(comment, 'Endorsed (again is harmless)')
  endorse(
    @ValidParams(commentParams) params: CommentParams,
    @CurrentUser() auth: AuthContext,
    @CurrentMember() member: MembershipContext,
  ) {
    return this.threads.endorse({ auth, member }, params.commentId);
  }

  @Delete('comments/:commentId/endorsement')
  @ApiOperation({
    summary: 'Withdraw an endorsement',
    description: 'Again is harmless.',
  })
  @Errors('NOT_FOUND')
  @Permission('comments.endorse')
  @Returns(comment, 'Endorsement withdrawn (again is harmless)')
  withdraw(
    @ValidParams(commentParams) params: CommentParams,
    @CurrentUser() auth: AuthContext,
    @CurrentMember() member: MembershipContext,
  ) {
    return this.threads.withdrawEndorsement({ auth, member }, params.commentId);
  }

  @Get('questions/summary')
  @ApiOperation({
    summary: 'Thread counts per guiding question',
    description: 'Open, resolved and all threads per guiding question; `questionId: null` is general input.',
  })
  @Permission('threads.read')
  @Returns(z.array(questionSummary), 'Thread counts per guiding question; questionId null is general input')
  summary(
    @ValidParams(consultationParams) _params: ConsultationParams,
    @CurrentUser() auth: AuthContext,
    @CurrentMember() member: MembershipContext,
  ) {
    return this.threads.summary({ auth, member });
  }
}
