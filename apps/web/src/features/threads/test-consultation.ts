import type { AgendaSession, ConsultationDetail, GuidingQuestion } from '@cw/shared';

/**
 * Test fixtures: a consultation with two sessions, three questions, one section, a group named by
 * the label rule and two pooled ones, seen by a reviewer under Chatham House.
 */
export const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const question = (n: number, number: number, sessionId: string | null): GuidingQuestion => ({
  id: id(n),
  number,
  text: `Question ${number}`,
  sectionIds: [],
  sessionId,
});
export const session = (n: number, position: number): AgendaSession => ({
  id: id(n),
  kind: 'review',
  title: `Session ${position}`,
  description: '',
  speakers: [],
  startsAt: '2026-01-01T10:00:00.000Z',
  endsAt: '2026-01-01T11:00:00.000Z',
  sectionIds: [],
  position,
});

export const consultation = {
  sessions: [session(2, 2), session(1, 1)],
  questions: [question(13, 3, null), question(12, 2, id(1)), question(11, 1, id(2))],
  sections: [{ id: id(20), number: '1', title: 'Scope', position: 0 }],
  groups: [
    { id: id(30), name: 'Company', position: 0, labelScope: 'group' },
    { id: id(31), name: 'Academia', position: 1, labelScope: 'pool' },
    { id: id(32), name: 'State', position: 2, labelScope: 'pool' },
  ],
  attributionMode: 'chatham',
  role: 'reviewer',
} as unknown as ConsultationDetail;
