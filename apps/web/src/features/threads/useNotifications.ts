import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchNotifications, markNotificationsRead } from './api';
import { threadKeys } from './useThreads';

/** The member's own notifications; live thread events refresh them. */
export function useNotifications(consultationId: string) {
  return useQuery({
    queryKey: threadKeys.notifications(consultationId),
    queryFn: () => fetchNotifications(consultationId),
  });
}

/** Marks the given notifications read, or all of them when `ids` is omitted. */
export function useMarkNotificationsRead(consultationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => markNotificationsRead(consultationId, ids),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: threadKeys.notifications(consultationId) }),
  });
}
