import { expect } from 'vitest';
import type { ApiResponse } from './http-client.js';

/**
 * A refusal as every rate limit gives it: 429 RATE_LIMITED with the standard `Retry-After` in
 * whole seconds within `seconds`, and no header named after a throttler (`Retry-After-login`).
 */
export function expectRateLimited(response: ApiResponse, seconds: { min: number; max: number }): number {
  expect(response.status).toBe(429);
  expect(response.body.code).toBe('RATE_LIMITED');
  const retryAfter = response.headers.get('retry-after') ?? '';
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(seconds.min);
  expect(Number(retryAfter)).toBeLessThanOrEqual(seconds.max);
  expect([...response.headers.keys()].filter((name) => /^(retry-after|x-ratelimit)-/.test(name))).toEqual([]);
  return Number(retryAfter);
}
