import {
  liveNext,
  type AgendaSession,
  type ConsultationDetail,
  type GuidingQuestion,
  type LiveFocus,
  type LiveSession,
  type Section,
  type TimeLeft,
} from '@cw/shared';

const pad = (value: number) => String(value).padStart(2, '0');

/** Time left as a clock shows it: "1:05:09", "4:59". */
export function clockText({ hours, minutes, seconds }: TimeLeft): string {
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
}

type Structure = Pick<ConsultationDetail, 'sessions' | 'sections' | 'questions'>;

/** A focus the facilitator may pick, with what it names. */
export type FocusChoice =
  | { focus: LiveFocus & { kind: 'question' }; question: GuidingQuestion }
  | { focus: LiveFocus & { kind: 'section' }; section: Section };

const byPosition = (a: Section, b: Section) => a.position - b.position;

/**
 * What the room may discuss in an agenda item, as the server allows it: its guiding questions by
 * number, then the sections linked to it or to one of them, in paper order.
 */
export function focusChoices(sessionId: string, structure: Structure): FocusChoice[] {
  const session = structure.sessions.find((candidate) => candidate.id === sessionId);
  const questions = structure.questions
    .filter((question) => question.sessionId === sessionId)
    .sort((a, b) => a.number - b.number);
  const sectionIds = new Set([
    ...(session?.sectionIds ?? []),
    ...questions.flatMap((question) => question.sectionIds),
  ]);
  const sections = structure.sections.filter((section) => sectionIds.has(section.id)).sort(byPosition);
  return [
    ...questions.map((question) => ({ focus: { kind: 'question' as const, id: question.id }, question })),
    ...sections.map((section) => ({ focus: { kind: 'section' as const, id: section.id }, section })),
  ];
}

/** The question or section a focus names, when it is still in the consultation. */
export function focusedItem(
  focus: LiveFocus | null,
  structure: Structure,
): { question: GuidingQuestion } | { section: Section } | null {
  if (!focus) return null;
  if (focus.kind === 'question') {
    const question = structure.questions.find((candidate) => candidate.id === focus.id);
    return question ? { question } : null;
  }
  const section = structure.sections.find((candidate) => candidate.id === focus.id);
  return section ? { section } : null;
}

/** What comes next, resolved to the question or agenda item it names. */
export function nextUp(
  live: LiveSession,
  structure: Structure,
): { question: GuidingQuestion } | { item: AgendaSession } | null {
  const next = liveNext(live, structure);
  if (next?.kind === 'question') {
    const question = structure.questions.find((candidate) => candidate.id === next.id);
    return question ? { question } : null;
  }
  const item = next ? structure.sessions.find((candidate) => candidate.id === next.id) : undefined;
  return item ? { item } : null;
}

/**
 * The section a member following the facilitator is brought to: the focused section, or the first
 * section (in paper order) the focused question is linked to; null when the focus is on no section.
 */
export function followedSectionId(focus: LiveFocus | null, structure: Structure): string | null {
  const found = focusedItem(focus, structure);
  if (!found) return null;
  if ('section' in found) return found.section.id;
  const linked = new Set(found.question.sectionIds);
  return structure.sections.filter((section) => linked.has(section.id)).sort(byPosition)[0]?.id ?? null;
}

/** A change worth telling a screen reader about, as an i18n key and its values. */
export type LiveAnnouncement =
  | { key: 'started'; title: string }
  | { key: 'ended'; title: string }
  | { key: 'focusQuestion'; number: number; text: string }
  | { key: 'focusSection'; number: string; title: string }
  | { key: 'focusNone' }
  | { key: 'extended' };

/**
 * What changed between two live sessions that a member should hear: a run started or ended, the
 * focus moved, the end moved. Hands are left out: they are shown, not announced to the room.
 */
export function liveAnnouncement(
  before: LiveSession | null,
  after: LiveSession | null,
  structure: Structure,
): LiveAnnouncement | null {
  const titleOf = (session: LiveSession) =>
    structure.sessions.find((candidate) => candidate.id === session.sessionId)?.title ?? '';
  if (after && (!before || before.sessionId !== after.sessionId || before.startedAt !== after.startedAt))
    return { key: 'started', title: titleOf(after) };
  if (!after) return before ? { key: 'ended', title: titleOf(before) } : null;
  if (before!.focus?.kind !== after.focus?.kind || before!.focus?.id !== after.focus?.id) {
    const found = focusedItem(after.focus, structure);
    if (!found) return { key: 'focusNone' };
    return 'question' in found
      ? { key: 'focusQuestion', number: found.question.number, text: found.question.text }
      : { key: 'focusSection', number: found.section.number, title: found.section.title };
  }
  return before!.endsAt !== after.endsAt ? { key: 'extended' } : null;
}
