import { TZDate } from '@date-fns/tz';
import type { Phase } from './roles.js';
import { instantToZoned } from './time.js';

/**
 * The phase changes a consultation's dates schedule: input opens at the start of `opensOn` and
 * closes at the end of `closesOn`, in the consultation's time zone. Each moves only from the
 * phase named here, so a phase an organiser set by hand is never undone.
 */
export const SCHEDULED_PHASES = ['open', 'closed'] as const;
export type ScheduledPhase = (typeof SCHEDULED_PHASES)[number];

/** The phase a scheduled change moves from. */
export const SCHEDULED_FROM: Readonly<Record<ScheduledPhase, Phase>> = { open: 'draft', closed: 'open' };

/** How long before a scheduled change members are told of it, and the page shows it. */
export const PHASE_NOTICE_HOURS = 24;

export interface ScheduledChange {
  phase: ScheduledPhase;
  /** The instant, ISO 8601 in UTC. */
  at: string;
}

/**
 * The instant `days` days after the start of the calendar date `date` in `timeZone`. The time
 * zone database decides the offset, so a day may be 23 or 25 hours long; where midnight does not
 * exist (a daylight-saving gap at 00:00), the day starts at the first valid time after it.
 */
function startOfDay(date: string, timeZone: string, days = 0): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Not a calendar date: ${date}`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return new Date(new TZDate(y, m - 1, d + days, 0, 0, timeZone).getTime()).toISOString();
}

/** When the consultation's dates open and close input; none for a date that is not set. */
export function scheduledChanges(dates: {
  opensOn: string | null;
  closesOn: string | null;
  timezone: string;
}): ScheduledChange[] {
  return [
    ...(dates.opensOn ? [{ phase: 'open' as const, at: startOfDay(dates.opensOn, dates.timezone) }] : []),
    ...(dates.closesOn
      ? [{ phase: 'closed' as const, at: startOfDay(dates.closesOn, dates.timezone, 1) }]
      : []),
  ];
}

/**
 * A scheduled change as the consultation's clock tells it: opening at "00:00" of its day, closing
 * at "24:00" of the last day rather than 00:00 of the next (both as the agenda would say them).
 */
export function scheduledWallClock(
  change: ScheduledChange,
  timeZone: string,
): { date: string; time: string } {
  const local = instantToZoned(change.at, timeZone);
  const [date, time] = local.split('T') as [string, string];
  if (change.phase === 'closed' && time === '00:00') {
    const dayBefore = new Date(`${date}T00:00:00Z`);
    dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
    return { date: dayBefore.toISOString().slice(0, 10), time: '24:00' };
  }
  return { date, time };
}
