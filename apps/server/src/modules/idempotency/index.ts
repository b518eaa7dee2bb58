/** What other parts of the app may use of the idempotency module; the rest is its own. */
export { IdempotencyModule } from './idempotency.module.js';
export { IdempotencyKey } from './idempotency-key.decorator.js';
export { createdNoLonger, IdempotencyService, type IdempotentRequest } from './idempotency.service.js';
