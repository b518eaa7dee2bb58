import {
  applySuggestion,
  applySuggestions,
  revertSuggestion,
  revertSuggestions,
  suggestChanges,
  suggestChangesKey,
  isSuggestChangesEnabled,
  transformToSuggestionTransaction,
} from '@handlewithcare/prosemirror-suggest-changes';
import {
  SUGGESTION_BOUNDARY_CHARACTER,
  SUGGESTION_KINDS,
  type SuggestionKind,
  type TextSuggestionAttrs,
} from '@cw/shared';
import { Extension, Mark, type Editor } from '@tiptap/core';
import { Fragment, Slice, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, type EditorState, type Transaction } from '@tiptap/pm/state';
import { AddMarkStep, AddNodeMarkStep } from '@tiptap/pm/transform';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

/**
 * A suggestion mark. No parse rule on purpose: pasted or dropped HTML never brings a suggestion
 * (with someone else's id) along; what is pasted while suggesting becomes the paster's own.
 */
function suggestionMark(kind: SuggestionKind, tag: string, excludes: string) {
  return Mark.create({
    name: kind,
    inclusive: false,
    excludes,
    addAttributes() {
      const attributes: Record<string, { default: unknown; rendered: false }> = {
        id: { default: null, rendered: false },
      };
      if (kind === 'modification')
        for (const name of ['type', 'attrName', 'previousValue', 'newValue'])
          attributes[name] = { default: null, rendered: false };
      return attributes;
    },
    renderHTML({ mark }) {
      return [
        tag,
        { class: `suggestion suggestion--${kind}`, 'data-suggestion-id': String(mark.attrs.id) },
        0,
      ];
    },
  });
}

/** Marks as the suggestion library defines them: insertion and deletion each exclude the others and themselves. */
const SUGGESTION_MARKS = [
  suggestionMark('insertion', 'ins', 'insertion deletion modification'),
  suggestionMark('deletion', 'del', 'insertion deletion modification'),
  suggestionMark('modification', 'span', 'insertion deletion'),
];

/** 128 random bits as 22 base64url characters (`SUGGESTION_ID_PATTERN`); works on plain-http addresses too. */
export function newSuggestionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** Ids of suggestion marks a transaction adds. */
function addedSuggestionIds(tr: Transaction): Set<string> {
  const ids = new Set<string>();
  for (const step of tr.steps) {
    const mark = step instanceof AddMarkStep || step instanceof AddNodeMarkStep ? step.mark : null;
    if (mark && (SUGGESTION_KINDS as readonly string[]).includes(mark.type.name))
      ids.add(String(mark.attrs.id));
  }
  return ids;
}

/** Changes that are not the reader's own typing: remote edits, undo, settling a suggestion. */
function isPassedThrough(tr: Transaction): boolean {
  const sync = (tr.getMeta(ySyncPluginKey) ?? {}) as {
    isChangeOrigin?: boolean;
    isUndoRedoOperation?: boolean;
  };
  const own = (tr.getMeta(suggestChangesKey) ?? {}) as object;
  return !tr.docChanged || !!sync.isChangeOrigin || !!sync.isUndoRedoOperation || 'skip' in own;
}

export interface PaperSuggestionsOptions {
  /** Told each id this editor gives a new suggestion, so the author's controls know it as theirs. */
  onOwnSuggestion: (id: string) => void;
}

/**
 * Suggesting: while on, typing, deleting, pasting and formatting are turned into insertion and
 * deletion marks (prosemirror-suggest-changes) instead of changing the text. Each new
 * suggestion gets a fresh random id, unique whoever makes it; an edit next to an own suggestion
 * extends it.
 */
export const PaperSuggestions = Extension.create<PaperSuggestionsOptions>({
  name: 'paperSuggestions',

  addOptions() {
    return { onOwnSuggestion: () => undefined };
  },

  addExtensions() {
    return SUGGESTION_MARKS;
  },

  addProseMirrorPlugins() {
    return [
      suggestChanges(),
      new Plugin({
        props: {
          // Several pasted blocks would need block-level marks, which the Yjs binding does not
          // keep: while suggesting, their text is pasted as one run in the current paragraph.
          transformPasted: (slice, view) => {
            if (!isSuggestChangesEnabled(view.state) || slice.content.childCount < 2) return slice;
            const text = slice.content.textBetween(0, slice.content.size, ' ', ' ');
            return text ? new Slice(Fragment.from(view.state.schema.text(text)), 0, 0) : Slice.empty;
          },
        },
      }),
    ];
  },

  dispatchTransaction({ transaction, next }) {
    const state = this.editor.state;
    if (!isSuggestChangesEnabled(state) || isPassedThrough(transaction)) return next(transaction);
    const fresh = new Set<string>();
    let suggested: Transaction;
    try {
      suggested = transformToSuggestionTransaction(transaction, state, () => {
        const id = newSuggestionId();
        fresh.add(id);
        return id;
      });
    } catch (error) {
      // A change to the blocks themselves (a heading, a list, whole paragraphs) would need
      // block-level marks, which the document does not allow: it is not made at all rather
      // than made without being a suggestion.
      // (prosemirror-transform's TransformError, exported without a type.)
      if (error instanceof Error && error.name === 'TransformError') return;
      throw error;
    }
    for (const id of addedSuggestionIds(suggested)) if (fresh.has(id)) this.options.onOwnSuggestion(id);
    next(suggested);
  },
});

/** Turns suggesting on or off for this editor (a local setting, not part of the paper). */
export function setSuggesting(editor: Editor, on: boolean): void {
  if (isSuggestChangesEnabled(editor.state) === on) return;
  editor.view.dispatch(editor.state.tr.setMeta(suggestChangesKey, { enabled: on }));
}

export function isSuggesting(state: EditorState): boolean {
  return isSuggestChangesEnabled(state);
}

/** Accepts one suggestion: inserted text stays, deleted text goes. */
export function acceptSuggestion(editor: Editor, id: string): boolean {
  return applySuggestion(id)(editor.state, editor.view.dispatch);
}

/** Rejects one suggestion (or withdraws it, for its author): inserted text goes, deleted text stays. */
export function rejectSuggestion(editor: Editor, id: string): boolean {
  return revertSuggestion(id)(editor.state, editor.view.dispatch);
}

/** One suggestion of a section, as its list shows it. */
export interface SectionSuggestion {
  id: string;
  /** Text proposed for insertion, boundary markers left out. */
  inserted: string;
  /** Text proposed for deletion. */
  deleted: string;
}

/** A section's suggestions in document order, the runs of each id put together. */
export function sectionSuggestions(doc: ProseMirrorNode): SectionSuggestion[] {
  const byId = new Map<string, SectionSuggestion>();
  doc.descendants((node) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      const kind = mark.type.name;
      if (kind !== 'insertion' && kind !== 'deletion') continue;
      const { id } = mark.attrs as TextSuggestionAttrs;
      const entry = byId.get(id) ?? { id, inserted: '', deleted: '' };
      const text = (node.text ?? '').replaceAll(SUGGESTION_BOUNDARY_CHARACTER, '');
      if (kind === 'insertion') entry.inserted += text;
      else entry.deleted += text;
      byId.set(id, entry);
    }
    return false;
  });
  return [...byId.values()];
}

/** Accepts or rejects every suggestion of a section, in one change. */
export function settleAllSuggestions(editor: Editor, decision: 'accept' | 'reject'): void {
  (decision === 'accept' ? applySuggestions : revertSuggestions)(editor.state, editor.view.dispatch);
}
