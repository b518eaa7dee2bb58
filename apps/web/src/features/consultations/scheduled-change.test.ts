import { describe, expect, it } from 'vitest';
import { scheduledChangeText, untilNotice } from './scheduled-change';

// 12 December 2026 ends at 23:00 UTC in Zurich.
const closing = { phase: 'closed' as const, at: '2026-12-12T23:00:00.000Z' };

describe('scheduledChangeText', () => {
  it('says a round closes at 24:00 of its last day on the consultation’s clock', () => {
    expect(scheduledChangeText(closing, 'Europe/Zurich', 'Europe/Berlin', 'en-GB')).toEqual({
      date: '12 Dec 2026',
      time: '24:00',
      zone: 'Europe/Zurich',
      yourTime: null,
    });
  });

  it('adds the viewer’s own time when their clock differs', () => {
    expect(scheduledChangeText(closing, 'Europe/Zurich', 'America/New_York', 'en-GB').yourTime).toBe(
      '12 Dec 2026, 18:00',
    );
  });
});

describe('untilNotice', () => {
  const due = Date.parse(closing.at);
  const hour = 3_600_000;

  it('waits for the last day before the change, shows it then, and not once it is due', () => {
    expect(untilNotice(closing, due - 30 * hour)).toBe(6 * hour);
    expect(untilNotice(closing, due - 2 * hour)).toBe(0);
    expect(untilNotice(closing, due)).toBeNull();
  });
});
