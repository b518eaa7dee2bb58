import {
  type ConsultationResults,
  type Figure,
  PARTICIPANT_LABEL,
  POOLED_GROUPS_LABEL,
  type ResultSuggestion,
  type ResultThread,
} from '@cw/shared';
import type { ExportText } from './export-text.js';
import { sessionNotesText, suggestedChange } from './summary-notes.js';
import type { NotesGroup, NotesPart, NotesTable, NotesThread, SummaryNotes } from './summary-notes.model.js';

/** What the results document says about the consultation, beside the results themselves. */
export interface ResultsFacts {
  title: string;
  timezone: string;
  generatedAt: Date;
}

/** A label as the results give it, the pooled labels in the export's words. */
function shown(label: string, { t }: ExportText): string {
  if (label === POOLED_GROUPS_LABEL) return t('labels.pooledGroups');
  if (label === PARTICIPANT_LABEL) return t('labels.participant');
  return label;
}

/** Items under their labels, in the order the labels first appear. */
function byLabel<T extends { label: string }>(
  items: readonly T[],
  toThread: (item: T, text: ExportText) => NotesThread,
  text: ExportText,
): NotesGroup[] {
  const groups = new Map<string, NotesThread[]>();
  for (const item of items) groups.set(item.label, [...(groups.get(item.label) ?? []), toThread(item, text)]);
  return [...groups].map(([label, threads]) => ({ heading: shown(label, text), threads }));
}

function threadNotes(thread: ResultThread, text: ExportText): NotesThread {
  const { t } = text;
  const quote = thread.quote;
  return {
    passage:
      quote === null
        ? null
        : thread.section
          ? t('notes.passageInSection', {
              quote,
              section: `${thread.section.number} ${thread.section.title}`,
            })
          : t('notes.passage', { quote }),
    comments: [{ label: shown(thread.label, text), text: thread.opening ?? t('labels.hidden') }],
    outcome: thread.outcome
      ? t('notes.outcome', { outcome: t(`labels.outcomes.${thread.outcome}`) })
      : t('notes.outcomeOpen'),
    note: thread.reason.trim() ? thread.reason : null,
  };
}

function suggestionNotes(suggestion: ResultSuggestion, text: ExportText): NotesThread {
  return {
    passage: suggestedChange(suggestion, text),
    comments: [],
    outcome: text.t('notes.decision', { state: text.t(`labels.states.${suggestion.outcome}`) }),
    note: suggestion.reason.trim() ? suggestion.reason : null,
  };
}

type Participation = NonNullable<ConsultationResults['participation']>;

function participationTable(
  results: ConsultationResults,
  participation: Participation,
  text: ExportText,
): NotesTable {
  const { t } = text;
  let hasPartial = false;
  const show = (figure: Figure) => {
    if (typeof figure === 'number') return text.number(figure);
    hasPartial = true;
    return figure.atLeast === 0
      ? t('labels.withheld')
      : t('labels.atLeast', { value: text.number(figure.atLeast) });
  };
  const row = (label: string, figures: Participation['total']) => [
    label,
    show(figures.invited),
    show(figures.joined),
    show(figures.active),
  ];
  return {
    heading: t('tables.whoTookPart'),
    caption: t('tables.participationCaption'),
    header: [t('tables.group'), t('tables.invited'), t('tables.joined'), t('tables.active')],
    rows: [
      ...participation.rows.map((r) => row(shown(r.label, text), r.figures)),
      row(t('labels.total'), participation.total),
    ],
    footnote: hasPartial
      ? t('tables.participationFootnote', { count: results.kThreshold, withheld: t('labels.withheld') })
      : null,
  };
}

/**
 * The published results as a document for posting elsewhere (SPEC §5): what every member reads
 * on the results page — each agenda session's notes, how each thread and decided suggestion was
 * taken into account, by guiding question and section, under group labels only — and who took
 * part. Laid out by the summary notes' renderers, so the formats say the same thing. Its own
 * words, dates and figures are in `text`'s language; what people wrote is as they wrote it.
 */
export function buildResultsNotes(
  results: ConsultationResults,
  facts: ResultsFacts,
  text: ExportText,
): SummaryNotes {
  const { t } = text;
  const timezone = facts.timezone;
  const onQuestion = (questionId: string | null) =>
    results.threads.filter((thread) => thread.questionId === questionId);
  const sessions: NotesPart[] = results.sessions.map((session) => ({
    heading: t('notes.session', { title: session.title }),
    intro: [
      t('notes.timeInZone', {
        time: text.timeRange(new Date(session.startsAt), new Date(session.endsAt), timezone),
        timezone,
      }),
    ],
    sessionNotes: sessionNotesText(
      {
        notes: session.notes,
        publishedAt: session.notes.publishedAt === null ? null : new Date(session.notes.publishedAt),
      },
      timezone,
      text,
    ),
    questions: [],
  }));
  const account: NotesPart = {
    heading: t('notes.accountHeading'),
    intro: [],
    sessionNotes: null,
    questions: [
      ...results.questions.map((question) => ({
        heading: t('notes.question', { number: question.number, text: question.text }),
        intro: [],
        emptyText: onQuestion(question.id).length === 0 ? t('notes.noInput') : null,
        groups: byLabel(onQuestion(question.id), threadNotes, text),
      })),
      ...(onQuestion(null).length > 0
        ? [
            {
              heading: t('labels.generalInput'),
              intro: [],
              emptyText: null,
              groups: byLabel(onQuestion(null), threadNotes, text),
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
            heading: t('notes.suggestedHeading'),
            intro: [t('notes.suggestedIntro')],
            sessionNotes: null,
            questions: sections.map((section) => ({
              heading: t('notes.sectionHeading', { section: `${section.number} ${section.title}` }),
              intro: [],
              emptyText: null,
              groups: byLabel(
                results.suggestions.filter((s) => s.section.id === section.id),
                suggestionNotes,
                text,
              ),
            })),
          },
        ];
  return {
    language: text.language,
    title: t('notes.resultsTitle', { title: facts.title }),
    preamble: [
      t('notes.prepared', { date: text.date(facts.generatedAt, timezone), timezone }),
      t(results.isPublished ? 'notes.resultsPublished' : 'notes.resultsPreview'),
      t('notes.resultsAttribution', { count: results.kThreshold }),
    ],
    parts: [...sessions, account, ...suggested],
    accountHeading: t('notes.participationHeading'),
    tables: results.participation ? [participationTable(results, results.participation, text)] : [],
  };
}
