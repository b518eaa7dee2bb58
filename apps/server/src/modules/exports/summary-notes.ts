import {
  type DashboardRow,
  instantToZoned,
  type LabelScope,
  type PublishedNotesText,
  SUGGESTION_STATES,
  THREAD_OUTCOMES,
} from '@cw/shared';
import { inputRowKey } from '../attribution/index.js';
import { type FigureRow, GENERAL_KEY, OPEN_KEY, suggestionStateKey } from '../statistics/index.js';
import { HIDDEN_TEXT, OUTCOME_LABELS, SUGGESTION_STATE_LABELS } from './export-labels.js';
import type {
  ConsultationFacts,
  GroupFacts,
  InputRecord,
  QuestionFacts,
  SessionFacts,
  SuggestionRecord,
} from './exports.repository.js';
import { publishedTable, type TableAxis } from './published-table.js';
import type {
  NotesGroup,
  NotesPart,
  NotesQuestion,
  NotesThread,
  SessionNotesText,
  SummaryNotes,
} from './summary-notes.model.js';

/** An agenda session's notes as members read them (see the notes module). */
export interface SessionNotesInput {
  notes: PublishedNotesText;
  /** Null: never published, shown as they stand because the consultation is published. */
  publishedAt: Date | null;
}

/** Everything the summary notes are made from, as the repository reads it. */
export interface SummaryInput {
  consultation: ConsultationFacts;
  /** The agenda sessions covered (one when filtered). */
  sessions: SessionFacts[];
  /** The notes of those sessions members may read, by session id. */
  sessionNotes: ReadonlyMap<string, SessionNotesInput>;
  /** Whether the notes cover one session only (then questions outside it and general input are left out). */
  isSessionFiltered: boolean;
  questions: QuestionFacts[];
  groups: GroupFacts[];
  /** Each group's k-anonymous label scope now. */
  labelScopes: Readonly<Record<string, LabelScope>>;
  /** The labels input is shown under, in order (`labelRows`). */
  labels: DashboardRow[];
  input: InputRecord[];
  /** Published figures: comments by question × label, threads by question × outcome. */
  commentsByLabel: FigureRow[];
  threadsByOutcome: FigureRow[];
  /** The suggested changes editors decided, and the published figures of all by label × state. */
  suggestions: SuggestionRecord[];
  suggestionsByState: FigureRow[];
  includeNames: boolean;
  generatedAt: Date;
}

/** One instant as the consultation's wall clock, `YYYY-MM-DD HH:mm`. */
const wallClock = (instant: Date, timeZone: string) => instantToZoned(instant, timeZone).replace('T', ' ');

/**
 * The summary notes (SPEC §5): per agenda session → guiding question → the input grouped by the
 * k-anonymous label of the group that opened each thread, each thread's outcome and note; then
 * questions outside the agenda and general input; then the suggested changes decided, by section;
 * then how input was taken into account, as published tables. Every group label follows the label rule, whoever asks; names appear only
 * when granted, and then only input made under `named` mode is listed at all.
 */
export function buildSummaryNotes(source: SummaryInput): SummaryNotes {
  const { consultation, labels } = source;
  const threadsByQuestion = groupThreads(source);

  const question = (facts: QuestionFacts): NotesQuestion =>
    questionNotes(
      `Question ${facts.number}. ${facts.text}`,
      facts.sections.length > 0 ? [`Sections: ${facts.sections.join('; ')}`] : [],
      threadsByQuestion.get(facts.id) ?? new Map(),
      labels,
    );

  const parts: NotesPart[] = source.sessions.map((session) => ({
    heading: `Session: ${session.title}`,
    intro: [
      `${wallClock(session.startsAt, consultation.timezone)} to ` +
        `${wallClock(session.endsAt, consultation.timezone)} (${consultation.timezone})`,
    ],
    sessionNotes: sessionNotesText(source.sessionNotes.get(session.id), consultation.timezone),
    questions: source.questions.filter((facts) => facts.sessionId === session.id).map(question),
  }));
  if (!source.isSessionFiltered) {
    const outside = source.questions.filter((facts) => facts.sessionId === null);
    if (outside.length > 0)
      parts.push({
        heading: 'Questions outside the agenda',
        intro: [],
        sessionNotes: null,
        questions: outside.map(question),
      });
    const general = threadsByQuestion.get(null);
    if (general) {
      parts.push({
        heading: 'General input',
        intro: [],
        sessionNotes: null,
        questions: [questionNotes('Input not tied to a guiding question', [], general, labels)],
      });
    }
  }

  const suggested = suggestionNotes(source);
  if (suggested) parts.push(suggested);

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
        ? 'Only input given while the consultation was named is listed, with the names of the ' +
          'participants who gave it, as an admin asked for this named consultation.'
        : 'Input is shown by stakeholder group only; no participant is named.',
      `Groups with fewer than ${k} members are not named: their input is shown as from ` +
        '"Other stakeholders", or "A participant" when even those together are fewer.',
      `No figure counts input from a cell of fewer than ${k} people.`,
    ],
    parts,
    accountHeading: 'How input was taken into account',
    tables: [
      publishedTable({
        heading: 'Outcomes per guiding question',
        caption: 'Threads opened, by outcome; a thread counts once however many comments it holds.',
        corner: 'Guiding question',
        rows,
        columns: [
          ...THREAD_OUTCOMES.map((outcome) => ({ key: outcome, label: OUTCOME_LABELS[outcome] })),
          { key: OPEN_KEY, label: 'Not yet resolved' },
        ],
        cells: source.threadsByOutcome,
        metric: 'threads',
        k,
      }),
      publishedTable({
        heading: 'Input per stakeholder group',
        caption:
          "Comments by their author's stakeholder group when posted; deleted comments are left out, " +
          'hidden ones counted.',
        corner: 'Guiding question',
        rows,
        columns: labels.map((label) => ({ key: label.key, label: label.label })),
        cells: source.commentsByLabel,
        metric: 'comments',
        k,
      }),
      publishedTable({
        heading: 'Suggested changes per stakeholder group',
        caption:
          "Suggested changes to the paper's text by their suggester's stakeholder group, and how they stand.",
        corner: 'Stakeholder group',
        rows: labels.map((label) => ({ key: label.key, label: label.label })),
        columns: SUGGESTION_STATES.map((state) => ({
          key: suggestionStateKey(state),
          label: SUGGESTION_STATE_LABELS[state],
        })),
        cells: source.suggestionsByState,
        metric: 'suggestions',
        k,
      }),
    ],
  };
}

/** A session's notes as the summary lays them out: per guiding question that has any, then the general notes. */
export function sessionNotesText(
  input: SessionNotesInput | undefined,
  timezone: string,
): SessionNotesText | null {
  if (!input) return null;
  const { notes, publishedAt } = input;
  const parts = notes.questions
    .filter((question) => question.blocks.length > 0)
    .map((question) => ({
      heading: `Question ${question.number}. ${question.text}`,
      blocks: question.blocks,
    }));
  if (notes.general.length > 0) parts.push({ heading: 'General notes', blocks: notes.general });
  return {
    heading: 'Session notes',
    intro: [
      publishedAt
        ? `Published ${wallClock(publishedAt, timezone)} (${timezone}). No participant is named.`
        : 'Not published before the consultation was; shown as the rapporteurs left them.',
    ],
    parts,
  };
}

/** What a suggestion changes, in words. */
export function suggestedChange(record: { insertedText: string; deletedText: string }): string {
  const { insertedText: inserted, deletedText: deleted } = record;
  if (inserted && deleted) return `Replace “${deleted}” with “${inserted}”`;
  if (inserted) return `Insert “${inserted}”`;
  if (deleted) return `Delete “${deleted}”`;
  return 'A change of formatting';
}

/**
 * The decided suggestions, per section, under the label of their suggester's group (the same
 * rule as comments): what each changes, the decision and its reason. None: no part.
 */
function suggestionNotes(source: SummaryInput): NotesPart | null {
  if (source.suggestions.length === 0) return null;
  const groupNames = new Map(source.groups.map((group) => [group.id, group.name]));
  const bySection = new Map<string, Map<string, NotesThread[]>>();
  for (const record of source.suggestions) {
    const byLabel = bySection.get(record.section) ?? new Map<string, NotesThread[]>();
    bySection.set(record.section, byLabel);
    const key =
      source.includeNames && record.authorName !== undefined
        ? `${record.authorName} (${groupNames.get(record.suggester.groupId) ?? ''})`
        : inputRowKey(record.suggester, source.labelScopes);
    const list = byLabel.get(key) ?? [];
    byLabel.set(key, list);
    list.push({
      passage: suggestedChange(record),
      comments: [],
      outcome: `Decision: ${SUGGESTION_STATE_LABELS[record.outcome]}`,
      note: record.reason.trim() ? record.reason : null,
    });
  }
  const labelOf = new Map(source.labels.map((label) => [label.key, label.label]));
  return {
    heading: 'Suggested changes to the paper',
    intro: ['The changes to the text reviewers suggested and the editors decided on, with the reason given.'],
    sessionNotes: null,
    questions: [...bySection].map(([section, byLabel]) => ({
      heading: `Section ${section}`,
      intro: [],
      emptyText: null,
      groups: [...byLabel].map(([key, threads]) => ({ heading: labelOf.get(key) ?? key, threads })),
    })),
  };
}

/** Threads by the label (row key) of the group that opened them. */
type ThreadsByLabel = Map<string, NotesThread[]>;

/** Threads by question (null: general input), then by the label they were opened under, in input order. */
function groupThreads(source: SummaryInput): Map<string | null, ThreadsByLabel> {
  const groupNames = new Map(source.groups.map((group) => [group.id, group.name]));
  const labelOf = new Map(source.labels.map((label) => [label.key, label.label]));
  const byQuestion = new Map<string | null, ThreadsByLabel>();
  let current: { id: string; thread: NotesThread } | undefined;
  for (const record of source.input) {
    if (current?.id !== record.threadId) {
      current = { id: record.threadId, thread: threadNotes(record) };
      const byLabel = byQuestion.get(record.questionId) ?? new Map<string, NotesThread[]>();
      byQuestion.set(record.questionId, byLabel);
      const key = inputRowKey(record.opener, source.labelScopes);
      const list = byLabel.get(key) ?? [];
      byLabel.set(key, list);
      list.push(current.thread);
    }
    const label = labelOf.get(inputRowKey(record.author, source.labelScopes)) ?? '';
    current.thread.comments.push({
      label:
        source.includeNames && record.authorName !== undefined
          ? `${record.authorName} (${groupNames.get(record.author.groupId) ?? ''})`
          : label,
      text: record.isHidden ? HIDDEN_TEXT : record.body,
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

/**
 * A question's threads under their labels. Only named groups are listed as silent: saying which
 * pooled group gave no input would tell whose the pooled input is.
 */
function questionNotes(
  heading: string,
  intro: string[],
  byLabel: ThreadsByLabel,
  labels: readonly DashboardRow[],
): NotesQuestion {
  const present: NotesGroup[] = labels
    .filter((label) => byLabel.has(label.key))
    .map((label) => ({ heading: label.label, threads: byLabel.get(label.key)! }));
  const silent = labels
    .filter((label) => label.scope === 'group' && !byLabel.has(label.key))
    .map((label) => label.label);
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
