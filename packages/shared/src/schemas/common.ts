import { z } from 'zod';

/** Control characters other than tab, line feed and carriage return; NUL among them. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * A single-line or multi-line text field: trimmed, bounded, with no NUL or control characters.
 * Absurd lengths abort before trimming, so such input gets one issue, not two.
 */
export function text(options: { min?: number; max: number; multiline?: boolean }) {
  const { min = 1, max, multiline = false } = options;
  return z
    .string()
    .max(max * 4, { message: `must be at most ${max} characters`, abort: true })
    .trim()
    .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !CONTROL_CHARS.test(value), 'must not contain control characters')
    .refine((value) => multiline || !/[\r\n]/.test(value), 'must be a single line');
}

export const uuid = z.uuid({ version: 'v4', message: 'must be a UUID' });

export const email = z
  .string()
  .max(320, 'must be at most 320 characters')
  .trim()
  .toLowerCase()
  .pipe(z.email('must be an email address'));

/** Length limits follow NIST SP 800-63B: at least 10 characters, long passphrases welcome. */
export const password = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(256, 'must be at most 256 characters')
  .refine((value) => !value.includes('\u0000'), 'must not contain NUL characters');

/** An IANA time zone name such as `Europe/Zurich`. */
export const timeZone = z
  .string()
  .max(64)
  .refine((value) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return value.includes('/') || value === 'UTC';
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Europe/Zurich');

/** A wall-clock date and time without zone, `YYYY-MM-DDTHH:mm`, read in the consultation's zone. */
export const localDateTime = z
  .string()
  .max(16, { message: 'must be a local date and time YYYY-MM-DDTHH:mm', abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must be a local date and time YYYY-MM-DDTHH:mm');

/** A calendar date `YYYY-MM-DD`. */
export const localDate = z.iso.date('must be a date YYYY-MM-DD');

/** An instant in ISO 8601 with offset, as the API returns it. */
export const instant = z.iso.datetime({ offset: true });

export const idParams = z.strictObject({ id: uuid });
export const consultationParams = z.strictObject({ consultationId: uuid });
export const consultationItemParams = z.strictObject({ consultationId: uuid, id: uuid });
