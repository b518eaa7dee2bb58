import * as Y from 'yjs';

const TOKEN = /~(\d+)\.(\d+)~/g;
/** Distinct frames remembered; every receiver of a broadcast gets the same bytes, so few are live. */
const CACHE_LIMIT = 20_000;

/** The text one edit inserts: a token naming its sender and sequence number, then a word. */
export function editText(sender, seq) {
  return ` ~${sender}.${seq}~ word`;
}

/**
 * Finds which edits an update carries by reading the tokens in its inserted text. A broadcast
 * reaches every client as the same bytes, so each distinct update is decoded once and the
 * answer shared by all receivers (keeps the load generator off the critical path).
 */
export class EditTokenReader {
  constructor() {
    this.cache = new Map();
  }

  /** Flat [sender, seq, sender, seq, …] of the edits in `update`, in document order per sender. */
  read(update) {
    const key = Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('latin1');
    const cached = this.cache.get(key);
    if (cached) return cached;
    const found = [];
    for (const struct of Y.decodeUpdate(update).structs) {
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) continue;
      for (const match of struct.content.str.matchAll(TOKEN)) found.push(Number(match[1]), Number(match[2]));
    }
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, found);
    return found;
  }
}
