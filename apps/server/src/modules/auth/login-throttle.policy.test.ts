import { describe, expect, it } from 'vitest';
import { waitAfterFailures } from './login-throttle.policy.js';

const policy = { failuresBeforeDelay: 5, delaySeconds: 2, failuresBeforeLock: 20, lockSeconds: 900 };

describe('waitAfterFailures', () => {
  it('lets the first failures through without a wait', () => {
    expect([0, 1, 4].map((failures) => waitAfterFailures(failures, policy))).toEqual([0, 0, 0]);
  });

  it('doubles the delay with each failure from the fifth', () => {
    expect([5, 6, 7, 8].map((failures) => waitAfterFailures(failures, policy))).toEqual([2, 4, 8, 16]);
  });

  it('never delays longer than the lock', () => {
    expect(waitAfterFailures(13, policy)).toBe(512);
    expect(waitAfterFailures(14, policy)).toBe(900);
    expect(waitAfterFailures(19, policy)).toBe(900);
  });

  it('locks from the twentieth failure on', () => {
    expect(waitAfterFailures(20, { ...policy, lockSeconds: 60 })).toBe(60);
    expect(waitAfterFailures(35, policy)).toBe(900);
  });
});
