import { ERROR_CODES, type ErrorCode, type ValidationIssue } from '@cw/shared';

/**
 * The one error type services throw. It carries a registry code (packages/shared errors.ts), so
 * REST answers and WebSocket closes say the same thing; the filter turns it into JSON.
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ValidationIssue[],
    /** Extra response headers, e.g. Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.status = ERROR_CODES[code];
  }
}

export const notFound = (what = 'Not found') => new AppError('NOT_FOUND', what);
export const consultationNotFound = () => new AppError('CONSULTATION_NOT_FOUND', 'Consultation not found');

/** 429 with the standard `Retry-After` header: whole seconds, at least one. */
export function rateLimited(reason: string, retryAfterSeconds: number): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new AppError('RATE_LIMITED', `${reason}. Try again in ${seconds} seconds`, undefined, {
    'Retry-After': String(seconds),
  });
}
