import { SUGGESTION_BOUNDARY_CHARACTER, suggestionOfAttribute } from '@cw/shared';
import * as Y from 'yjs';
import type { SuggestionAuthors } from './suggestion-authors.js';
import { rootNameOfType } from './update-validator.js';

/** A section's content in reading order, as far as a member who may only suggest must leave it. */
type Piece =
  | { kind: 'open'; name: string; attrs: string }
  | { kind: 'close' }
  /** The member's own marked boundary character: a paragraph break they suggest sits between two. */
  | { kind: 'boundary' }
  | { kind: 'text'; text: string; attrs: string }
  | { kind: 'embed'; value: string; attrs: string };

type Attributes = Record<string, unknown>;

/** Object keys in a fixed order, so equal values compare equal as JSON. */
function stableJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Attributes)
    .filter(([, entry]) => entry !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${stableJson(entry)}`).join(',')}}`;
}

/**
 * What of a piece's attributes must stay: everything but the member's own deletion marks.
 * Formatting is suggested as a deletion and an insertion of the text, never changed in place.
 */
function keptAttributes(attributes: Attributes, isOwn: (id: string) => boolean): string {
  const kept: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    const mark = suggestionOfAttribute(key, value);
    if (mark !== null && mark !== 'invalid' && mark.kind === 'deletion' && isOwn(mark.id)) continue;
    kept[key] = value;
  }
  return stableJson(kept);
}

const isOwnInsertion = (attributes: Attributes, isOwn: (id: string) => boolean): boolean =>
  Object.entries(attributes).some(([key, value]) => {
    const mark = suggestionOfAttribute(key, value);
    return mark !== null && mark !== 'invalid' && mark.kind === 'insertion' && isOwn(mark.id);
  });

/**
 * A section's pieces with the member's own suggestions taken out: text they suggested inserting
 * is left out, their deletion marks are dropped (the text stays), and a paragraph break they
 * suggested — between two boundary characters of theirs — is taken out, as rejecting it would.
 */
function piecesOf(fragment: Y.XmlFragment, isOwn: (id: string) => boolean): Piece[] {
  const pieces: Piece[] = [];
  const visit = (type: Y.XmlFragment | Y.XmlElement): void => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText) {
        for (const op of child.toDelta() as { insert: unknown; attributes?: Attributes }[]) {
          const attributes = op.attributes ?? {};
          if (isOwnInsertion(attributes, isOwn)) {
            if (typeof op.insert === 'string' && op.insert.includes(SUGGESTION_BOUNDARY_CHARACTER))
              pieces.push({ kind: 'boundary' });
            continue;
          }
          const attrs = keptAttributes(attributes, isOwn);
          if (typeof op.insert === 'string') pieces.push({ kind: 'text', text: op.insert, attrs });
          else pieces.push({ kind: 'embed', value: stableJson(op.insert), attrs });
        }
      } else if (child instanceof Y.XmlElement) {
        const attrs = keptAttributes(child.getAttributes() as Attributes, isOwn);
        pieces.push({ kind: 'open', name: child.nodeName, attrs });
        visit(child);
        pieces.push({ kind: 'close' });
      }
    }
  };
  visit(fragment);
  return withoutOwnBreaks(pieces);
}

/**
 * Takes out each suggested paragraph break (boundary, close, open, boundary) that splits a block
 * into two of the same kind, then the boundaries left. A break that also changes the kind of the
 * second block stays in, and so differs from the text before.
 */
function withoutOwnBreaks(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  const open: Piece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const next = pieces[i + 2];
    const isBreak =
      piece.kind === 'boundary' &&
      pieces[i + 1]?.kind === 'close' &&
      next?.kind === 'open' &&
      pieces[i + 3]?.kind === 'boundary' &&
      stableJson(open.at(-1)) === stableJson(next);
    if (isBreak) {
      i += 3;
      continue;
    }
    if (piece.kind === 'open') open.push(piece);
    else if (piece.kind === 'close') open.pop();
    if (piece.kind !== 'boundary') out.push(piece);
  }
  return out;
}

/**
 * Whether `after` differs from `before` only by the member's own suggestions. Text and its
 * formatting are compared character by character, whatever runs they are split into.
 */
function sameUnderSuggestions(before: Piece[], after: Piece[]): boolean {
  let i = 0;
  let j = 0;
  let offsetA = 0;
  let offsetB = 0;
  while (i < before.length && j < after.length) {
    const a = before[i]!;
    const b = after[j]!;
    if (a.kind === 'text' && b.kind === 'text') {
      const length = Math.min(a.text.length - offsetA, b.text.length - offsetB);
      if (a.text.slice(offsetA, offsetA + length) !== b.text.slice(offsetB, offsetB + length)) return false;
      if (a.attrs !== b.attrs) return false;
      offsetA += length;
      offsetB += length;
      if (offsetA === a.text.length) [i, offsetA] = [i + 1, 0];
      if (offsetB === b.text.length) [j, offsetB] = [j + 1, 0];
      continue;
    }
    if (a.kind !== b.kind) return false;
    if (a.kind === 'open' && b.kind === 'open') {
      if (a.name !== b.name || a.attrs !== b.attrs) return false;
    } else if (a.kind === 'embed' && b.kind === 'embed') {
      if (a.value !== b.value || a.attrs !== b.attrs) return false;
    }
    i += 1;
    j += 1;
  }
  // Empty text runs (a mark removed from nothing) may be left over on either side.
  const rest = (pieces: Piece[], from: number) =>
    pieces.slice(from).every((piece) => piece.kind === 'text' && piece.text.length === 0);
  return rest(before, i) && rest(after, j);
}

/** Whether section `after` is `before` with only `authorId`'s own suggestions added, changed or withdrawn. */
export function onlySuggestions(
  before: Y.XmlFragment,
  after: Y.XmlFragment,
  authors: SuggestionAuthors,
  authorId: string,
): boolean {
  // An id nobody has used yet is the member's new suggestion.
  const isOwn = (id: string) => {
    const author = authors.authorOf(id);
    return author === undefined || author === authorId;
  };
  return sameUnderSuggestions(piecesOf(before, isOwn), piecesOf(after, isOwn));
}

/**
 * Checks the updates of members who may only suggest before they touch the paper: each is
 * applied to a copy kept in step with the paper, and every section it touched is compared with
 * the paper's. Accepted: insertions carrying the member's own insertion mark (paragraph breaks
 * between their boundary characters), deletion marks of theirs on existing text, and the
 * withdrawal of their own suggestions.
 * Anything else — unmarked text removed or rewritten, another's suggestion changed, accepted or
 * taken over — is refused. The copy is made at the first check, and again after a refusal.
 */
export class SuggestionGuard {
  private copy: Y.Doc | undefined;

  constructor(private readonly authors: SuggestionAuthors) {}

  /** The paper changed: the copy follows (an update the copy already has changes nothing). */
  applied(update: Uint8Array): void {
    if (this.copy) Y.applyUpdate(this.copy, update);
  }

  allows(doc: Y.Doc, update: Uint8Array, authorId: string): boolean {
    this.authors.scanOnce(doc);
    const copy = (this.copy ??= copyOf(doc));
    const touched = new Set<string>();
    const collect = (transaction: Y.Transaction) => {
      for (const type of transaction.changed.keys()) {
        const root = rootNameOfType(type);
        if (root !== undefined) touched.add(root);
      }
    };
    copy.on('afterTransaction', collect);
    try {
      Y.applyUpdate(copy, update);
    } finally {
      copy.off('afterTransaction', collect);
    }
    for (const root of touched) {
      if (!onlySuggestions(doc.getXmlFragment(root), copy.getXmlFragment(root), this.authors, authorId)) {
        this.copy.destroy();
        this.copy = undefined;
        return false;
      }
    }
    return true;
  }

  destroy(): void {
    this.copy?.destroy();
  }
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}
