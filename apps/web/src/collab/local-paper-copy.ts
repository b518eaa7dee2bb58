import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';
import { forgetOwnSuggestions } from './own-suggestions';

/** IndexedDB names of kept papers: `cw-paper:<user id>:<consultation id>`. */
const PREFIX = 'cw-paper';

function copyName(userId: string, consultationId: string): string {
  return `${PREFIX}:${userId}:${consultationId}`;
}

/**
 * Keeps the paper, edits included, in this browser's IndexedDB, one copy per account and
 * consultation: what was typed while the server could not be reached survives a closed tab and
 * is sent when the paper is next opened. Resolves once the kept copy is in `doc` (at once when
 * the browser keeps none, or refuses: then the paper works as before, without a copy).
 */
export async function keepLocalCopy(
  doc: Y.Doc,
  userId: string,
  consultationId: string,
): Promise<IndexeddbPersistence | undefined> {
  try {
    const copy = new IndexeddbPersistence(copyName(userId, consultationId), doc);
    await copy.whenSynced;
    return copy;
  } catch {
    return undefined;
  }
}

/**
 * Deletes every paper kept for this account, and the ids of its suggestions: signing out leaves
 * nothing of it in the browser.
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
