import { consultationResults } from '@cw/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { consultationPath } from '../consultations/api';

/** The consultation's results as this member may read them (a preview for the organisers). */
export function useResults(consultationId: string) {
  return useQuery({
    queryKey: ['consultations', consultationId, 'results'],
    queryFn: () => api.get(`${consultationPath(consultationId)}/results`, consultationResults),
  });
}
