import { z } from 'zod';
import { text, uuid } from './schemas/common.js';
import { attribution, REASON_REQUIRED } from './schemas/threads.js';
import { isSuggestionId, suggestionIdString } from './suggestion-ids.js';

/**
 * Suggested changes (issue 17) as they live in the paper's Yjs document, for the editor that
 * writes them and the server that checks them. Each section's text is a Y.XmlFragment kept by
 * y-prosemirror; a suggestion is an editor mark, stored as a format attribute on the Y.XmlText
 * runs it covers (docs/architecture.md, "Suggested changes").
 */

/**
 * The kinds of suggestion, which are also the editor's mark names: text proposed for insertion,
 * text proposed for deletion (struck through, still in the document), and a node whose type or
 * attributes were changed (kept by the editor only: y-prosemirror stores no node marks).
 */
export const SUGGESTION_KINDS = ['insertion', 'deletion', 'modification'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

export { isSuggestionId, SUGGESTION_ID_PATTERN, suggestionIdString } from './suggestion-ids.js';

/** The attributes of an insertion or deletion mark: the suggestion's id, nothing about its author. */
export interface TextSuggestionAttrs {
  id: string;
}

/** The attributes of a modification mark, as the editor keeps them. */
export interface ModificationAttrs {
  id: string;
  /** What changed: a node mark, a node attribute, or the node's type. */
  type: 'mark' | 'attr' | 'nodeType';
  attrName: string | null;
  previousValue: unknown;
  newValue: unknown;
}

/**
 * y-prosemirror names a mark's format attribute after the mark when the mark excludes itself
 * (at most one per run), as insertion and deletion do; a mark that may overlap itself, as
 * modification may, gets `--` and an 8-character hash of the mark's JSON appended. Reading, it
 * strips such a suffix from any key, so `insertion--AbCd1234` is an insertion too.
 */
const HASHED_KEY = /^(.*)--[a-zA-Z0-9+/=]{8}$/;

/** The mark name a Y.XmlText format-attribute key stands for, as y-prosemirror reads it. */
export function markNameOfKey(key: string): string {
  return HASHED_KEY.exec(key)?.[1] ?? key;
}

/** The suggestion kind a Y.XmlText format-attribute key stands for, or null for any other mark. */
export function suggestionKindOfKey(key: string): SuggestionKind | null {
  const name = markNameOfKey(key);
  return (SUGGESTION_KINDS as readonly string[]).includes(name) ? (name as SuggestionKind) : null;
}

/** One suggestion mark found on a run of text. */
export interface SuggestionMark {
  kind: SuggestionKind;
  id: string;
}

/**
 * The suggestion mark a format attribute (key and value, as `Y.XmlText.toDelta()` gives them)
 * carries: null when it is another mark; `'invalid'` when its key names a suggestion but the value
 * has no well-formed id, which the server refuses.
 */
export function suggestionOfAttribute(key: string, value: unknown): SuggestionMark | 'invalid' | null {
  const kind = suggestionKindOfKey(key);
  if (kind === null) return null;
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return isSuggestionId(id) ? { kind, id } : 'invalid';
}

/**
 * Every suggestion mark on a run of text, from its format attributes. A run carries at most one
 * insertion or deletion: the two marks exclude each other.
 */
export function suggestionsOfAttributes(
  attributes: Readonly<Record<string, unknown>> | undefined,
): (SuggestionMark | 'invalid')[] {
  if (!attributes) return [];
  return Object.entries(attributes).flatMap(([key, value]) => {
    const mark = suggestionOfAttribute(key, value);
    return mark === null ? [] : [mark];
  });
}

/**
 * The open suggestions of a consultation's paper with their authors as the viewer may see them
 * (the same rule as comments: the k-anonymous group label, a name only where entitled; never a
 * user id). The paper itself names no author; `author.isYou` marks the viewer's own, so their
 * Withdraw control shows in any browser.
 */
export const paperSuggestions = z.object({
  suggestions: z.array(z.object({ id: z.string(), author: attribution })),
});
export type PaperSuggestions = z.infer<typeof paperSuggestions>;

/** What an editor decided about a suggestion: taken into the text, or not. */
export const SUGGESTION_OUTCOMES = ['accepted', 'rejected'] as const;
export type SuggestionOutcome = (typeof SUGGESTION_OUTCOMES)[number];

/** An author withdrawing suggestions of their own in one section, before taking them out of the text. */
export const suggestionWithdrawalBody = z.strictObject({
  sectionId: uuid,
  suggestionIds: z.array(suggestionIdString).min(1).max(500),
});
export type SuggestionWithdrawalBody = z.infer<typeof suggestionWithdrawalBody>;

/**
 * An editor's decision on one or more suggestions of a section (one, or all of the section at
 * once), recorded before the text is changed to match. A rejection says why, as any outcome
 * other than taking input up does.
 */
export const suggestionDecisionBody = suggestionWithdrawalBody
  .extend({
    outcome: z.enum(SUGGESTION_OUTCOMES),
    reason: text({ min: 0, max: 2000, multiline: true }).default(''),
  })
  .refine((body) => body.outcome === 'accepted' || body.reason.trim() !== '', {
    path: ['reason'],
    message: REASON_REQUIRED,
    params: { issue: 'reasonRequired' },
  });
export type SuggestionDecisionBody = z.infer<typeof suggestionDecisionBody>;

/**
 * How a suggestion ended: an editor's decision, or withdrawn by its author. A suggestion with
 * none is still open.
 */
export const SUGGESTION_DISPOSITIONS = [...SUGGESTION_OUTCOMES, 'withdrawn'] as const;
export type SuggestionDisposition = (typeof SUGGESTION_DISPOSITIONS)[number];

/** Where a suggestion stands: how it ended, or still `open`. */
export const SUGGESTION_STATES = [...SUGGESTION_DISPOSITIONS, 'open'] as const;
export type SuggestionState = (typeof SUGGESTION_STATES)[number];

/** How many of the suggestions were decided now; those decided before keep their decision. */
export const suggestionDecisionResult = z.object({ recorded: z.int() });
export type SuggestionDecisionResult = z.infer<typeof suggestionDecisionResult>;

/**
 * Zero-width space: the editor marks one, inserted or deleted, where a suggestion crosses a
 * paragraph boundary and no visible character is left to carry the mark. It is part of the
 * suggestion, removed when the suggestion is settled.
 */
export const SUGGESTION_BOUNDARY_CHARACTER = '\u200B';
