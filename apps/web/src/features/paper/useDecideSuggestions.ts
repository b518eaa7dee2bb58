import { suggestionDecisionResult, type SuggestionOutcome } from '@cw/shared';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { consultationPath } from '../consultations/api';

export interface SuggestionDecision {
  suggestionIds: string[];
  outcome: SuggestionOutcome;
  reason?: string;
}

/**
 * Records an editor's decision on suggestions of one section; the caller changes the text to
 * match once it is recorded, so no decision goes unrecorded.
 */
export function useDecideSuggestions(consultationId: string, sectionId: string) {
  return useMutation({
    mutationFn: (decision: SuggestionDecision) =>
      api.post(
        `${consultationPath(consultationId)}/paper/suggestions/decisions`,
        { sectionId, ...decision },
        suggestionDecisionResult,
      ),
  });
}
