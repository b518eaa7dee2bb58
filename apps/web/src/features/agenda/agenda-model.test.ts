import type { AgendaSession, GuidingQuestion, Section } from '@cw/shared';
import { describe, expect, it } from 'vitest';
import { buildAgenda } from './agenda-model';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function buildSection(n: number, position: number): Section {
  return { id: id(n), number: String(position + 1), title: `Section ${n}`, position };
}

function buildSession(n: number, startsAt: string, sectionIds: string[], position = 0): AgendaSession {
  return {
    id: id(100 + n),
    kind: 'review',
    title: `Session ${n}`,
    description: '',
    speakers: [],
    startsAt,
    endsAt: startsAt,
    sectionIds,
    position,
  };
}

function buildQuestion(n: number, sessionId: string | null): GuidingQuestion {
  return { id: id(200 + n), number: n, text: `Question ${n}`, sectionIds: [], sessionId };
}

describe('buildAgenda', () => {
  const sections = [buildSection(1, 0), buildSection(2, 1), buildSection(3, 2)];
  const late = buildSession(1, '2026-01-14T15:00:00Z', [id(2), id(1)], 0);
  const early = buildSession(2, '2026-01-14T09:00:00Z', [], 1);
  const questions = [buildQuestion(3, late.id), buildQuestion(1, late.id), buildQuestion(2, null)];
  const agenda = buildAgenda({ sections, sessions: [late, early], questions });

  it('orders sessions by start time', () => {
    expect(agenda.entries.map((entry) => entry.session.title)).toEqual(['Session 2', 'Session 1']);
  });

  it('lists a session’s sections in paper order and its questions by number', () => {
    const entry = agenda.entries[1];
    expect(entry?.sections.map((section) => section.title)).toEqual(['Section 1', 'Section 2']);
    expect(entry?.questions.map((question) => question.number)).toEqual([1, 3]);
  });

  it('keeps sections and questions tied to no session apart', () => {
    expect(agenda.unscheduledSections.map((section) => section.title)).toEqual(['Section 3']);
    expect(agenda.unscheduledQuestions.map((question) => question.number)).toEqual([2]);
  });

  it('ignores links to sections that no longer exist', () => {
    const orphan = buildSession(3, '2026-01-14T10:00:00Z', [id(99)]);
    expect(buildAgenda({ sections, sessions: [orphan], questions: [] }).entries[0]?.sections).toEqual([]);
  });
});
