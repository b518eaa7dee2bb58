import { z } from 'zod';
import { SUGGESTION_OUTCOMES } from '../suggestions.js';
import { instant, uuid } from './common.js';
import { inputFigures, participationFigures } from './dashboard.js';
import { publishedNotesText } from './notes.js';
import { threadOutcome } from './threads.js';

const sectionRef = z.object({ id: uuid, number: z.string(), title: z.string() });

/**
 * A thread as the published results show it: where it was, what it said, and what became of it.
 * No one is named: the thread is shown under the k-anonymous label of the group that opened it,
 * and `isYours` tells the viewer their own.
 */
export const resultThread = z.object({
  id: uuid,
  questionId: uuid.nullable(),
  section: sectionRef.nullable(),
  quote: z.string().nullable(),
  /** The opening comment's text; null when it was deleted or hidden. */
  opening: z.string().nullable(),
  label: z.string(),
  /** Null while the thread is open. */
  outcome: threadOutcome.nullable(),
  /** The editors' reason (required for any outcome other than taking the input up). */
  reason: z.string(),
  isYours: z.boolean(),
});
export type ResultThread = z.infer<typeof resultThread>;

/** A suggested change the editors decided, under its suggester's group label. */
export const resultSuggestion = z.object({
  section: sectionRef,
  insertedText: z.string(),
  deletedText: z.string(),
  outcome: z.enum(SUGGESTION_OUTCOMES),
  reason: z.string(),
  label: z.string(),
  isYours: z.boolean(),
});
export type ResultSuggestion = z.infer<typeof resultSuggestion>;

/**
 * An agenda session's summary notes: the notes its rapporteurs wrote, as published, and the
 * input on the session's guiding questions and sections as published figures (no figure from
 * fewer than k people).
 */
export const resultSession = z.object({
  id: uuid,
  title: z.string(),
  startsAt: instant,
  endsAt: instant,
  notes: publishedNotesText.extend({
    /** Null for notes never published, shown as they stand once the consultation is published. */
    publishedAt: instant.nullable(),
  }),
  figures: z.object({
    /** All input on the session's questions and sections. */
    total: inputFigures,
    questions: z.array(z.object({ questionId: uuid, figures: inputFigures })),
    sections: z.array(
      z.object({ sectionId: uuid, number: z.string(), title: z.string(), figures: inputFigures }),
    ),
  }),
});
export type ResultSession = z.infer<typeof resultSession>;

/**
 * What a consultation's participants are told once its results are published (SPEC §5): the
 * summary notes of each agenda session, how input was taken into account, by guiding question
 * and section, and participation by group as published figures (no figure from fewer than k
 * people). Organisers may read it before, as a preview (`isPublished` false). Before publication
 * the other members read the session notes published so far, and nothing else: `threads` and
 * `suggestions` are empty and `participation` null.
 */
export const consultationResults = z.object({
  isPublished: z.boolean(),
  kThreshold: z.int(),
  /** Sessions whose notes are published, or — once the consultation is — that have notes. */
  sessions: z.array(resultSession),
  questions: z.array(z.object({ id: uuid, number: z.int(), text: z.string() })),
  threads: z.array(resultThread),
  suggestions: z.array(resultSuggestion),
  participation: z
    .object({
      rows: z.array(z.object({ label: z.string(), figures: participationFigures })),
      total: participationFigures,
    })
    .nullable(),
});
export type ConsultationResults = z.infer<typeof consultationResults>;
