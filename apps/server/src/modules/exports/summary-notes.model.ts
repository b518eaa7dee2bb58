import type { Language } from '@cw/shared';

/**
 * The summary notes as a document with every text already decided: what the notes say, not how
 * they look. The Markdown and DOCX renderers only lay this out, so both formats say the same
 * thing. It holds no participant's name, email or id unless names were explicitly included.
 * Plain data, so it can be handed to a worker thread.
 */
export interface SummaryNotes {
  /** The language of the notes' own words (Arabic is laid out right to left). */
  language: Language;
  title: string;
  /** Lines under the title: date, scope, how input is attributed. */
  preamble: string[];
  parts: NotesPart[];
  /** "How input was taken into account". */
  accountHeading: string;
  tables: NotesTable[];
}

/** An agenda session, or the questions outside the agenda, or the general input. */
export interface NotesPart {
  heading: string;
  /** E.g. the session's time; may be empty. */
  intro: string[];
  /** An agenda session's notes as published, first in its part; null when there are none. */
  sessionNotes: SessionNotesText | null;
  questions: NotesQuestion[];
}

/** The notes the session's rapporteurs wrote, as published: plain text, naming no one. */
export interface SessionNotesText {
  heading: string;
  /** E.g. when they were published. */
  intro: string[];
  /** Per guiding question (its heading), then the general notes (no heading). */
  parts: Array<{ heading: string | null; blocks: SessionNotesBlock[] }>;
}

export interface SessionNotesBlock {
  type: 'paragraph' | 'heading' | 'item';
  text: string;
}

export interface NotesQuestion {
  heading: string;
  /** E.g. "Sections: 1 Scope; 2 Steps"; may be empty. */
  intro: string[];
  /** Said when no group gave input. */
  emptyText: string | null;
  groups: NotesGroup[];
}

/** The threads opened from one stakeholder group. */
export interface NotesGroup {
  heading: string;
  threads: NotesThread[];
}

export interface NotesThread {
  /** "On the passage: …", when the thread has one. */
  passage: string | null;
  comments: NotesComment[];
  /** E.g. "Outcome: Accepted" or "Open". */
  outcome: string;
  /** The resolution note, when there is one. */
  note: string | null;
}

export interface NotesComment {
  /** The stakeholder group (and the name, only when names were included). */
  label: string;
  /**
   * The comment's light Markdown as typed; the render worker takes out its images and links
   * other than http(s) and mailto (comment-links.ts) before laying it out.
   */
  text: string;
}

/** A table of published figures; the first column holds row labels and the last row the totals. */
export interface NotesTable {
  heading: string;
  caption: string;
  header: string[];
  rows: string[][];
  /** Explains hidden figures; empty when none is hidden. */
  footnote: string | null;
}
