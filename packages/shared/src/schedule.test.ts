import { describe, expect, it } from 'vitest';
import { scheduledChanges, scheduledWallClock } from './schedule.js';

const closing = (closesOn: string, timezone: string) =>
  scheduledChanges({ opensOn: null, closesOn, timezone })[0]!.at;
const opening = (opensOn: string, timezone: string) =>
  scheduledChanges({ opensOn, closesOn: null, timezone })[0]!.at;

describe('scheduled phase changes', () => {
  it('opens at the start of opensOn and closes at the end of closesOn, in the consultation’s zone', () => {
    expect(
      scheduledChanges({ opensOn: '2026-12-01', closesOn: '2026-12-12', timezone: 'Europe/Zurich' }),
    ).toEqual([
      { phase: 'open', at: '2026-11-30T23:00:00.000Z' },
      { phase: 'closed', at: '2026-12-12T23:00:00.000Z' },
    ]);
    expect(opening('2026-07-01', 'Europe/Zurich')).toBe('2026-06-30T22:00:00.000Z');
    expect(opening('2026-07-01', 'America/New_York')).toBe('2026-07-01T04:00:00.000Z');
    expect(opening('2026-07-01', 'Asia/Kathmandu')).toBe('2026-06-30T18:15:00.000Z');
  });

  it('schedules nothing for a date that is not set', () => {
    expect(scheduledChanges({ opensOn: null, closesOn: null, timezone: 'UTC' })).toEqual([]);
  });

  it('closes a one-day round 24 hours after it opens', () => {
    const [open, close] = scheduledChanges({
      opensOn: '2026-05-04',
      closesOn: '2026-05-04',
      timezone: 'UTC',
    });
    expect(Date.parse(close!.at) - Date.parse(open!.at)).toBe(24 * 3_600_000);
  });

  it('follows daylight saving: the spring day has 23 hours, the autumn day 25', () => {
    const spring = { opensOn: '2026-03-29', closesOn: '2026-03-29', timezone: 'Europe/Zurich' };
    const [springOpen, springClose] = scheduledChanges(spring);
    expect(springOpen!.at).toBe('2026-03-28T23:00:00.000Z');
    expect(springClose!.at).toBe('2026-03-29T22:00:00.000Z');
    const [autumnOpen, autumnClose] = scheduledChanges({
      ...spring,
      opensOn: '2026-10-25',
      closesOn: '2026-10-25',
    });
    expect(Date.parse(autumnClose!.at) - Date.parse(autumnOpen!.at)).toBe(25 * 3_600_000);
  });

  it('starts a day whose midnight does not exist at its first valid time', () => {
    // Chile moves its clocks from 00:00 to 01:00 on 6 September 2026.
    expect(opening('2026-09-06', 'America/Santiago')).toBe('2026-09-06T04:00:00.000Z');
    expect(closing('2026-09-05', 'America/Santiago')).toBe('2026-09-06T04:00:00.000Z');
    expect(opening('2026-09-05', 'America/Santiago')).toBe('2026-09-05T04:00:00.000Z');
  });

  it('closes at the end of the year and of February', () => {
    expect(closing('2026-12-31', 'UTC')).toBe('2027-01-01T00:00:00.000Z');
    expect(closing('2028-02-28', 'UTC')).toBe('2028-02-29T00:00:00.000Z');
  });

  it('refuses what is not a calendar date', () => {
    expect(() => opening('12/01/2026', 'UTC')).toThrow(RangeError);
  });
});

describe('the wall clock of a scheduled change', () => {
  it('says a round closes at 24:00 of its last day, and opens at 00:00', () => {
    const at = closing('2026-12-12', 'Europe/Zurich');
    expect(scheduledWallClock({ phase: 'closed', at }, 'Europe/Zurich')).toEqual({
      date: '2026-12-12',
      time: '24:00',
    });
    expect(scheduledWallClock({ phase: 'open', at: opening('2027-01-01', 'UTC') }, 'UTC')).toEqual({
      date: '2027-01-01',
      time: '00:00',
    });
    expect(scheduledWallClock({ phase: 'closed', at: closing('2026-12-31', 'UTC') }, 'UTC')).toEqual({
      date: '2026-12-31',
      time: '24:00',
    });
  });

  it('tells the first valid time when midnight does not exist', () => {
    const at = closing('2026-09-05', 'America/Santiago');
    expect(scheduledWallClock({ phase: 'closed', at }, 'America/Santiago')).toEqual({
      date: '2026-09-06',
      time: '01:00',
    });
  });
});
