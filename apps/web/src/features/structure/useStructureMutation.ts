import { useMutation, useQueryClient } from '@tanstack/react-query';
import { consultationKeys } from '../consultations/useConsultations';

/** A change to sections, sessions or questions; on success the consultation (and its agenda) reloads. */
export function useStructureMutation<TInput, TResult>(
  consultationId: string,
  mutationFn: (input: TInput) => Promise<TResult>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consultationKeys.detail(consultationId) }),
  });
}
