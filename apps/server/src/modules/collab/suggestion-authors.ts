import { SUGGESTION_KINDS, suggestionOfAttribute, suggestionsOfAttributes } from '@cw/shared';
import * as Y from 'yjs';

const MARK_NAME_BYTES = SUGGESTION_KINDS.map((name) => Buffer.from(name));

/** The id of a suggestion mark, from its attribute key and value; undefined for any other. */
function markId(key: string, value: unknown): string | undefined {
  const mark = suggestionOfAttribute(key, value);
  return mark === null || mark === 'invalid' ? undefined : mark.id;
}

/**
 * The suggestion ids an update's new content carries in its marks, each with the id of the first
 * item that carries it (to find its section once the update is applied).
 */
export function suggestionIdsIn(update: Uint8Array): Map<string, Y.ID> {
  const ids = new Map<string, Y.ID>();
  // Mark names are written as plain strings: most updates (typing) carry none and are not decoded.
  const bytes = Buffer.from(update.buffer, update.byteOffset, update.byteLength);
  if (!MARK_NAME_BYTES.some((name) => bytes.includes(name))) return ids;
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item)) continue;
    const { content } = struct;
    const id =
      content instanceof Y.ContentFormat
        ? markId(content.key, content.value)
        : content instanceof Y.ContentAny && struct.parentSub
          ? markId(struct.parentSub, content.arr[0])
          : undefined;
    if (id !== undefined && !ids.has(id)) ids.set(id, struct.id);
  }
  return ids;
}

/** A suggestion id used for the first time, and the item that brought it. */
export interface ClaimedSuggestion {
  id: string;
  at: Y.ID;
}

/** Every suggestion id the paper's sections carry in their marks. */
function suggestionIdsInDoc(doc: Y.Doc): Set<string> {
  const ids = new Set<string>();
  const visit = (type: Y.XmlFragment | Y.XmlElement): void => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText) {
        for (const op of child.toDelta() as { attributes?: Record<string, unknown> }[]) {
          for (const mark of suggestionsOfAttributes(op.attributes)) if (mark !== 'invalid') ids.add(mark.id);
        }
      } else if (child instanceof Y.XmlElement) {
        for (const mark of suggestionsOfAttributes(child.getAttributes()))
          if (mark !== 'invalid') ids.add(mark.id);
        visit(child);
      }
    }
  };
  for (const name of doc.share.keys()) visit(doc.getXmlFragment(name));
  return ids;
}

/**
 * Who made each suggestion of one paper: a user id, or null when someone this instance cannot
 * name made it (a suggestion found in the paper with no record). An id belongs to whoever first
 * brought it into the paper and never changes hands, so nobody can take over another's
 * suggestion by writing its id.
 */
export class SuggestionAuthors {
  private readonly authors: Map<string, string | null>;
  private hasScanned = false;

  constructor(stored: Iterable<readonly [id: string, authorId: string | null]>) {
    this.authors = new Map(stored);
  }

  /** The author of a suggestion; undefined for an id nobody has used yet. */
  authorOf(id: string): string | null | undefined {
    return this.authors.get(id);
  }

  /** Records the ids of `update` nobody has used yet as `authorId`'s; returns them. */
  claim(update: Uint8Array, authorId: string | null): ClaimedSuggestion[] {
    const claimed: ClaimedSuggestion[] = [];
    for (const [id, at] of suggestionIdsIn(update)) {
      if (this.authors.has(id)) continue;
      this.authors.set(id, authorId);
      claimed.push({ id, at });
    }
    return claimed;
  }

  /**
   * Suggestions in the paper with no record (their record was lost, say) belong to nobody here:
   * read once, before the first check of a member who may only suggest.
   */
  scanOnce(doc: Y.Doc): void {
    if (this.hasScanned) return;
    this.hasScanned = true;
    for (const id of suggestionIdsInDoc(doc)) if (!this.authors.has(id)) this.authors.set(id, null);
  }
}
