import { type ConsultationDetail, resultsScope, type ResultsScope } from '@cw/shared';

/** What of the results the member may read now: the server's rule, with the session notes published so far. */
export function resultsScopeOf(
  consultation: Pick<ConsultationDetail, 'role' | 'phase' | 'sessionNotes'>,
): ResultsScope | null {
  return resultsScope(
    consultation.role,
    consultation.phase,
    consultation.sessionNotes.some((state) => state.publishedAt !== null),
  );
}
