import * as Y from 'yjs';

/** Content a rich-text paper may hold; sub-documents and binary blobs are refused. */
const ALLOWED_CONTENT = [
  Y.ContentString,
  Y.ContentFormat,
  Y.ContentType,
  Y.ContentDeleted,
  Y.ContentAny,
  Y.ContentEmbed,
];

export type UpdateVerdict =
  | {
      ok: true;
      /** Whether it adds content; an update that only deletes never makes the paper larger. */
      inserts: boolean;
    }
  /** It builds on changes the server does not have yet: it may fit once they arrive. */
  | { ok: false; kind: 'missing'; reason: string }
  /** It writes into a root that is not a section the server knows: perhaps a section just added. */
  | { ok: false; kind: 'unknownRoot'; reason: string; root: string }
  /** It can never be applied: malformed, or content a paper may not hold. */
  | { ok: false; kind: 'invalid'; reason: string };

const invalid = (reason: string): UpdateVerdict => ({ ok: false, kind: 'invalid', reason });
const missing = (reason: string): UpdateVerdict => ({ ok: false, kind: 'missing', reason });

/** Root types' names: finding one means a search through every root of its document. */
const rootNames = new WeakMap<object, string>();

/** The name of the root type `type` sits in; undefined for a type no longer in the document. */
export function rootNameOfType<T>(type: Y.AbstractType<T>): string | undefined {
  let root: Y.AbstractType<unknown> = type as Y.AbstractType<unknown>;
  while (root._item) {
    const parent: unknown = root._item.parent;
    if (!(parent instanceof Y.AbstractType)) return undefined;
    root = parent as Y.AbstractType<unknown>;
  }
  let name = rootNames.get(root);
  if (name === undefined) {
    name = Y.findRootTypeKey(root);
    rootNames.set(root, name);
  }
  return name;
}

/** The name of the root type an existing item sits in; undefined for garbage-collected content. */
function rootNameOf(doc: Y.Doc, id: Y.ID): string | undefined {
  const struct = Y.getItem(doc.store, id);
  if (!(struct instanceof Y.Item) || !(struct.parent instanceof Y.AbstractType)) return undefined;
  return rootNameOfType(struct.parent);
}

/**
 * Decides, before anything is applied, whether an update from a client can be integrated into
 * `doc` as it is now. Refuses updates that are empty, undecodable or malformed, write into a root
 * that is not a section (`isSection`), or carry sub-documents or binary content; reports updates
 * that reference state the server does not have (applied now, they would sit pending inside Yjs
 * and memory would drift from storage).
 */
export function validateUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  isSection: (rootName: string) => boolean,
): UpdateVerdict {
  if (update.length === 0) return invalid('empty update');
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return invalid('undecodable update');
  }
  const { structs, ds } = decoded;
  if (structs.length === 0 && ds.clients.size === 0) return invalid('empty update');

  // Clock ranges each client covers in this update; structs come sorted by client then clock.
  const ranges = new Map<number, { from: number; to: number }>();
  let firstMissing: UpdateVerdict | undefined;
  for (const struct of structs) {
    const { client, clock } = struct.id;
    // A gap (Skip) stands for content left out: a client holding changes it could not apply yet
    // sends them with gaps. What follows a gap builds on the gap's content.
    if (struct instanceof Y.Skip && clock + struct.length > Y.getState(doc.store, client)) {
      firstMissing ??= missing('update depends on unknown changes');
    }
    const range = ranges.get(client);
    if (!range) {
      if (clock > Y.getState(doc.store, client))
        firstMissing ??= missing('update depends on unknown changes');
      ranges.set(client, { from: clock, to: clock + struct.length });
    } else {
      if (clock !== range.to) return invalid('update has gaps');
      range.to = clock + struct.length;
    }
  }

  // Known: in the paper, in this update, or across both — a merged delete range often spans
  // content stored earlier and content this update brings right after it.
  const isKnown = (id: Y.ID, length = 1): boolean => {
    const end = id.clock + length;
    const stored = Y.getState(doc.store, id.client);
    if (end <= stored) return true;
    const range = ranges.get(id.client);
    return range !== undefined && end <= range.to && (id.clock >= range.from || range.from <= stored);
  };
  const isInDoc = (id: Y.ID): boolean => id.clock < Y.getState(doc.store, id.client);

  let inserts = false;
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (!ALLOWED_CONTENT.some((type) => struct.content instanceof type))
      return invalid('unsupported content');
    if (!(struct.content instanceof Y.ContentDeleted)) inserts = true;
    if (struct.origin && !isKnown(struct.origin))
      firstMissing ??= missing('update depends on unknown changes');
    if (struct.rightOrigin && !isKnown(struct.rightOrigin)) {
      firstMissing ??= missing('update depends on unknown changes');
    }
    if (typeof struct.parent === 'string') {
      if (!isSection(struct.parent)) {
        return { ok: false, kind: 'unknownRoot', reason: 'not a section of this paper', root: struct.parent };
      }
      continue;
    }
    if (struct.parent instanceof Y.ID && !isKnown(struct.parent)) {
      firstMissing ??= missing('update depends on unknown changes');
    }
    // Content going into existing content (its parent, or beside a neighbour when the parent is
    // implied) stays in that content's root, which must still be a section.
    const anchor = struct.parent instanceof Y.ID ? struct.parent : (struct.origin ?? struct.rightOrigin);
    if (anchor && isInDoc(anchor)) {
      const root = rootNameOf(doc, anchor);
      if (root !== undefined && !isSection(root)) {
        return { ok: false, kind: 'unknownRoot', reason: 'not a section of this paper', root };
      }
    }
  }

  for (const [client, deletes] of ds.clients) {
    for (const item of deletes) {
      if (!isKnown(Y.createID(client, item.clock), item.len)) {
        firstMissing ??= missing('update deletes unknown content');
      }
    }
  }
  return firstMissing ?? { ok: true, inserts };
}
