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

/** A shared type as a transaction lists it among those it changed. */
type SharedType = Y.Transaction['changed'] extends Map<infer T, unknown> ? T : never;

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

/** A text's pieces, in order, with the member's own insertions left out (a boundary kept as such). */
function pushTextPieces(text: Y.XmlText, isOwn: (id: string) => boolean, pieces: Piece[]): void {
  for (const op of text.toDelta() as { insert: unknown; attributes?: Attributes }[]) {
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
}

/**
 * A section's pieces with the member's own suggestions taken out: text they suggested inserting
 * is left out, their deletion marks are dropped (the text stays), and a paragraph break they
 * suggested — between two boundary characters of theirs — is taken out, as rejecting it would.
 */
function piecesOf(fragment: Y.XmlFragment, isOwn: (id: string) => boolean): Piece[] {
  const pieces: Piece[] = [];
  const visit = (type: Y.XmlFragment | Y.XmlElement): void => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText) pushTextPieces(child, isOwn, pieces);
      else if (child instanceof Y.XmlElement) {
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

/** Whether a suggestion id is the member's: theirs, or one nobody has used yet (their new suggestion). */
function ownership(authors: SuggestionAuthors, authorId: string): (id: string) => boolean {
  return (id) => {
    const author = authors.authorOf(id);
    return author === undefined || author === authorId;
  };
}

/** Whether section `after` is `before` with only `authorId`'s own suggestions added, changed or withdrawn. */
export function onlySuggestions(
  before: Y.XmlFragment,
  after: Y.XmlFragment,
  authors: SuggestionAuthors,
  authorId: string,
): boolean {
  const isOwn = ownership(authors, authorId);
  return sameUnderSuggestions(piecesOf(before, isOwn), piecesOf(after, isOwn));
}

/**
 * The same check on one text the update changed in place, when nothing around it changed: the
 * rest of the section is the same on both sides, so the section is unchanged but for suggestions
 * exactly when this text is. Undefined when either side holds a boundary character of the
 * member's: a suggested paragraph break spans two blocks, and only the whole section tells.
 */
function textOnlySuggestions(
  before: Y.XmlText,
  after: Y.XmlText,
  isOwn: (id: string) => boolean,
): boolean | undefined {
  const a: Piece[] = [];
  const b: Piece[] = [];
  pushTextPieces(before, isOwn, a);
  pushTextPieces(after, isOwn, b);
  if (a.some((piece) => piece.kind === 'boundary') || b.some((piece) => piece.kind === 'boundary'))
    return undefined;
  return sameUnderSuggestions(a, b);
}

/** The paper's own text that `text` (in the copy) is, when it existed before the update; else undefined. */
function originalText(text: Y.XmlText, doc: Y.Doc): Y.XmlText | undefined {
  const id = text._item?.id;
  if (!id || id.clock >= Y.getState(doc.store, id.client)) return undefined;
  const item = Y.getItem(doc.store, id);
  if (!(item instanceof Y.Item) || item.deleted || !(item.content instanceof Y.ContentType)) return undefined;
  return item.content.type instanceof Y.XmlText ? item.content.type : undefined;
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
    const changed = new Map<SharedType, string>();
    const collect = (transaction: Y.Transaction) => {
      for (const type of transaction.changed.keys()) {
        const root = rootNameOfType(type);
        if (root !== undefined) changed.set(type, root);
      }
    };
    copy.on('afterTransaction', collect);
    try {
      Y.applyUpdate(copy, update);
    } finally {
      copy.off('afterTransaction', collect);
    }
    if (this.sectionsAllow(doc, copy, changed, authorId)) return true;
    copy.destroy();
    this.copy = undefined;
    return false;
  }

  /**
   * Compares what the update changed. A keystroke changes one text in place: that text alone is
   * compared, so the check does not grow with the section. Anything else — a block added,
   * removed or changed, a paragraph break — compares every section it touched as a whole.
   */
  private sectionsAllow(
    doc: Y.Doc,
    copy: Y.Doc,
    changed: Map<SharedType, string>,
    authorId: string,
  ): boolean {
    const isOwn = ownership(this.authors, authorId);
    const whole = new Set<string>();
    for (const [type, root] of changed) {
      const original = type instanceof Y.XmlText ? originalText(type, doc) : undefined;
      const verdict =
        original && type instanceof Y.XmlText ? textOnlySuggestions(original, type, isOwn) : undefined;
      if (verdict === false) return false;
      if (verdict === undefined) whole.add(root);
    }
    for (const root of whole) {
      if (!onlySuggestions(doc.getXmlFragment(root), copy.getXmlFragment(root), this.authors, authorId))
        return false;
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
