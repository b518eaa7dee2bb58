import { searchResults, type SearchQuery } from '@cw/shared';
import { api } from '../../lib/api-client';
import { consultationPath } from '../consultations/api';

/** The query and the filters set, as the search route takes them. */
export function searchPath(consultationId: string, query: SearchQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  return `${consultationPath(consultationId)}/search?${params}`;
}

export const fetchSearch = (consultationId: string, query: SearchQuery) =>
  api.get(searchPath(consultationId, query), searchResults);
