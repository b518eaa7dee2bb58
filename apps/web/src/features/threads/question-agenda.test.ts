import type { ConsultationDetail, GuidingQuestion } from '@cw/shared';
import { describe, expect, it } from 'vitest';
import { questionsByAgenda } from './question-agenda';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const question = (n: number, number: number, sessionId: string | null): GuidingQuestion => ({
  id: id(n),
  number,
  text: `Question ${number}`,
  sectionIds: [],
  sessionId,
});
const session = (n: number, position: number) => ({
  id: id(n),
  title: `Session ${position}`,
  description: '',
  speakers: [],
  startsAt: '2026-01-01T10:00:00.000Z',
  endsAt: '2026-01-01T11:00:00.000Z',
  sectionIds: [],
  position,
});

const consultation = {
  sessions: [session(2, 2), session(1, 1)],
  questions: [question(13, 3, null), question(12, 2, id(1)), question(11, 1, id(2))],
  sections: [{ id: id(20), number: '1', title: 'Scope', position: 0 }],
  groups: [{ id: id(30), name: 'Company', position: 0 }],
} as unknown as ConsultationDetail;

describe('questionsByAgenda', () => {
  it('orders sessions by position, questions by number, and puts questions without a session last', () => {
    expect(
      questionsByAgenda(consultation).map((block) => [block.title, block.questions.map((q) => q.number)]),
    ).toEqual([
      ['Session 1', [2]],
      ['Session 2', [1]],
      [null, [3]],
    ]);
  });
});
