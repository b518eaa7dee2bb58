import { sameWallClock, type TimePrecision } from '@cw/shared';

/** The viewer's own IANA time zone, as the browser reports it. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Start–end of a session as the clock in `timeZone` shows it, e.g. "14 Jan 2026, 15:00 – 16:30". */
export function formatRangeInZone(
  startsAt: string,
  endsAt: string,
  timeZone: string,
  locale: string,
): string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  return format.formatRange(new Date(startsAt), new Date(endsAt));
}

/** A calendar date `YYYY-MM-DD` in the reader's language, without shifting it across zones. */
export function formatLocalDate(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** An instant as date and time in the viewer's zone (`timeZone` only to pin it in tests). */
export function formatInstant(instant: string, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(instant),
  );
}

const HOUR_MS = 3_600_000;

/**
 * A time exactly as precise as the server sent it, in the viewer's zone: exact, or the hour it was
 * cut to as a range ("14 Jan 2026, 15:00 – 16:00"), which a zone half an hour off shows as such
 * ("20:30 – 21:30") rather than as a made-up minute.
 */
export function formatTimeOf(
  instant: string,
  precision: TimePrecision,
  locale: string,
  timeZone?: string,
): string {
  if (precision === 'exact') return formatInstant(instant, locale, timeZone);
  const start = new Date(instant);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).formatRange(
    start,
    new Date(start.getTime() + HOUR_MS),
  );
}

export interface ZonedRange {
  timeZone: string;
  text: string;
}

/**
 * The session's times in the consultation's zone and, when its clock differs, in the viewer's.
 * One entry when both zones show the same times.
 */
export function sessionTimes(
  startsAt: string,
  endsAt: string,
  consultationZone: string,
  viewerZone: string,
  locale: string,
): ZonedRange[] {
  const times = [
    { timeZone: consultationZone, text: formatRangeInZone(startsAt, endsAt, consultationZone, locale) },
  ];
  const isSameClock =
    sameWallClock(startsAt, consultationZone, viewerZone) &&
    sameWallClock(endsAt, consultationZone, viewerZone);
  if (!isSameClock) {
    times.push({ timeZone: viewerZone, text: formatRangeInZone(startsAt, endsAt, viewerZone, locale) });
  }
  return times;
}

/** Every IANA zone the browser knows, for the time zone pickers. */
export function knownTimeZones(): string[] {
  return Intl.supportedValuesOf('timeZone');
}

/** The browser's zone when it is a proper IANA region zone, else the product default. */
export function defaultTimeZone(): string {
  const zone = viewerTimeZone();
  return zone.includes('/') ? zone : 'Europe/Zurich';
}
