import * as Y from 'yjs';

/** Root types a paper may have: one XML fragment per section, named `section:<uuid>`. */
const ROOT_NAME = /^section:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Content a rich-text paper may hold; sub-documents and binary blobs are refused. */
const ALLOWED_CONTENT = [
  Y.ContentString,
  Y.ContentFormat,
  Y.ContentType,
  Y.ContentDeleted,
  Y.ContentAny,
  Y.ContentEmbed,
];

export type UpdateVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Decides, before anything is applied, whether an update from a client can be integrated into
 * `doc` as it is now. Refuses updates that are empty, undecodable, reference state the server
 * does not have (they would sit pending and diverge memory from storage), create root types
 * other than section fragments, or carry sub-documents or binary content.
 */
export function validateUpdate(doc: Y.Doc, update: Uint8Array): UpdateVerdict {
  if (update.length === 0) return { ok: false, reason: 'empty update' };
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return { ok: false, reason: 'undecodable update' };
  }
  const { structs, ds } = decoded;
  if (structs.length === 0 && ds.clients.size === 0) return { ok: false, reason: 'empty update' };

  // Clock ranges each client covers in this update; structs come sorted by client then clock.
  const ranges = new Map<number, { from: number; to: number }>();
  for (const struct of structs) {
    if (struct instanceof Y.Skip) return { ok: false, reason: 'update has gaps' };
    const { client, clock } = struct.id;
    const range = ranges.get(client);
    if (!range) {
      if (clock > Y.getState(doc.store, client))
        return { ok: false, reason: 'update depends on unknown changes' };
      ranges.set(client, { from: clock, to: clock + struct.length });
    } else {
      if (clock !== range.to) return { ok: false, reason: 'update has gaps' };
      range.to = clock + struct.length;
    }
  }

  const isKnown = (id: Y.ID, length = 1): boolean => {
    if (id.clock + length <= Y.getState(doc.store, id.client)) return true;
    const range = ranges.get(id.client);
    return range !== undefined && id.clock + length <= range.to;
  };

  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (!ALLOWED_CONTENT.some((type) => struct.content instanceof type)) {
      return { ok: false, reason: 'unsupported content' };
    }
    if (struct.origin && !isKnown(struct.origin))
      return { ok: false, reason: 'update depends on unknown changes' };
    if (struct.rightOrigin && !isKnown(struct.rightOrigin)) {
      return { ok: false, reason: 'update depends on unknown changes' };
    }
    if (typeof struct.parent === 'string') {
      if (!ROOT_NAME.test(struct.parent)) return { ok: false, reason: 'unknown root type' };
    } else if (struct.parent instanceof Y.ID && !isKnown(struct.parent)) {
      return { ok: false, reason: 'update depends on unknown changes' };
    }
  }

  for (const [client, deletes] of ds.clients) {
    for (const item of deletes) {
      if (!isKnown(Y.createID(client, item.clock), item.len)) {
        return { ok: false, reason: 'update deletes unknown content' };
      }
    }
  }
  return { ok: true };
}
