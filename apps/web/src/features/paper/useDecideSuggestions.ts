import { suggestionDecisionResult, type SuggestionDisposition } from '@cw/shared';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { consultationPath } from '../consultations/api';

export interface SuggestionDecision {
  suggestionIds: string[];
  /** An editor's decision, or `withdrawn` by the author. */
  outcome: SuggestionDisposition;
  reason?: string;
}

/**
 * Records how suggestions of one section end — an editor's decision, or their author's
 * withdrawal; the caller changes the text to match once it is recorded, so none goes unrecorded.
 */
export function useDecideSuggestions(consultationId: string, sectionId: string) {
  return useMutation({
    mutationFn: ({ outcome, suggestionIds, reason }: SuggestionDecision) => {
      const path = `${consultationPath(consultationId)}/paper/suggestions`;
      return outcome === 'withdrawn'
        ? api.post(`${path}/withdrawals`, { sectionId, suggestionIds }, suggestionDecisionResult)
        : api.post(
            `${path}/decisions`,
            { sectionId, suggestionIds, outcome, reason },
            suggestionDecisionResult,
          );
    },
  });
}
