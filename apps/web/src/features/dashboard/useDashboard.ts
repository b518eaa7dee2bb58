import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DashboardQuery } from '@cw/shared';
import { fetchDashboard } from './api';

export function useDashboard(consultationId: string, query: DashboardQuery) {
  return useQuery({
    queryKey: ['dashboard', consultationId, query] as const,
    queryFn: () => fetchDashboard(consultationId, query),
    // Changing a filter keeps the last figures on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}
