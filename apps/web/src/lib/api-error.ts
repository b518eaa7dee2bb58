import type { ApiErrorBody, ErrorCode, ValidationIssue } from '@cw/shared';
import { ERROR_CODES } from '@cw/shared';

/** A failed API call, carrying the server's error code so the UI can switch on it. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly issues: ValidationIssue[];
  /** From the `Retry-After` header (rate limits, a database away), when the answer had one. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    status: number,
    code: ErrorCode,
    message: string,
    issues: ValidationIssue[] = [],
    retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

/** Builds an `ApiError` from any error answer, including ones a proxy produced without our shape. */
export function toApiError(status: number, body: unknown, retryAfter: string | null = null): ApiError {
  const candidate = (typeof body === 'object' && body !== null ? body : {}) as Partial<ApiErrorBody>;
  const code = isErrorCode(candidate.code) ? candidate.code : fallbackCode(status);
  const issues = Array.isArray(candidate.issues) ? candidate.issues : [];
  const seconds = retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) : undefined;
  return new ApiError(status, code, candidate.message ?? `HTTP ${status}`, issues, seconds);
}

function fallbackCode(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 503) return 'UNAVAILABLE';
  return 'INTERNAL';
}

/** The network failed before any answer arrived. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('Network request failed', { cause });
    this.name = 'NetworkError';
  }
}
