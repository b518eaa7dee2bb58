import { describe, expect, it } from 'vitest';
import { formatInstant, formatLocalDate, formatTimeOf, sessionTimes } from './time-format';

describe('formatTimeOf', () => {
  const cut = '2026-01-14T23:00:00.000Z';
  // ICU puts thin and narrow no-break spaces around ranges and before AM/PM.
  const plain = (text: string) => text.replace(/[\u2009\u202f\u00a0]/g, ' ');

  it('shows a time cut to the hour as that hour, in the viewer’s zone, never as a minute or midnight', () => {
    expect(plain(formatTimeOf(cut, 'hour', 'en-GB', 'Europe/Zurich'))).toBe('15 Jan 2026, 00:00–01:00');
    // West of UTC the same hour is still on the 14th.
    expect(plain(formatTimeOf(cut, 'hour', 'en-US', 'America/New_York'))).toBe(
      'Jan 14, 2026, 6:00 – 7:00 PM',
    );
    // A zone half an hour off shows the half-hour the server's hour covers there.
    expect(plain(formatTimeOf(cut, 'hour', 'en-GB', 'Asia/Kolkata'))).toBe('15 Jan 2026, 04:30–05:30');
  });

  it('shows an exact time as date and minute', () => {
    expect(formatTimeOf('2026-01-14T14:32:00.000Z', 'exact', 'en-GB', 'Europe/Zurich')).toBe(
      '14 Jan 2026, 15:32',
    );
  });
});

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

describe('dates and times in each language', () => {
  const afternoon = '2026-01-14T14:05:00Z';

  it('follow the reader’s language, not the browser’s', () => {
    expect(formatInstant(afternoon, 'en', 'Europe/Zurich')).toBe('Jan 14, 2026, 3:05 PM');
    expect(formatInstant(afternoon, 'fr', 'Europe/Zurich')).toBe('14 janv. 2026, 15:05');
    expect(formatInstant(afternoon, 'es', 'Europe/Zurich')).toBe('14 ene 2026, 15:05');
    expect(formatInstant(afternoon, 'ru', 'Europe/Zurich')).toBe('14 янв. 2026 г., 15:05');
    expect(formatInstant(afternoon, 'zh', 'Europe/Zurich')).toBe('2026年1月14日 15:05');
    expect(formatLocalDate('2026-03-09', 'zh')).toBe('2026年3月9日');
  });

  it('write Arabic dates with the Arabic comma and afternoon mark, in either digit set', () => {
    const arabic = formatInstant(afternoon, 'ar', 'Europe/Zurich');
    expect(arabic).toMatch(/(2026|٢٠٢٦)،/);
    expect(arabic).toContain('م');
  });
});
