import { z } from 'zod';

/**
 * The request header that makes a creating POST safe to send again: a retry with the same key
 * answers with what the first request created instead of creating it twice (docs/api.md).
 */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** Set to `true` on an answer that repeats an earlier request's outcome. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/** One key per user action, reused only by that action's retries; a UUID fits. */
export const idempotencyKey = z
  .string()
  .max(128, { message: 'must be 8 to 128 letters, digits, - or _', abort: true })
  .regex(/^[A-Za-z0-9_-]{8,128}$/, 'must be 8 to 128 letters, digits, - or _')
  .describe('A key of your choosing for this action, sent again unchanged with each retry of it');
