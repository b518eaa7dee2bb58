import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateVersionBody } from '@cw/shared';
import { compareVersions, createVersion, fetchVersion, fetchVersions, restoreVersion } from './api';

export const versionKeys = {
  list: (consultationId: string) => ['versions', consultationId] as const,
  detail: (consultationId: string, versionId: string) => ['versions', consultationId, versionId] as const,
  comparison: (consultationId: string, from: string, to: string) =>
    ['versions', consultationId, 'compare', from, to] as const,
};

export function useVersions(consultationId: string) {
  return useQuery({
    queryKey: versionKeys.list(consultationId),
    queryFn: () => fetchVersions(consultationId),
  });
}

/** A version never changes once taken, so it is fetched once per visit. */
export function useVersion(consultationId: string, versionId: string) {
  return useQuery({
    queryKey: versionKeys.detail(consultationId, versionId),
    queryFn: () => fetchVersion(consultationId, versionId),
    staleTime: Infinity,
  });
}

export function useVersionComparison(consultationId: string, from: string, to: string) {
  return useQuery({
    queryKey: versionKeys.comparison(consultationId, from, to),
    queryFn: () => compareVersions(consultationId, from, to),
    // Comparing with the current paper must show the paper as it is now.
    staleTime: to === 'current' ? 0 : Infinity,
  });
}

export function useTakeVersion(consultationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateVersionBody) => createVersion(consultationId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: versionKeys.list(consultationId) }),
  });
}

/** The version list gains the paper as it was before; comparisons with the current paper change. */
export function useRestoreVersion(consultationId: string, versionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => restoreVersion(consultationId, versionId),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: versionKeys.list(consultationId), exact: true }),
        queryClient.invalidateQueries({
          predicate: (query) => query.queryKey[2] === 'compare' && query.queryKey[0] === 'versions',
        }),
      ]),
  });
}
