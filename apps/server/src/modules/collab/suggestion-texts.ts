import { SUGGESTION_BOUNDARY_CHARACTER, sectionFragmentName, suggestionsOfAttributes } from '@cw/shared';
import * as Y from 'yjs';

/** What one suggestion inserts and deletes, as plain text. */
export interface SuggestionText {
  inserted: string;
  deleted: string;
}

/** Longest text kept per side: the record says what was decided, it is no copy of the paper. */
const MAX_TEXT_LENGTH = 2_000;

/**
 * The text each of `ids` inserts and deletes in one section of a paper, in text order: runs of
 * one paragraph are joined as they stand, paragraphs by a line break. The zero-width boundary
 * characters a suggestion carries across paragraphs are left out.
 */
export function suggestionTexts(
  doc: Y.Doc,
  sectionId: string,
  ids: readonly string[],
): Map<string, SuggestionText> {
  const wanted = new Set(ids);
  const parts = new Map<string, { inserted: string[]; deleted: string[] }>();
  const visit = (type: Y.XmlFragment | Y.XmlElement): void => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlElement) visit(child);
      if (!(child instanceof Y.XmlText)) continue;
      const paragraph = new Map<string, { inserted: string; deleted: string }>();
      for (const op of child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
        if (typeof op.insert !== 'string') continue;
        for (const mark of suggestionsOfAttributes(op.attributes)) {
          if (mark === 'invalid' || mark.kind === 'modification' || !wanted.has(mark.id)) continue;
          const entry = paragraph.get(mark.id) ?? { inserted: '', deleted: '' };
          entry[mark.kind === 'insertion' ? 'inserted' : 'deleted'] += op.insert;
          paragraph.set(mark.id, entry);
        }
      }
      for (const [id, entry] of paragraph) {
        const all = parts.get(id) ?? { inserted: [], deleted: [] };
        if (entry.inserted) all.inserted.push(entry.inserted);
        if (entry.deleted) all.deleted.push(entry.deleted);
        parts.set(id, all);
      }
    }
  };
  visit(doc.getXmlFragment(sectionFragmentName(sectionId)));
  const plain = (pieces: string[]) =>
    pieces
      .map((piece) => piece.replaceAll(SUGGESTION_BOUNDARY_CHARACTER, ''))
      .filter((piece) => piece !== '')
      .join('\n')
      .slice(0, MAX_TEXT_LENGTH);
  return new Map(
    [...parts].map(([id, { inserted, deleted }]) => [
      id,
      { inserted: plain(inserted), deleted: plain(deleted) },
    ]),
  );
}
