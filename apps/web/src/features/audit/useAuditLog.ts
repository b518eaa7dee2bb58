import type { AuditCsvQuery } from '@cw/shared';
import { useInfiniteQuery } from '@tanstack/react-query';
import { AUDIT_PAGE_SIZE, fetchAuditPage } from './api';

/** The audit log a page at a time, newest first. */
export function useAuditLog(consultationId: string, filters: AuditCsvQuery) {
  return useInfiniteQuery({
    queryKey: ['audit', consultationId, filters],
    queryFn: ({ pageParam }) => fetchAuditPage(consultationId, filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => (page.length < AUDIT_PAGE_SIZE ? undefined : page.at(-1)!.id),
  });
}
