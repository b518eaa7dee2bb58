import { instantToZoned, THREAD_OUTCOMES } from '@cw/shared';
import { OUTCOME_LABELS } from './export-labels.js';
import {
  type ConsultationFacts,
  type CountCell,
  GENERAL_KEY,
  type GroupFacts,
  type InputRecord,
  OPEN_KEY,
  type QuestionFacts,
  type SessionFacts,
} from './exports.repository.js';
import { publishedTable, type TableAxis } from './published-table.js';
import type {
  NotesGroup,
  NotesPart,
  NotesQuestion,
  NotesThread,
  SummaryNotes,
} from './summary-notes.model.js';

/** Everything the summary notes are made from, as the repository reads it. */
export interface SummaryInput {
  consultation: ConsultationFacts;
  /** The agenda sessions covered (one when filtered). */
  sessions: SessionFacts[];
  /** Whether the notes cover one session only (then questions outside it and general input are left out). */
  isSessionFiltered: boolean;
  questions: QuestionFacts[];
  groups: GroupFacts[];
  input: InputRecord[];
  commentsByGroup: CountCell[];
  threadsByOutcome: CountCell[];
  includeNames: boolean;
  generatedAt: Date;
}

/** One instant as the consultation's wall clock, `YYYY-MM-DD HH:mm`. */
const wallClock = (instant: Date, timeZone: string) => instantToZoned(instant, timeZone).replace('T', ' ');

/**
 * The summary notes (SPEC §5): per agenda session → guiding question → the input grouped by the
 * stakeholder group that opened each thread, each thread's outcome and note; then questions
 * outside the agenda and general input; then how input was taken into account, as published
 * (small-cell suppressed) tables.
 */
export function buildSummaryNotes(source: SummaryInput): SummaryNotes {
  const { consultation, groups } = source;
  const groupNames = new Map(groups.map((group) => [group.id, group.name]));
  const threadsByQuestion = groupThreads(source.input, groupNames, source.includeNames);

  const question = (facts: QuestionFacts): NotesQuestion =>
    questionNotes(
      `Question ${facts.number}. ${facts.text}`,
      facts.sections.length > 0 ? [`Sections: ${facts.sections.join('; ')}`] : [],
      threadsByQuestion.get(facts.id) ?? new Map(),
      groups,
    );

  const parts: NotesPart[] = source.sessions.map((session) => ({
    heading: `Session: ${session.title}`,
    intro: [
      `${wallClock(session.startsAt, consultation.timezone)} to ` +
        `${wallClock(session.endsAt, consultation.timezone)} (${consultation.timezone})`,
    ],
    questions: source.questions.filter((facts) => facts.sessionId === session.id).map(question),
  }));
  if (!source.isSessionFiltered) {
    const outside = source.questions.filter((facts) => facts.sessionId === null);
    if (outside.length > 0)
      parts.push({ heading: 'Questions outside the agenda', intro: [], questions: outside.map(question) });
    const general = threadsByQuestion.get(null);
    if (general) {
      parts.push({
        heading: 'General input',
        intro: [],
        questions: [questionNotes('Input not tied to a guiding question', [], general, groups)],
      });
    }
  }

  const rows: TableAxis[] = source.questions.map((facts) => ({
    key: facts.id,
    label: `Question ${facts.number}`,
  }));
  if (!source.isSessionFiltered) rows.push({ key: GENERAL_KEY, label: 'General input' });
  const k = consultation.kThreshold;

  return {
    title: `Summary notes: ${consultation.title}`,
    preamble: [
      `Prepared on ${instantToZoned(source.generatedAt, consultation.timezone).slice(0, 10)} (${consultation.timezone}).`,
      ...(source.isSessionFiltered && source.sessions[0]
        ? [`Agenda session: ${source.sessions[0].title}.`]
        : []),
      source.includeNames
        ? 'Input is shown with the names of the participants who gave it, as an admin asked for this named consultation.'
        : 'Input is shown by stakeholder group only; no participant is named.',
      `Figures drawn from fewer than ${k} people are not published.`,
    ],
    parts,
    accountHeading: 'How input was taken into account',
    tables: [
      publishedTable({
        heading: 'Outcomes per guiding question',
        caption: 'Threads by outcome; a thread counts once however many comments it holds.',
        corner: 'Guiding question',
        rows,
        columns: [
          ...THREAD_OUTCOMES.map((outcome) => ({ key: outcome, label: OUTCOME_LABELS[outcome] })),
          { key: OPEN_KEY, label: 'Not yet resolved' },
        ],
        cells: source.threadsByOutcome,
        k,
      }),
      publishedTable({
        heading: 'Input per stakeholder group',
        caption: "Comments by their author's stakeholder group when posted; deleted comments are left out.",
        corner: 'Guiding question',
        rows,
        columns: groups.map((group) => ({ key: group.id, label: group.name })),
        cells: source.commentsByGroup,
        k,
      }),
    ],
  };
}

type ThreadsByGroup = Map<string, NotesThread[]>;

/** Threads by question (null: general input), then by the group that opened them, in input order. */
function groupThreads(
  input: readonly InputRecord[],
  groupNames: ReadonlyMap<string, string>,
  includeNames: boolean,
): Map<string | null, ThreadsByGroup> {
  const byQuestion = new Map<string | null, ThreadsByGroup>();
  let current: { id: string; thread: NotesThread } | undefined;
  for (const record of input) {
    if (current?.id !== record.threadId) {
      current = { id: record.threadId, thread: threadNotes(record) };
      const byGroup = byQuestion.get(record.questionId) ?? new Map<string, NotesThread[]>();
      byQuestion.set(record.questionId, byGroup);
      const list = byGroup.get(record.threadGroupId) ?? [];
      byGroup.set(record.threadGroupId, list);
      list.push(current.thread);
    }
    const group = groupNames.get(record.groupId) ?? '';
    current.thread.comments.push({
      label: includeNames && record.authorName !== undefined ? `${record.authorName} (${group})` : group,
      text: record.body,
    });
  }
  return byQuestion;
}

function threadNotes(record: InputRecord): NotesThread {
  const where = record.section === null ? '' : ` (section ${record.section})`;
  return {
    passage: record.quote === null ? null : `On the passage${where}: “${record.quote}”`,
    comments: [],
    outcome:
      record.outcome === null ? 'Outcome: not yet resolved' : `Outcome: ${OUTCOME_LABELS[record.outcome]}`,
    note: record.resolutionNote?.trim() ? record.resolutionNote : null,
  };
}

function questionNotes(
  heading: string,
  intro: string[],
  byGroup: ThreadsByGroup,
  groups: readonly GroupFacts[],
): NotesQuestion {
  const present: NotesGroup[] = groups
    .filter((group) => byGroup.has(group.id))
    .map((group) => ({ heading: group.name, threads: byGroup.get(group.id)! }));
  const silent = groups.filter((group) => !byGroup.has(group.id)).map((group) => group.name);
  return {
    heading,
    intro:
      present.length > 0 && silent.length > 0
        ? [...intro, `No threads opened from: ${silent.join('; ')}.`]
        : intro,
    emptyText: present.length === 0 ? 'No input.' : null,
    groups: present,
  };
}
