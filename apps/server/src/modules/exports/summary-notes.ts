import {
  type DashboardRow,
  type LabelScope,
  type PublishedNotesText,
  SUGGESTION_STATES,
  THREAD_OUTCOMES,
} from '@cw/shared';
import { inputRowKey } from '../attribution/index.js';
import { type FigureRow, GENERAL_KEY, OPEN_KEY, suggestionStateKey } from '../statistics/index.js';
import { type ExportText, shownLabel } from './export-text.js';
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

/**
 * The summary notes (SPEC §5): per agenda session → guiding question → the input grouped by the
 * k-anonymous label of the group that opened each thread, each thread's outcome and note; then
 * questions outside the agenda and general input; then the suggested changes decided, by section;
 * then how input was taken into account, as published tables. Every group label follows the label rule, whoever asks; names appear only
 * when granted, and then only input made under `named` mode is listed at all. The notes' own
 * words, dates and figures are in `text`'s language; what people wrote is as they wrote it.
 */
export function buildSummaryNotes(input: SummaryInput, text: ExportText): SummaryNotes {
  const source = {
    ...input,
    labels: input.labels.map((row) => ({ ...row, label: shownLabel(text, row.scope, row.label) })),
  };
  const { consultation, labels } = source;
  const { t } = text;
  const timezone = consultation.timezone;
  const threadsByQuestion = groupThreads(source, text);

  const question = (facts: QuestionFacts): NotesQuestion =>
    questionNotes(
      t('notes.question', { number: facts.number, text: facts.text }),
      facts.sections.length > 0 ? [t('notes.sections', { sections: text.list(facts.sections) })] : [],
      threadsByQuestion.get(facts.id) ?? new Map(),
      labels,
      text,
    );

  const parts: NotesPart[] = source.sessions.map((session) => ({
    heading: t('notes.session', { title: session.title }),
    intro: [
      t('notes.timeInZone', { time: text.timeRange(session.startsAt, session.endsAt, timezone), timezone }),
    ],
    sessionNotes: sessionNotesText(source.sessionNotes.get(session.id), timezone, text),
    questions: source.questions.filter((facts) => facts.sessionId === session.id).map(question),
  }));
  if (!source.isSessionFiltered) {
    const outside = source.questions.filter((facts) => facts.sessionId === null);
    if (outside.length > 0)
      parts.push({
        heading: t('notes.outsideAgenda'),
        intro: [],
        sessionNotes: null,
        questions: outside.map(question),
      });
    const general = threadsByQuestion.get(null);
    if (general) {
      parts.push({
        heading: t('labels.generalInput'),
        intro: [],
        sessionNotes: null,
        questions: [questionNotes(t('notes.notTiedToQuestion'), [], general, labels, text)],
      });
    }
  }

  const suggested = suggestionNotes(source, text);
  if (suggested) parts.push(suggested);

  const rows: TableAxis[] = source.questions.map((facts) => ({
    key: facts.id,
    label: t('notes.questionRow', { number: facts.number }),
  }));
  if (!source.isSessionFiltered) rows.push({ key: GENERAL_KEY, label: t('labels.generalInput') });
  const k = consultation.kThreshold;

  return {
    language: text.language,
    title: t('notes.summaryTitle', { title: consultation.title }),
    preamble: [
      t('notes.prepared', { date: text.date(source.generatedAt, timezone), timezone }),
      ...(source.isSessionFiltered && source.sessions[0]
        ? [t('notes.agendaSession', { title: source.sessions[0].title })]
        : []),
      t(source.includeNames ? 'notes.namedInput' : 'notes.groupsOnly'),
      t('notes.smallGroups', {
        count: k,
        pooled: t('labels.pooledGroups'),
        participant: t('labels.participant'),
      }),
      t('notes.smallCells', { count: k }),
    ],
    parts,
    accountHeading: t('notes.accountHeading'),
    tables: [
      publishedTable(
        {
          heading: t('tables.outcomesHeading'),
          caption: t('tables.outcomesCaption'),
          corner: t('tables.question'),
          rows,
          columns: [
            ...THREAD_OUTCOMES.map((outcome) => ({ key: outcome, label: t(`labels.outcomes.${outcome}`) })),
            { key: OPEN_KEY, label: t('tables.notYetResolved') },
          ],
          cells: source.threadsByOutcome,
          metric: 'threads',
          k,
        },
        text,
      ),
      publishedTable(
        {
          heading: t('tables.inputHeading'),
          caption: t('tables.inputCaption'),
          corner: t('tables.question'),
          rows,
          columns: labels.map((label) => ({ key: label.key, label: label.label })),
          cells: source.commentsByLabel,
          metric: 'comments',
          k,
        },
        text,
      ),
      publishedTable(
        {
          heading: t('tables.suggestionsHeading'),
          caption: t('tables.suggestionsCaption'),
          corner: t('tables.group'),
          rows: labels.map((label) => ({ key: label.key, label: label.label })),
          columns: SUGGESTION_STATES.map((state) => ({
            key: suggestionStateKey(state),
            label: t(`labels.states.${state}`),
          })),
          cells: source.suggestionsByState,
          metric: 'suggestions',
          k,
        },
        text,
      ),
    ],
  };
}

/** A session's notes as the summary lays them out: per guiding question that has any, then the general notes. */
export function sessionNotesText(
  input: SessionNotesInput | undefined,
  timezone: string,
  text: ExportText,
): SessionNotesText | null {
  if (!input) return null;
  const { t } = text;
  const { notes, publishedAt } = input;
  const parts = notes.questions
    .filter((question) => question.blocks.length > 0)
    .map((question) => ({
      heading: t('notes.question', { number: question.number, text: question.text }),
      blocks: question.blocks,
    }));
  if (notes.general.length > 0) parts.push({ heading: t('notes.generalNotes'), blocks: notes.general });
  return {
    heading: t('notes.sessionNotes'),
    intro: [
      publishedAt
        ? t('notes.notesPublished', { time: text.dateTime(publishedAt, timezone), timezone })
        : t('notes.notesUnpublished'),
    ],
    parts,
  };
}

/** What a suggestion changes, in words. */
export function suggestedChange(
  record: { insertedText: string; deletedText: string },
  { t }: ExportText,
): string {
  const { insertedText: inserted, deletedText: deleted } = record;
  if (inserted && deleted) return t('notes.replace', { deleted, inserted });
  if (inserted) return t('notes.insert', { inserted });
  if (deleted) return t('notes.delete', { deleted });
  return t('notes.formatting');
}

/**
 * The decided suggestions, per section, under the label of their suggester's group (the same
 * rule as comments): what each changes, the decision and its reason. None: no part.
 */
function suggestionNotes(source: SummaryInput, text: ExportText): NotesPart | null {
  const { t } = text;
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
      passage: suggestedChange(record, text),
      comments: [],
      outcome: t('notes.decision', { state: t(`labels.states.${record.outcome}`) }),
      note: record.reason.trim() ? record.reason : null,
    });
  }
  const labelOf = new Map(source.labels.map((label) => [label.key, label.label]));
  return {
    heading: t('notes.suggestedHeading'),
    intro: [t('notes.suggestedIntro')],
    sessionNotes: null,
    questions: [...bySection].map(([section, byLabel]) => ({
      heading: t('notes.sectionHeading', { section }),
      intro: [],
      emptyText: null,
      groups: [...byLabel].map(([key, threads]) => ({ heading: labelOf.get(key) ?? key, threads })),
    })),
  };
}

/** Threads by the label (row key) of the group that opened them. */
type ThreadsByLabel = Map<string, NotesThread[]>;

/** Threads by question (null: general input), then by the label they were opened under, in input order. */
function groupThreads(source: SummaryInput, text: ExportText): Map<string | null, ThreadsByLabel> {
  const groupNames = new Map(source.groups.map((group) => [group.id, group.name]));
  const labelOf = new Map(source.labels.map((label) => [label.key, label.label]));
  const byQuestion = new Map<string | null, ThreadsByLabel>();
  let current: { id: string; thread: NotesThread } | undefined;
  for (const record of source.input) {
    if (current?.id !== record.threadId) {
      current = { id: record.threadId, thread: threadNotes(record, text) };
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
      text: record.isHidden ? text.t('labels.hidden') : record.body,
    });
  }
  return byQuestion;
}

function threadNotes(record: InputRecord, { t }: ExportText): NotesThread {
  const quote = record.quote;
  return {
    passage:
      quote === null
        ? null
        : record.section === null
          ? t('notes.passage', { quote })
          : t('notes.passageInSection', { quote, section: record.section }),
    comments: [],
    outcome:
      record.outcome === null
        ? t('notes.outcomeOpen')
        : t('notes.outcome', { outcome: t(`labels.outcomes.${record.outcome}`) }),
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
  { t, list }: ExportText,
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
        ? [...intro, t('notes.noThreadsFrom', { groups: list(silent) })]
        : intro,
    emptyText: present.length === 0 ? t('notes.noInput') : null,
    groups: present,
  };
}
