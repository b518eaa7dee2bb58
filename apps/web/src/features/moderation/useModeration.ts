import type { FlagCommentBody, ModerationQueueQuery, RedactCommentBody } from '@cw/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { threadKeys } from '../threads/useThreads';
import {
  dismissFlags,
  fetchModerationQueue,
  flagComment,
  hideComment,
  redactComment,
  restoreComment,
} from './api';

export const moderationKeys = {
  all: (consultationId: string) => ['moderation', consultationId] as const,
  queue: (consultationId: string, queue: ModerationQueueQuery['queue']) =>
    ['moderation', consultationId, queue] as const,
};

export function useModerationQueue(consultationId: string, queue: ModerationQueueQuery['queue']) {
  return useQuery({
    queryKey: moderationKeys.queue(consultationId, queue),
    queryFn: () => fetchModerationQueue(consultationId, queue),
  });
}

/** Any member's flag on a comment. */
export function useFlagComment(consultationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, ...body }: FlagCommentBody & { commentId: string }) =>
      flagComment(consultationId, commentId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moderationKeys.all(consultationId) }),
  });
}

/**
 * What the organisers do about a flagged comment. Each answer refreshes the queue and the thread
 * lists; the live event brings the change to everyone else.
 */
export function useModerationActions(consultationId: string) {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: moderationKeys.all(consultationId) }),
      queryClient.invalidateQueries({ queryKey: threadKeys.all(consultationId) }),
    ]);
  return {
    hide: useMutation({
      mutationFn: ({ commentId, reason }: { commentId: string; reason: string }) =>
        hideComment(consultationId, commentId, { reason }),
      onSuccess: refresh,
    }),
    redact: useMutation({
      mutationFn: ({ commentId, ...body }: RedactCommentBody & { commentId: string }) =>
        redactComment(consultationId, commentId, body),
      onSuccess: refresh,
    }),
    restore: useMutation({
      mutationFn: (commentId: string) => restoreComment(consultationId, commentId),
      onSuccess: refresh,
    }),
    dismiss: useMutation({
      mutationFn: (commentId: string) => dismissFlags(consultationId, commentId),
      onSuccess: refresh,
    }),
  };
}
