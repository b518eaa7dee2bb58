import { z } from 'zod';
import { instant, text, uuid } from './common.js';

/**
 * A member named to write an agenda session's notes. Organisers, who read the members list, see
 * every rapporteur; other members only themselves (SPEC §3: no names they are not entitled to).
 */
export const sessionRapporteur = z.object({
  /** The membership id (not the user id). */
  memberId: uuid,
  name: z.string(),
  isYou: z.boolean(),
});
export type SessionRapporteur = z.infer<typeof sessionRapporteur>;

/** Who writes an agenda session's notes, and whether they are published. */
export const sessionNotesState = z.object({
  sessionId: uuid,
  rapporteurs: z.array(sessionRapporteur),
  /** When the notes were last published; null while they never were. */
  publishedAt: instant.nullable(),
});
export type SessionNotesState = z.infer<typeof sessionNotesState>;

/** Names the session's rapporteurs (replacing those named before): members, never observers. */
export const setRapporteursBody = z.strictObject({
  memberIds: z
    .array(uuid)
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, {
      message: 'must not name a member twice',
      params: { issue: 'duplicate' },
    }),
});
export type SetRapporteursBody = z.infer<typeof setRapporteursBody>;

/**
 * What of a member the notes may give away (Chatham House): their name (whole, or a part of it),
 * email, or organisation — which the app keeps only as the stakeholder group, so a group with
 * fewer than k members, whose name can single them out.
 */
export const NOTES_FINDING_KINDS = ['name', 'email', 'organisation'] as const;
export type NotesFindingKind = (typeof NOTES_FINDING_KINDS)[number];

/** One place where the notes name a member. It holds only text the notes already hold. */
export const notesFinding = z.object({
  kind: z.enum(NOTES_FINDING_KINDS),
  /** The matching words as the notes write them. */
  text: z.string(),
  /** The guiding question whose notes hold it; null: the general notes. */
  questionId: uuid.nullable(),
  /** The words around it. */
  excerpt: z.string(),
});
export type NotesFinding = z.infer<typeof notesFinding>;

/** The Chatham House check of a session's notes as they stand. */
export const notesCheck = z.object({ findings: z.array(notesFinding) });
export type NotesCheck = z.infer<typeof notesCheck>;

/**
 * Publishes the session's notes as they stand. While the check finds something, publishing is
 * refused (409 CONFIRMATION_REQUIRED) unless every finding's text is among `confirmed`: the
 * editor has seen those and keeps them; anything found since is shown first.
 */
export const publishNotesBody = z.strictObject({
  confirmed: z
    .array(text({ max: 320 }))
    .max(200)
    .default([]),
});
export type PublishNotesBody = z.infer<typeof publishNotesBody>;

/** A block of published notes: plain text, with its kind kept for laying it out. */
export const noteBlock = z.object({
  type: z.enum(['paragraph', 'heading', 'item']),
  text: z.string(),
});
export type NoteBlock = z.infer<typeof noteBlock>;

/** A session's notes as published: per guiding question (as it was then), and general notes. */
export const publishedNotesText = z.object({
  questions: z.array(
    z.object({ questionId: uuid, number: z.int(), text: z.string(), blocks: z.array(noteBlock) }),
  ),
  general: z.array(noteBlock),
});
export type PublishedNotesText = z.infer<typeof publishedNotesText>;

export const publishedNotes = publishedNotesText.extend({
  sessionId: uuid,
  publishedAt: instant,
});
export type PublishedNotes = z.infer<typeof publishedNotes>;
