import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { SkipThrottle, type ThrottlerOptions } from '@nestjs/throttler';
import { RateLimitGuard } from '../../common/rate-limit.guard.js';
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

/** Counts the route against the member's posting budget (after the access guard has run). */
export const CommentRateLimit = () =>
  applyDecorators(
    SetMetadata(COMMENT_RATE_LIMITED, true),
    SkipThrottle({ login: true }),
    UseGuards(RateLimitGuard),
  );
