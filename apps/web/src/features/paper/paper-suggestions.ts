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
import { Extension, Mark as MarkExtension, type Editor } from '@tiptap/core';
import { Fragment, Slice, type Mark, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, type EditorState, type Transaction } from '@tiptap/pm/state';
import { AddMarkStep, Mapping, RemoveMarkStep, ReplaceAroundStep, ReplaceStep } from '@tiptap/pm/transform';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

/**
 * A suggestion mark. No parse rule on purpose: pasted or dropped HTML never brings a suggestion
 * (with someone else's id) along; what is pasted while suggesting becomes the paster's own.
 */
function suggestionMark(kind: SuggestionKind, tag: string, excludes: string) {
  return MarkExtension.create({
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

/**
 * Marks as the suggestion library defines them: insertion and deletion each exclude the others
 * and themselves. The library also needs `modification`, which it only ever puts on blocks; no
 * block here takes marks, so it never reaches the document.
 */
const SUGGESTION_MARKS = [
  suggestionMark('insertion', 'ins', 'insertion deletion modification'),
  suggestionMark('deletion', 'del', 'insertion deletion modification'),
  suggestionMark('modification', 'span', 'insertion deletion'),
];

/** 128 random bits as 22 base64url characters (`SUGGESTION_ID_PATTERN`); works on plain-http addresses too. */
function newSuggestionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

const isSuggestionMark = (mark: Mark) => (SUGGESTION_KINDS as readonly string[]).includes(mark.type.name);

/** The parts of `from`–`to` whose text carries no suggestion mark of someone else. */
function rangesFreeOfOthers(
  doc: ProseMirrorNode,
  from: number,
  to: number,
  isOwn: (id: string) => boolean,
): [number, number][] {
  const ranges: [number, number][] = [];
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return true;
    if (node.marks.some((mark) => isSuggestionMark(mark) && !isOwn(String(mark.attrs.id)))) return false;
    const start = Math.max(pos, from);
    const end = Math.min(pos + node.nodeSize, to);
    const last = ranges.at(-1);
    if (last && last[1] === start) last[1] = end;
    else ranges.push([start, end]);
    return false;
  });
  return ranges;
}

/**
 * The library joins an edit to any suggestion it touches, whoever made it, and really deletes
 * suggested text that is deleted again. Each id belongs to its author (the server ties it to
 * the first member who sends it), so the suggested change is rebuilt step by step: another's
 * suggestion is neither extended nor renamed (new text next to it gets an own id), and a change
 * that would delete someone else's suggested text is not made at all (null).
 */
function keepOthersSuggestions(
  state: EditorState,
  suggested: Transaction,
  isOwn: (id: string) => boolean,
  newId: () => string,
): Transaction | null {
  const out = state.tr;
  const replacements = new Map<string, string>();
  for (const step of suggested.steps) {
    if (step instanceof ReplaceStep || step instanceof ReplaceAroundStep) {
      const kept = rangesFreeOfOthers(out.doc, step.from, step.to, isOwn);
      const keptSize = kept.reduce((size, [from, to]) => size + to - from, 0);
      let textSize = 0;
      out.doc.nodesBetween(step.from, step.to, (node, pos) => {
        if (node.isText) textSize += Math.min(pos + node.nodeSize, step.to) - Math.max(pos, step.from);
      });
      if (keptSize !== textSize) return null;
      out.step(step);
    } else if (step instanceof AddMarkStep && isSuggestionMark(step.mark)) {
      const id = String(step.mark.attrs.id);
      const ownId = isOwn(id) ? id : (replacements.get(id) ?? replacements.set(id, newId()).get(id)!);
      const mark = step.mark.type.create({ ...step.mark.attrs, id: ownId });
      for (const [from, to] of rangesFreeOfOthers(out.doc, step.from, step.to, isOwn))
        out.step(new AddMarkStep(from, to, mark));
    } else if (step instanceof RemoveMarkStep && isSuggestionMark(step.mark)) {
      for (const [from, to] of rangesFreeOfOthers(out.doc, step.from, step.to, isOwn))
        out.step(new RemoveMarkStep(from, to, step.mark));
    } else {
      out.step(step);
    }
  }
  // Mark steps move nothing, so the positions of the library's result hold in this one.
  if (suggested.selectionSet) out.setSelection(suggested.selection.map(out.doc, new Mapping()));
  if (suggested.storedMarksSet) out.setStoredMarks(suggested.storedMarks);
  if (suggested.scrolledIntoView) out.scrollIntoView();
  // The metadata (paste, input type, history) as the library kept it from the original
  // transaction, by the same private field it copies.
  Object.assign((out as unknown as { meta: object }).meta, (suggested as unknown as { meta: object }).meta);
  return out;
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
  /** Whether this member made the suggestion of this id. */
  isOwnSuggestion: (id: string) => boolean;
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
    return { isOwnSuggestion: () => false, onOwnSuggestion: () => undefined };
  },

  addExtensions() {
    return SUGGESTION_MARKS;
  },

  addProseMirrorPlugins() {
    return [
      suggestChanges(),
      new Plugin({
        props: {
          // Whole pasted blocks would need block-level marks, which the Yjs binding does not
          // keep: while suggesting, a paste that holds any whole block (more than the ends of
          // at most two paragraphs, open on both sides) is pasted as its text in one run.
          transformPasted: (slice, view) => {
            const { content, openStart, openEnd } = slice;
            const paragraphEnds =
              content.childCount <= 2 &&
              openStart === 1 &&
              openEnd === 1 &&
              content.content.every((block) => block.isTextblock);
            const inline = content.firstChild?.isInline;
            if (!isSuggestChangesEnabled(view.state) || paragraphEnds || inline) return slice;
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
    const newId = () => {
      const id = newSuggestionId();
      fresh.add(id);
      return id;
    };
    const isOwn = (id: string) => fresh.has(id) || this.options.isOwnSuggestion(id);
    let suggested: Transaction | null;
    try {
      suggested = keepOthersSuggestions(
        state,
        transformToSuggestionTransaction(transaction, state, newId),
        isOwn,
        newId,
      );
    } catch (error) {
      // A change to the blocks themselves (a heading, a list, whole paragraphs) would need
      // block-level marks, which the document does not allow: it is not made at all rather
      // than made without being a suggestion. (prosemirror-transform's TransformError, exported
      // without a type.)
      if (error instanceof Error && error.name === 'TransformError') return;
      throw error;
    }
    if (!suggested) return;
    for (const step of suggested.steps) {
      const id = step instanceof AddMarkStep ? String(step.mark.attrs.id) : null;
      if (id && fresh.delete(id)) this.options.onOwnSuggestion(id);
    }
    next(suggested);
  },
});

/** Turns suggesting on or off for this editor (a local setting, not part of the paper). */
export function setSuggesting(editor: Editor, on: boolean): void {
  if (isSuggestChangesEnabled(editor.state) === on) return;
  editor.view.dispatch(editor.state.tr.setMeta(suggestChangesKey, { enabled: on }));
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

/**
 * Where a suggestion is in the text, from the start of its first marked run to the end of its
 * last: the passage a thread on it is anchored to. Null when no text carries its id.
 */
export function suggestionRange(doc: ProseMirrorNode, id: string): { from: number; to: number } | null {
  let range: { from: number; to: number } | null = null;
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    const isMarked = node.marks.some(
      (mark) =>
        (mark.type.name === 'insertion' || mark.type.name === 'deletion') &&
        (mark.attrs as TextSuggestionAttrs).id === id,
    );
    if (isMarked) range = { from: range?.from ?? pos, to: pos + node.nodeSize };
    return false;
  });
  return range;
}

/** The ids of the suggestions with text between `from` and `to`, in text order; none for an empty range. */
export function suggestionIdsInRange(doc: ProseMirrorNode, from: number, to: number): string[] {
  const ids = new Set<string>();
  if (from === to) return [];
  doc.nodesBetween(from, to, (node) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (mark.type.name === 'insertion' || mark.type.name === 'deletion')
        ids.add((mark.attrs as TextSuggestionAttrs).id);
    }
    return false;
  });
  return [...ids];
}

/** Accepts or rejects each of `ids`, one after another (the suggestions of a selection). */
export function settleSuggestions(
  editor: Editor,
  ids: readonly string[],
  decision: 'accept' | 'reject',
): void {
  for (const id of ids) (decision === 'accept' ? acceptSuggestion : rejectSuggestion)(editor, id);
}

/** Accepts or rejects every suggestion of a section, in one change. */
export function settleAllSuggestions(editor: Editor, decision: 'accept' | 'reject'): void {
  (decision === 'accept' ? applySuggestions : revertSuggestions)(editor.state, editor.view.dispatch);
}
