import { applyDecorators, type ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import {
  SkipThrottle,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerOptions,
} from '@nestjs/throttler';
import { AppError } from '../../common/app-error.js';
import type { AppRequest } from '../../common/request-context.js';

const COMMENT_RATE_LIMITED = 'cw:commentRateLimited';

/**
 * The `comments` throttler: `limit` new threads and comments a minute per signed-in member,
 * counted together, keyed by user id (members behind one office address do not share a budget).
 * Applies only to routes marked with `@CommentRateLimit()`.
 */
export function commentsThrottler(limit: number): ThrottlerOptions {
  return {
    name: 'comments',
    ttl: 60_000,
    limit,
    skipIf: (context) => Reflect.getMetadata(COMMENT_RATE_LIMITED, context.getHandler()) !== true,
    getTracker: (request) => (request as AppRequest).auth?.userId ?? 'anonymous',
    generateKey: (_context, tracker) => `comments:${tracker}`,
  };
}

/** Answers 429 RATE_LIMITED with a plain `Retry-After` (seconds), as HTTP clients expect. */
@Injectable()
export class CommentsThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const seconds = String(Math.max(1, detail.timeToBlockExpire));
    throw new AppError(
      'RATE_LIMITED',
      `Too many posts: at most ${detail.limit} a minute. Try again in ${seconds} seconds`,
      undefined,
      { 'Retry-After': seconds },
    );
  }
}

/** Counts the route against the member's posting budget (after the access guard has run). */
export const CommentRateLimit = () =>
  applyDecorators(
    SetMetadata(COMMENT_RATE_LIMITED, true),
    SkipThrottle({ login: true }),
    UseGuards(CommentsThrottlerGuard),
  );
