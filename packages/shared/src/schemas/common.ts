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
    .refine((value) => value.length <= max * 4, {
      message: `must be at most ${max} characters`,
      abort: true,
      params: { issue: 'tooLong', maximum: max },
    })
    .trim()
    .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !CONTROL_CHARS.test(value), {
      message: 'must not contain control characters',
      params: { issue: 'controlCharacters' },
    })
    .refine((value) => multiline || !/[\r\n]/.test(value), {
      message: 'must be a single line',
      params: { issue: 'singleLine' },
    });
}

/** The refinement of an update body that must change something. */
export const NO_CHANGE = { message: 'must change at least one field', params: { issue: 'noChange' } };

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
  .refine((value) => !value.includes('\u0000'), {
    message: 'must not contain NUL characters',
    params: { issue: 'controlCharacters' },
  });

/** An IANA time zone name such as `Europe/Zurich`. */
export const timeZone = z
  .string()
  .max(64)
  .refine(
    (value) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: value });
        return value.includes('/') || value === 'UTC';
      } catch {
        return false;
      }
    },
    { message: 'must be an IANA time zone such as Europe/Zurich', params: { issue: 'timeZone' } },
  );

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
