import { Controller, Delete, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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

  /** Only the author edits or deletes a comment (the shared input rules). */
  @Patch('comments/:commentId')
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
