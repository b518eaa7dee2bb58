import {
  type ConsultationResults,
  type Figure,
  instantToZoned,
  type ResultSuggestion,
  type ResultThread,
} from '@cw/shared';
import { atLeast, HIDDEN_TEXT, OUTCOME_LABELS, SUGGESTION_STATE_LABELS, WITHHELD } from './export-labels.js';
import { sessionNotesText, suggestedChange } from './summary-notes.js';
import type { NotesGroup, NotesPart, NotesTable, NotesThread, SummaryNotes } from './summary-notes.model.js';

/** What the results document says about the consultation, beside the results themselves. */
export interface ResultsFacts {
  title: string;
  timezone: string;
  generatedAt: Date;
}

/** Items under their labels, in the order the labels first appear. */
function byLabel<T extends { label: string }>(
  items: readonly T[],
  toThread: (item: T) => NotesThread,
): NotesGroup[] {
  const groups = new Map<string, NotesThread[]>();
  for (const item of items) groups.set(item.label, [...(groups.get(item.label) ?? []), toThread(item)]);
  return [...groups].map(([heading, threads]) => ({ heading, threads }));
}

function threadNotes(thread: ResultThread): NotesThread {
  const where = thread.section ? ` (section ${thread.section.number} ${thread.section.title})` : '';
  return {
    passage: thread.quote === null ? null : `On the passage${where}: “${thread.quote}”`,
    comments: [{ label: thread.label, text: thread.opening ?? HIDDEN_TEXT }],
    outcome: thread.outcome ? `Outcome: ${OUTCOME_LABELS[thread.outcome]}` : 'Outcome: not yet resolved',
    note: thread.reason.trim() ? thread.reason : null,
  };
}

function suggestionNotes(suggestion: ResultSuggestion): NotesThread {
  return {
    passage: suggestedChange(suggestion),
    comments: [],
    outcome: `Decision: ${SUGGESTION_STATE_LABELS[suggestion.outcome]}`,
    note: suggestion.reason.trim() ? suggestion.reason : null,
  };
}

type Participation = NonNullable<ConsultationResults['participation']>;

function participationTable(results: ConsultationResults, participation: Participation): NotesTable {
  let hasPartial = false;
  const show = (figure: Figure) => {
    if (typeof figure === 'number') return String(figure);
    hasPartial = true;
    return figure.atLeast === 0 ? WITHHELD : atLeast(figure.atLeast);
  };
  const row = (label: string, figures: Participation['total']) => [
    label,
    show(figures.invited),
    show(figures.joined),
    show(figures.active),
  ];
  return {
    heading: 'Who took part',
    caption: 'Members invited, joined and active, by stakeholder group.',
    header: ['Stakeholder group', 'Invited', 'Joined', 'Active'],
    rows: [...participation.rows.map((r) => row(r.label, r.figures)), row('Total', participation.total)],
    footnote: hasPartial
      ? `"at least n" and "${WITHHELD}": no figure counts fewer than ${results.kThreshold} people.`
      : null,
  };
}

/**
 * The published results as a document for posting elsewhere (SPEC §5): what every member reads
 * on the results page — each agenda session's notes, how each thread and decided suggestion was
 * taken into account, by guiding question and section, under group labels only — and who took
 * part. Laid out by the summary notes' renderers, so the formats say the same thing.
 */
export function buildResultsNotes(results: ConsultationResults, facts: ResultsFacts): SummaryNotes {
  const onQuestion = (questionId: string | null) =>
    results.threads.filter((t) => t.questionId === questionId);
  const wallClock = (instant: string) => instantToZoned(new Date(instant), facts.timezone).replace('T', ' ');
  const sessions: NotesPart[] = results.sessions.map((session) => ({
    heading: `Session: ${session.title}`,
    intro: [`${wallClock(session.startsAt)} to ${wallClock(session.endsAt)} (${facts.timezone})`],
    sessionNotes: sessionNotesText(
      {
        notes: session.notes,
        publishedAt: session.notes.publishedAt === null ? null : new Date(session.notes.publishedAt),
      },
      facts.timezone,
    ),
    questions: [],
  }));
  const account: NotesPart = {
    heading: 'How input was taken into account',
    intro: [],
    sessionNotes: null,
    questions: [
      ...results.questions.map((question) => ({
        heading: `Question ${question.number}. ${question.text}`,
        intro: [],
        emptyText: onQuestion(question.id).length === 0 ? 'No input.' : null,
        groups: byLabel(onQuestion(question.id), threadNotes),
      })),
      ...(onQuestion(null).length > 0
        ? [
            {
              heading: 'General input',
              intro: [],
              emptyText: null,
              groups: byLabel(onQuestion(null), threadNotes),
            },
          ]
        : []),
    ],
  };
  const sections = [...new Map(results.suggestions.map((s) => [s.section.id, s.section])).values()];
  const suggested: NotesPart[] =
    sections.length === 0
      ? []
      : [
          {
            heading: 'Suggested changes to the paper',
            intro: [
              'The changes to the text reviewers suggested and the editors decided on, with the reason given.',
            ],
            sessionNotes: null,
            questions: sections.map((section) => ({
              heading: `Section ${section.number} ${section.title}`,
              intro: [],
              emptyText: null,
              groups: byLabel(
                results.suggestions.filter((s) => s.section.id === section.id),
                suggestionNotes,
              ),
            })),
          },
        ];
  return {
    title: `Results: ${facts.title}`,
    preamble: [
      `Prepared on ${instantToZoned(facts.generatedAt, facts.timezone).slice(0, 10)} (${facts.timezone}).`,
      results.isPublished
        ? 'As published to the members of the consultation.'
        : 'A preview: the consultation is not published yet.',
      'Input is shown by stakeholder group only; no participant is named. Groups with fewer than ' +
        `${results.kThreshold} members are not named.`,
    ],
    parts: [...sessions, account, ...suggested],
    accountHeading: 'Participation',
    tables: results.participation ? [participationTable(results, results.participation)] : [],
  };
}
