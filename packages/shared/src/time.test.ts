import { describe, expect, it } from 'vitest';
import { instantToZoned, sameWallClock, zonedToInstant } from './time.js';

describe('zoned time', () => {
  it('reads a CET wall clock as the right instant in winter and summer', () => {
    expect(zonedToInstant('2021-03-02T16:15', 'Europe/Zurich')).toBe('2021-03-02T15:15:00.000Z');
    expect(zonedToInstant('2021-07-12T16:15', 'Europe/Zurich')).toBe('2021-07-12T14:15:00.000Z');
  });

  it('shows the agenda instant in New York as the agenda itself does (4pm CET = 10am ET)', () => {
    const start = zonedToInstant('2021-03-02T16:00', 'Europe/Zurich');
    expect(instantToZoned(start, 'America/New_York')).toBe('2021-03-02T10:00');
  });

  it('round-trips wall clock to instant and back', () => {
    const local = '2026-11-23T09:30';
    expect(instantToZoned(zonedToInstant(local, 'Asia/Tokyo'), 'Asia/Tokyo')).toBe(local);
  });

  it('tells whether two zones agree', () => {
    const at = '2026-01-01T12:00:00.000Z';
    expect(sameWallClock(at, 'Europe/Zurich', 'Europe/Berlin')).toBe(true);
    expect(sameWallClock(at, 'Europe/Zurich', 'America/New_York')).toBe(false);
  });

  it('refuses input that is not a wall clock', () => {
    expect(() => zonedToInstant('yesterday', 'UTC')).toThrow(RangeError);
  });
});
