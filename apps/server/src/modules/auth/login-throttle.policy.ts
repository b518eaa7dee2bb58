import { backoffDelay } from '@cw/shared';
import type { LoginThrottleConfig } from '../../config/config.js';

/**
 * Seconds the next attempt must wait after `failures` attempts without a success: none before
 * `failuresBeforeDelay`, then the delay doubling with each failure, and the lock from
 * `failuresBeforeLock` on. A delay never outlasts the lock.
 */
export function waitAfterFailures(failures: number, policy: LoginThrottleConfig): number {
  if (failures >= policy.failuresBeforeLock) return policy.lockSeconds;
  if (failures < policy.failuresBeforeDelay) return 0;
  return backoffDelay(failures - policy.failuresBeforeDelay, policy.delaySeconds, policy.lockSeconds);
}
