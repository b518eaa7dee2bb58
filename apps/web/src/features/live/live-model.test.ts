import type { AgendaSession, GuidingQuestion, LiveSession, Section } from '@cw/shared';
import { describe, expect, it } from 'vitest';
import { clockText, focusChoices, followedSectionId, liveAnnouncement, nextUp } from './live-model';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const section = (n: number, position: number): Section => ({
  id: id(n),
  number: String(position + 1),
  title: `Section ${position + 1}`,
  position,
});
const item = (n: number, kind: AgendaSession['kind'], startsAt: string, sectionIds: string[] = []) => ({
  id: id(n),
  kind,
  title: `Item ${n}`,
  description: '',
  speakers: [],
  startsAt,
  endsAt: startsAt,
  sectionIds,
  position: 0,
});
const question = (n: number, number: number, sessionId: string, sectionIds: string[]): GuidingQuestion => ({
  id: id(n),
  number,
  text: `Question ${number}?`,
  sectionIds,
  sessionId,
});

const sections = [section(1, 0), section(2, 1), section(3, 2)];
const opening = item(10, 'programme', '2026-03-10T15:00:00.000Z');
const smartMix = item(11, 'review', '2026-03-10T15:15:00.000Z', [id(2)]);
const wrapUp = item(12, 'programme', '2026-03-10T16:50:00.000Z');
const structure = {
  sections,
  sessions: [wrapUp, smartMix, opening],
  questions: [question(21, 2, smartMix.id, [id(3), id(1)]), question(20, 1, smartMix.id, [id(2)])],
};
const running = (focus: LiveSession['focus']): LiveSession => ({
  sessionId: smartMix.id,
  startedAt: '2026-03-10T15:15:00.000Z',
  endsAt: '2026-03-10T15:45:00.000Z',
  focus,
});

describe('focusChoices', () => {
  it('offers the item’s questions by number, then its sections and its questions’ sections in paper order', () => {
    expect(focusChoices(smartMix.id, structure).map((choice) => choice.focus)).toEqual([
      { kind: 'question', id: id(20) },
      { kind: 'question', id: id(21) },
      { kind: 'section', id: id(1) },
      { kind: 'section', id: id(2) },
      { kind: 'section', id: id(3) },
    ]);
  });

  it('offers nothing in a programme item', () => {
    expect(focusChoices(opening.id, structure)).toEqual([]);
  });
});

describe('followedSectionId', () => {
  it('brings a follower to the focused section, or to the focused question’s first section in the paper', () => {
    expect(followedSectionId({ kind: 'section', id: id(3) }, structure)).toBe(id(3));
    expect(followedSectionId({ kind: 'question', id: id(21) }, structure)).toBe(id(1));
    expect(followedSectionId(null, structure)).toBeNull();
    expect(followedSectionId({ kind: 'question', id: id(99) }, structure)).toBeNull();
  });
});

describe('nextUp', () => {
  it('names the next question, then the next agenda item', () => {
    expect(nextUp(running({ kind: 'question', id: id(20) }), structure)).toEqual({
      question: structure.questions[0],
    });
    expect(nextUp(running({ kind: 'question', id: id(21) }), structure)).toEqual({ item: wrapUp });
    expect(nextUp({ ...running(null), sessionId: wrapUp.id }, structure)).toBeNull();
  });
});

describe('liveAnnouncement', () => {
  it('tells of a run starting and ending', () => {
    expect(liveAnnouncement(null, running(null), structure)).toEqual({ key: 'started', title: 'Item 11' });
    expect(liveAnnouncement(running(null), null, structure)).toEqual({ key: 'ended', title: 'Item 11' });
    expect(liveAnnouncement(null, null, structure)).toBeNull();
  });

  it('tells of the focus moving and the end moving, and of nothing else', () => {
    const onFirst = running({ kind: 'question', id: id(20) });
    expect(liveAnnouncement(running(null), onFirst, structure)).toEqual({
      key: 'focusQuestion',
      number: 1,
      text: 'Question 1?',
    });
    expect(liveAnnouncement(onFirst, running({ kind: 'section', id: id(2) }), structure)).toEqual({
      key: 'focusSection',
      number: '2',
      title: 'Section 2',
    });
    expect(liveAnnouncement(onFirst, running(null), structure)).toEqual({ key: 'focusNone' });
    expect(liveAnnouncement(onFirst, { ...onFirst, endsAt: '2026-03-10T15:50:00.000Z' }, structure)).toEqual({
      key: 'extended',
    });
    expect(liveAnnouncement(onFirst, { ...onFirst }, structure)).toBeNull();
  });
});

describe('clockText', () => {
  it('shows minutes and seconds, and hours once there are any', () => {
    expect(clockText({ isOver: false, hours: 0, minutes: 4, seconds: 9 })).toBe('4:09');
    expect(clockText({ isOver: true, hours: 0, minutes: 0, seconds: 0 })).toBe('0:00');
    expect(clockText({ isOver: false, hours: 2, minutes: 5, seconds: 9 })).toBe('2:05:09');
  });
});
