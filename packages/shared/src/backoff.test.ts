import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

describe('backoffDelay', () => {
  it('doubles from the first wait up to the longest', () => {
    expect([0, 1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, 100, 2_000))).toEqual([
      100, 200, 400, 800, 1_600, 2_000,
    ]);
  });
});
