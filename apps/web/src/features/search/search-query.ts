import { SEARCH_QUERY_MAX } from '@cw/shared';

/** The address parameter the search box keeps its query in, so a search can be shared. */
export const SEARCH_PARAM = 'q';

/** The query the address holds, as the server takes it; none when empty. */
export function searchFromAddress(search: URLSearchParams): string | undefined {
  const query = search.get(SEARCH_PARAM)?.trim().slice(0, SEARCH_QUERY_MAX);
  return query ? query : undefined;
}

/** The address's search part with the query set, or removed when empty. */
export function withSearch(search: URLSearchParams, query: string): URLSearchParams {
  const next = new URLSearchParams(search);
  const trimmed = query.trim();
  if (trimmed) next.set(SEARCH_PARAM, trimmed);
  else next.delete(SEARCH_PARAM);
  return next;
}

/** Whether a key typed here belongs to the page's own text entry rather than to a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
