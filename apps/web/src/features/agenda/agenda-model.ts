import type { AgendaSession, ConsultationDetail, GuidingQuestion, Section } from '@cw/shared';

export interface AgendaEntry {
  session: AgendaSession;
  sections: Section[];
  questions: GuidingQuestion[];
}

export interface Agenda {
  /** Sessions in agenda order, each with its linked sections and questions. */
  entries: AgendaEntry[];
  /** Sections no session links to, in paper order. */
  unscheduledSections: Section[];
  /** Questions tied to no session, by number. */
  unscheduledQuestions: GuidingQuestion[];
}

const byPosition = <T extends { position: number }>(a: T, b: T) => a.position - b.position;
const byNumber = (a: GuidingQuestion, b: GuidingQuestion) => a.number - b.number;

/** Arranges a consultation's structure as an agenda: sessions → sections → questions, then the rest. */
export function buildAgenda(detail: Pick<ConsultationDetail, 'sessions' | 'sections' | 'questions'>): Agenda {
  const sectionsById = new Map(detail.sections.map((section) => [section.id, section]));
  const sessions = [...detail.sessions].sort(
    (a, b) => a.startsAt.localeCompare(b.startsAt) || byPosition(a, b),
  );
  const scheduledSectionIds = new Set(sessions.flatMap((session) => session.sectionIds));
  const entries = sessions.map((session) => ({
    session,
    sections: session.sectionIds
      .map((id) => sectionsById.get(id))
      .filter((section): section is Section => section !== undefined)
      .sort(byPosition),
    questions: detail.questions.filter((question) => question.sessionId === session.id).sort(byNumber),
  }));
  const sessionIds = new Set(sessions.map((session) => session.id));
  return {
    entries,
    unscheduledSections: detail.sections
      .filter((section) => !scheduledSectionIds.has(section.id))
      .sort(byPosition),
    unscheduledQuestions: detail.questions
      .filter((question) => question.sessionId === null || !sessionIds.has(question.sessionId))
      .sort(byNumber),
  };
}
