/** localStorage keys of the suggestion ids an account made: `cw-suggestions:<user id>:<consultation id>`. */
const PREFIX = 'cw-suggestions';

/**
 * The suggestions this account made in one consultation's paper, by id, kept in the browser so
 * the author's Withdraw control survives a reload. The paper itself names no author (SPEC §3: no
 * user id reaches other members); the server, which ties each id to the member who first sent
 * it, decides who may withdraw.
 */
export class OwnSuggestions {
  private readonly key: string;
  private readonly ids: Set<string>;
  private readonly listeners = new Set<() => void>();
  /** Grows with every id added: what a component reading `has` re-renders on. */
  size = 0;

  constructor(userId: string, consultationId: string) {
    this.key = `${PREFIX}:${userId}:${consultationId}`;
    this.ids = new Set(readIds(this.key));
    this.size = this.ids.size;
  }

  /** Calls `listener` whenever ids are added; returns the unsubscribe. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string): void {
    this.addAll([id]);
  }

  /** Adds ids the server says are this account's (made in another browser, say). */
  addAll(ids: readonly string[]): void {
    const before = this.ids.size;
    for (const id of ids) this.ids.add(id);
    if (this.ids.size === before) return;
    this.size = this.ids.size;
    try {
      localStorage.setItem(this.key, JSON.stringify([...this.ids]));
    } catch {
      // Storage full or refused: the id is still known for as long as the page is open.
    }
    for (const listener of this.listeners) listener();
  }
}

function readIds(key: string): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/** Forgets every suggestion id kept for this account: signing out leaves nothing of it in the browser. */
export function forgetOwnSuggestions(userId: string): void {
  const own = `${PREFIX}:${userId}:`;
  for (const key of Object.keys(localStorage)) if (key.startsWith(own)) localStorage.removeItem(key);
}
