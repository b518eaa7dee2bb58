import { describe, expect, it } from 'vitest';
import { extendedEnd, liveEndsAt, liveNext, timeLeftMs, timeLeftParts } from './live.js';

const at = (iso: string) => Date.parse(iso);
const item = { startsAt: '2026-03-10T15:00:00.000Z', endsAt: '2026-03-10T15:30:00.000Z' };

describe('liveEndsAt', () => {
  it('ends at the agenda item’s end when started on time or early', () => {
    expect(liveEndsAt(item, at('2026-03-10T15:00:00Z'))).toBe('2026-03-10T15:30:00.000Z');
    expect(liveEndsAt(item, at('2026-03-10T14:50:00Z'))).toBe('2026-03-10T15:30:00.000Z');
  });

  it('keeps the agenda’s end when started late: the delay eats into the slot', () => {
    expect(liveEndsAt(item, at('2026-03-10T15:20:00Z'))).toBe('2026-03-10T15:30:00.000Z');
  });

  it('runs for the planned length from now once the agenda’s end has passed', () => {
    expect(liveEndsAt(item, at('2026-03-10T15:30:00Z'))).toBe('2026-03-10T16:00:00.000Z');
    expect(liveEndsAt(item, at('2026-03-12T09:00:00Z'))).toBe('2026-03-12T09:30:00.000Z');
  });
});

describe('extendedEnd', () => {
  it('adds the minutes to the end while time is left', () => {
    expect(extendedEnd('2026-03-10T15:30:00.000Z', 5, at('2026-03-10T15:20:00Z'))).toBe(
      '2026-03-10T15:35:00.000Z',
    );
  });

  it('adds them to now once the session has run over', () => {
    expect(extendedEnd('2026-03-10T15:30:00.000Z', 5, at('2026-03-10T15:42:00Z'))).toBe(
      '2026-03-10T15:47:00.000Z',
    );
  });

  it('adds up over several extensions', () => {
    const now = at('2026-03-10T15:00:00Z');
    const twice = extendedEnd(extendedEnd(item.endsAt, 5, now), 10, now);
    expect(twice).toBe('2026-03-10T15:45:00.000Z');
  });
});

describe('time left', () => {
  it('counts down to the end, then up while over', () => {
    expect(timeLeftMs(item.endsAt, at('2026-03-10T15:25:00Z'))).toBe(5 * 60_000);
    expect(timeLeftMs(item.endsAt, at('2026-03-10T15:31:00Z'))).toBe(-60_000);
  });

  it('shows a part-second left as the second it is in, and zero as over', () => {
    expect(timeLeftParts(1)).toEqual({ isOver: false, hours: 0, minutes: 0, seconds: 1 });
    expect(timeLeftParts(0)).toEqual({ isOver: true, hours: 0, minutes: 0, seconds: 0 });
    expect(timeLeftParts(-61_500)).toEqual({ isOver: true, hours: 0, minutes: 1, seconds: 1 });
  });

  it('splits long times into hours, minutes and seconds', () => {
    expect(timeLeftParts((2 * 3600 + 5 * 60 + 9) * 1000)).toEqual({
      isOver: false,
      hours: 2,
      minutes: 5,
      seconds: 9,
    });
  });
});

describe('liveNext', () => {
  const sessions = [
    { id: 'wrap-up', startsAt: '2026-03-10T16:50:00Z', position: 2 },
    { id: 'opening', startsAt: '2026-03-10T15:00:00Z', position: 0 },
    { id: 'smart-mix', startsAt: '2026-03-10T15:15:00Z', position: 1 },
  ];
  const questions = [
    { id: 'q2', number: 2, sessionId: 'smart-mix' },
    { id: 'q1', number: 1, sessionId: 'smart-mix' },
    { id: 'q3', number: 3, sessionId: null },
  ];
  const agenda = { sessions, questions };

  it('names the session’s next question after the one under discussion', () => {
    const live = { sessionId: 'smart-mix', focus: { kind: 'question' as const, id: 'q1' } };
    expect(liveNext(live, agenda)).toEqual({ kind: 'question', id: 'q2' });
  });

  it('names the first question when none is under discussion', () => {
    expect(liveNext({ sessionId: 'smart-mix', focus: null }, agenda)).toEqual({ kind: 'question', id: 'q1' });
  });

  it('names the next agenda item after the last question, during a section, and for items without questions', () => {
    const last = { sessionId: 'smart-mix', focus: { kind: 'question' as const, id: 'q2' } };
    expect(liveNext(last, agenda)).toEqual({ kind: 'item', id: 'wrap-up' });
    const section = { sessionId: 'smart-mix', focus: { kind: 'section' as const, id: 's1' } };
    expect(liveNext(section, agenda)).toEqual({ kind: 'item', id: 'wrap-up' });
    expect(liveNext({ sessionId: 'opening', focus: null }, agenda)).toEqual({
      kind: 'item',
      id: 'smart-mix',
    });
  });

  it('names nothing at the end of the agenda or for an item it does not know', () => {
    expect(liveNext({ sessionId: 'wrap-up', focus: null }, agenda)).toBeNull();
    expect(liveNext({ sessionId: 'gone', focus: null }, agenda)).toBeNull();
  });
});
