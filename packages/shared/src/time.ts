import { TZDate } from '@date-fns/tz';

/**
 * Reads a wall-clock `YYYY-MM-DDTHH:mm` in `timeZone` and returns the instant as ISO 8601 (UTC).
 * Across a daylight-saving gap the time zone database decides (the later valid time).
 */
export function zonedToInstant(local: string, timeZone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) throw new RangeError(`Not a local date-time: ${local}`);
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  return new Date(new TZDate(y, mo - 1, d, h, mi, timeZone).getTime()).toISOString();
}

/** The wall-clock `YYYY-MM-DDTHH:mm` of an instant in `timeZone` (for editing forms). */
export function instantToZoned(instant: string | Date, timeZone: string): string {
  const date = new TZDate(new Date(instant).getTime(), timeZone);
  const pad = (value: number) => String(value).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** Whether two zones show the same wall clock for this instant (then one time is enough). */
export function sameWallClock(instant: string | Date, zoneA: string, zoneB: string): boolean {
  return instantToZoned(instant, zoneA) === instantToZoned(instant, zoneB);
}
