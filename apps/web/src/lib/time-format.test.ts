import { describe, expect, it } from 'vitest';
import { formatLocalDate, sessionTimes } from './time-format';

describe('sessionTimes', () => {
  const startsAt = '2026-01-14T14:00:00.000Z';
  const endsAt = '2026-01-14T15:30:00.000Z';

  it('shows the consultation zone and the viewer zone when their clocks differ', () => {
    const times = sessionTimes(startsAt, endsAt, 'Europe/Zurich', 'America/New_York', 'en-GB');
    expect(times.map((time) => time.timeZone)).toEqual(['Europe/Zurich', 'America/New_York']);
    expect(times[0]?.text).toContain('15:00');
    expect(times[0]?.text).toContain('16:30');
    expect(times[1]?.text).toContain('09:00');
    expect(times[1]?.text).toContain('10:30');
  });

  it('shows one time when both zones show the same clock', () => {
    const times = sessionTimes(startsAt, endsAt, 'Europe/Zurich', 'Europe/Berlin', 'en-GB');
    expect(times).toHaveLength(1);
    expect(times[0]?.timeZone).toBe('Europe/Zurich');
  });

  it('follows daylight saving time through the time zone database', () => {
    const summer = sessionTimes(
      '2026-07-01T13:00:00.000Z',
      '2026-07-01T14:00:00.000Z',
      'Europe/Zurich',
      'UTC',
      'en-GB',
    );
    expect(summer[0]?.text).toContain('15:00');
    expect(summer[1]?.text).toContain('13:00');
  });
});

describe('formatLocalDate', () => {
  it('keeps the calendar day whatever the viewer zone', () => {
    expect(formatLocalDate('2026-03-01', 'en-GB')).toBe('1 Mar 2026');
  });
});
