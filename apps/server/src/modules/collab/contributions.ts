import * as Y from 'yjs';

/** Characters one transaction inserted and deleted, per section id. */
export type SectionCounts = Map<string, { inserted: number; deleted: number }>;

const SECTION_PREFIX = 'section:';

/** The id of the section an item of the paper is in; undefined for a root that is no section. */
export function sectionOfItem(item: Y.Item): string | undefined {
  let type = item.parent as Y.AbstractType<unknown> | null;
  while (type?._item) type = type._item.parent as Y.AbstractType<unknown> | null;
  if (!type) return undefined;
  const key = Y.findRootTypeKey(type);
  return key.startsWith(SECTION_PREFIX) ? key.slice(SECTION_PREFIX.length) : undefined;
}

/** The id of the section the item `id` of `doc` is in, if it is in one. */
export function sectionAt(doc: Y.Doc, id: Y.ID): string | undefined {
  const struct = Y.getItem(doc.store, id);
  return struct instanceof Y.Item ? sectionOfItem(struct) : undefined;
}

function add(counts: SectionCounts, item: Y.Item, field: 'inserted' | 'deleted'): void {
  if (!(item.content instanceof Y.ContentString)) return;
  const section = sectionOfItem(item);
  if (!section) return;
  const entry = counts.get(section) ?? { inserted: 0, deleted: 0 };
  entry[field] += item.content.getLength();
  counts.set(section, entry);
}

/**
 * Counts the text characters a transaction inserted and deleted in each section. Call it from
 * `afterTransaction`, before garbage collection replaces deleted content.
 */
export function countSectionChanges(transaction: Y.Transaction): SectionCounts {
  const counts: SectionCounts = new Map();
  const store = transaction.doc.store;
  for (const [client, after] of transaction.afterState) {
    let clock = transaction.beforeState.get(client) ?? 0;
    while (clock < after) {
      const struct = Y.getItem(store, Y.createID(client, clock));
      if (struct instanceof Y.Item && !struct.deleted) add(counts, struct, 'inserted');
      clock += struct.length;
    }
  }
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    // Text typed and removed within one transaction nets to nothing.
    if (struct instanceof Y.Item && struct.id.clock < (transaction.beforeState.get(struct.id.client) ?? 0)) {
      add(counts, struct, 'deleted');
    }
  });
  return counts;
}
