import { ownSuggestionIds } from '@cw/shared';
import { useQuery } from '@tanstack/react-query';
import type { PaperSession } from '../../collab/paper-session';
import { api } from '../../lib/api-client';
import { consultationPath } from '../consultations/api';

/**
 * Adds to the paper session the ids of the suggestions the server knows as this member's, so
 * the author's controls show in a browser where the suggestions were not made.
 */
export function useOwnSuggestionIds(consultationId: string, session: PaperSession): void {
  useQuery({
    queryKey: ['consultations', consultationId, 'paper', 'suggestions', 'mine'],
    queryFn: async () => {
      const own = await api.get(
        `${consultationPath(consultationId)}/paper/suggestions/mine`,
        ownSuggestionIds,
      );
      session.ownSuggestions.addAll(own.ids);
      return own;
    },
  });
}
