import { fieldIssue, type FieldIssue } from '@cw/shared';
import i18next, { type TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError, NetworkError } from './api-error';

/** The translated sentence for any failure: by error code, never by message text. */
export function errorMessage(t: TFunction, error: unknown): string {
  // A wait can be a second or a sign-in lock of many minutes: say how long.
  if (error instanceof ApiError && error.code === 'RATE_LIMITED' && error.retryAfterSeconds !== undefined)
    return t('errors.rateLimitedFor', { count: Math.ceil(error.retryAfterSeconds / 60) });
  // The page's own address completes the advice some messages give (FORBIDDEN_ORIGIN).
  if (error instanceof ApiError)
    return t(`errors.${error.code}`, { origin: globalThis.location?.origin ?? '' });
  if (error instanceof NetworkError) return t('errors.NETWORK');
  return t('errors.INTERNAL');
}

/**
 * The translated sentence for a refused field, from its stable code (and bound: "at most 200
 * characters"); a code this app does not know yet (a newer server's) keeps the server's words.
 */
export function fieldIssueMessage({ code, params }: FieldIssue, serverMessage?: string): string {
  const key = `validation.${code}` as const;
  const count = params?.maximum ?? params?.minimum;
  const options = count === undefined ? {} : { count };
  if (serverMessage !== undefined && !i18next.exists(key, options)) return serverMessage;
  return i18next.t(key, options);
}

/** Field name → problem, for showing each problem beside its control. */
export type FieldErrors = Partial<Record<string, string>>;

/** Field problems from a 400 answer; `body.title` becomes `title`. */
export function fieldErrorsFromApi(error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return {};
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.replace(/^(body|params|query)\.?/, '') || 'form';
    fields[field] ??= fieldIssueMessage(issue, issue.message);
  }
  return fields;
}

/** Field problems from checking a body against its shared schema before sending it. */
export function fieldErrorsFromZod(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.') || 'form';
    fields[field] ??= fieldIssueMessage(fieldIssue(issue));
  }
  return fields;
}
