import type { ConsultationDetail, GuidingQuestion, Thread } from '@cw/shared';

export interface AgendaBlock {
  /** Null for questions not tied to a session. */
  sessionId: string | null;
  title: string | null;
  questions: GuidingQuestion[];
}

/** Guiding questions under their agenda sessions (in agenda order), then the ones without a session. */
export function questionsByAgenda(consultation: ConsultationDetail): AgendaBlock[] {
  const byNumber = [...consultation.questions].sort((a, b) => a.number - b.number);
  const sessions = [...consultation.sessions].sort((a, b) => a.position - b.position);
  const blocks: AgendaBlock[] = sessions.map((session) => ({
    sessionId: session.id,
    title: session.title,
    questions: byNumber.filter((question) => question.sessionId === session.id),
  }));
  const known = new Set(sessions.map((session) => session.id));
  const loose = byNumber.filter((question) => question.sessionId === null || !known.has(question.sessionId));
  return [...blocks, { sessionId: null, title: null, questions: loose }].filter(
    (block) => block.questions.length > 0,
  );
}

/** Threads keyed by their question id (`null` for general input), keeping their order. */
export function threadsByQuestion(threads: readonly Thread[]): Map<string | null, Thread[]> {
  const grouped = new Map<string | null, Thread[]>();
  for (const thread of threads)
    grouped.set(thread.questionId, [...(grouped.get(thread.questionId) ?? []), thread]);
  return grouped;
}
