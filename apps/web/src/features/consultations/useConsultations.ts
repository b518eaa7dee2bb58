import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Action, ConsultationDetail } from '@cw/shared';
import { fetchConsultation, fetchConsultations, fetchTemplates } from './api';

export const consultationKeys = {
  list: ['consultations'] as const,
  detail: (id: string) => ['consultation', id] as const,
  templates: ['templates'] as const,
};

export function useConsultations() {
  return useQuery({ queryKey: consultationKeys.list, queryFn: fetchConsultations });
}

export function useConsultation(id: string) {
  return useQuery({ queryKey: consultationKeys.detail(id), queryFn: () => fetchConsultation(id) });
}

export function useTemplates() {
  return useQuery({ queryKey: consultationKeys.templates, queryFn: fetchTemplates, staleTime: Infinity });
}

/** Whether the caller may do `action` now, as the server decided in the consultation detail. */
export function canDo(detail: Pick<ConsultationDetail, 'allowedActions'>, action: Action): boolean {
  return detail.allowedActions.includes(action);
}

/** Refetches a consultation (and the list, whose titles and phases it shows) after a change. */
export function useRefreshConsultation(id: string) {
  const queryClient = useQueryClient();
  return async (fresh?: ConsultationDetail) => {
    if (fresh) queryClient.setQueryData(consultationKeys.detail(id), fresh);
    await Promise.all([
      fresh ? undefined : queryClient.invalidateQueries({ queryKey: consultationKeys.detail(id) }),
      queryClient.invalidateQueries({ queryKey: consultationKeys.list }),
    ]);
  };
}
