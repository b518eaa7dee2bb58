import { z } from 'zod';
import { SUGGESTION_OUTCOMES } from '../suggestions.js';
import { uuid } from './common.js';
import { participationFigures } from './dashboard.js';
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
 * What a consultation's participants are told once its results are published (SPEC §5): how
 * input was taken into account, by guiding question and section, and participation by group as
 * published figures (no figure from fewer than k people). Organisers may read it before, as a
 * preview (`isPublished` false).
 */
export const consultationResults = z.object({
  isPublished: z.boolean(),
  kThreshold: z.int(),
  questions: z.array(z.object({ id: uuid, number: z.int(), text: z.string() })),
  threads: z.array(resultThread),
  suggestions: z.array(resultSuggestion),
  participation: z.object({
    rows: z.array(z.object({ label: z.string(), figures: participationFigures })),
    total: participationFigures,
  }),
});
export type ConsultationResults = z.infer<typeof consultationResults>;
