import { useQuery } from '@tanstack/react-query';
import type { SearchQuery } from '@cw/shared';
import { threadKeys } from '../threads/useThreads';
import { fetchSearch } from './api';

/**
 * Kept under the consultation's thread keys, so whatever refreshes the threads (a live event, a
 * reply of one's own) searches again too.
 */
export function useSearch(consultationId: string, query: SearchQuery) {
  return useQuery({
    queryKey: [...threadKeys.all(consultationId), 'search', query],
    queryFn: () => fetchSearch(consultationId, query),
  });
}
