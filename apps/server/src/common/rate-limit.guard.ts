import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { rateLimited } from './app-error.js';

/**
 * The guard of every route with a per-address or per-member rate limit. A refusal is 429
 * RATE_LIMITED with the standard `Retry-After` in seconds; the library's own headers carry the
 * throttler's name (`Retry-After-login`), which no HTTP client reads, and are switched off.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const window = detail.ttl === 60_000 ? 'a minute' : `every ${detail.ttl / 1000} seconds`;
    throw rateLimited(`Too many requests: at most ${detail.limit} ${window}`, detail.timeToBlockExpire);
  }
}
