import { z } from 'zod';

/**
 * A suggestion's id: 128 random bits, base64url. The first member to send an id owns it; every
 * run of text marked with that id belongs to the same suggestion, accepted or rejected as one.
 * Kept apart from suggestions.ts, which imports the thread schemas, so that they can name a
 * suggestion without an import cycle.
 */
export const SUGGESTION_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export function isSuggestionId(value: unknown): value is string {
  return typeof value === 'string' && SUGGESTION_ID_PATTERN.test(value);
}

/** A suggestion's id in a request or an answer. It names the suggestion, never its author. */
export const suggestionIdString = z
  .string()
  .max(22, { message: 'must be a suggestion id', abort: true })
  .regex(SUGGESTION_ID_PATTERN, 'must be a suggestion id');
