import { PHASE_NOTICE_HOURS, sameWallClock, type ScheduledChange, scheduledWallClock } from '@cw/shared';
import { formatInstant, formatLocalDate } from '../../lib/time-format';

/** What a scheduled change says: its day and time on the consultation's clock, and the viewer's when it differs. */
export interface ScheduledChangeText {
  date: string;
  time: string;
  zone: string;
  /** The same instant on the viewer's clock; null when it shows the same time. */
  yourTime: string | null;
}

export function scheduledChangeText(
  change: ScheduledChange,
  consultationZone: string,
  viewerZone: string,
  locale: string,
): ScheduledChangeText {
  const { date, time } = scheduledWallClock(change, consultationZone);
  return {
    date: formatLocalDate(date, locale),
    time,
    zone: consultationZone,
    yourTime: sameWallClock(change.at, consultationZone, viewerZone)
      ? null
      : formatInstant(change.at, locale, viewerZone),
  };
}

const NOTICE_MS = PHASE_NOTICE_HOURS * 3_600_000;

/**
 * Milliseconds until the change enters the notice period (0: it is in it now), or null once it is
 * due: the page then shows the new phase instead.
 */
export function untilNotice(change: ScheduledChange, now: number): number | null {
  const due = Date.parse(change.at);
  if (now >= due) return null;
  return Math.max(0, due - NOTICE_MS - now);
}
