import { type Attribution, paperSuggestions } from '@cw/shared';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import type { PaperSession } from '../../collab/paper-session';
import { api } from '../../lib/api-client';
import { consultationPath } from '../consultations/api';

/** How long to wait before asking again for suggestions the list does not hold yet. */
const RETRY_MS = 2_000;
/** Asking stops after this many tries: a suggestion with no record never gets an author. */
const MAX_RETRIES = 5;

function usePaperSuggestionsQuery(consultationId: string) {
  return useQuery({
    queryKey: ['consultations', consultationId, 'paper', 'suggestions'],
    queryFn: () => api.get(`${consultationPath(consultationId)}/paper/suggestions`, paperSuggestions),
  });
}

/**
 * Adds to the paper session the ids of the suggestions the server knows as this member's, so
 * the author's controls show in a browser where the suggestions were not made.
 */
export function useOwnSuggestionIds(consultationId: string, session: PaperSession): void {
  const { data } = usePaperSuggestionsQuery(consultationId);
  useEffect(() => {
    if (data) session.ownSuggestions.addAll(data.suggestions.filter((s) => s.author.isYou).map((s) => s.id));
  }, [data, session]);
}

/**
 * The authors of `ids`, as the server lets this viewer see them. A suggestion just made is
 * recorded a moment after its text arrives: while some of `ids` are missing, the list is asked
 * for again, a few times.
 */
export function useSuggestionAuthors(
  consultationId: string,
  ids: readonly string[],
): ReadonlyMap<string, Attribution> {
  const query = usePaperSuggestionsQuery(consultationId);
  const authors = useMemo(
    () => new Map((query.data?.suggestions ?? []).map((s) => [s.id, s.author] as const)),
    [query.data],
  );
  const missing = query.isSuccess ? ids.filter((id) => !authors.has(id)).join(' ') : '';
  const retries = useRef({ for: '', count: 0 });
  const { refetch } = query;
  useEffect(() => {
    if (missing === '') return;
    if (retries.current.for !== missing) retries.current = { for: missing, count: 0 };
    if (retries.current.count >= MAX_RETRIES) return;
    const timer = setTimeout(() => {
      retries.current.count += 1;
      void refetch();
    }, RETRY_MS);
    return () => clearTimeout(timer);
  }, [missing, query.dataUpdatedAt, refetch]);
  return authors;
}
