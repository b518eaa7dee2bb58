import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';
import { forgetOwnSuggestions } from './own-suggestions';

/**
 * IndexedDB names of kept documents: `cw-paper:<user id>:<room>`, the room being the paper's
 * consultation id or a session's notes' `<consultation id>/notes/<session id>` (`collabRoom`).
 */
const PREFIX = 'cw-paper';

function copyName(userId: string, room: string): string {
  return `${PREFIX}:${userId}:${room}`;
}

/**
 * Keeps the document, edits included, in this browser's IndexedDB, one copy per account and
 * document: what was typed while the server could not be reached survives a closed tab and is
 * sent when the document is next opened. Resolves once the kept copy is in `doc` (at once when
 * the browser keeps none, or refuses: then the document works as before, without a copy).
 */
export async function keepLocalCopy(
  doc: Y.Doc,
  userId: string,
  room: string,
): Promise<IndexeddbPersistence | undefined> {
  try {
    const copy = new IndexeddbPersistence(copyName(userId, room), doc);
    await copy.whenSynced;
    return copy;
  } catch {
    return undefined;
  }
}

/**
 * Deletes every document kept for this account, and the ids of its suggestions: signing out
 * leaves nothing of it in the browser.
 */
export async function forgetLocalCopies(userId: string): Promise<void> {
  forgetOwnSuggestions(userId);
  const databases = await indexedDB.databases();
  const own = `${PREFIX}:${userId}:`;
  await Promise.all(
    databases
      .map((database) => database.name)
      .filter((name): name is string => name?.startsWith(own) === true)
      .map((name) => clearDocument(name)),
  );
}
