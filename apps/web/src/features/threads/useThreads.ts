import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Comment, CreateThreadBody, ResolveThreadBody, Thread, ThreadListQuery } from '@cw/shared';
import {
  createThread,
  deleteComment,
  editComment,
  endorseComment,
  fetchQuestionSummary,
  fetchThreads,
  reopenThread,
  replyToThread,
  resolveThread,
  withdrawEndorsement,
} from './api';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../ui/Announcer';
import { upsertThread, withComment } from './thread-cache';

export const threadKeys = {
  all: (consultationId: string) => ['threads', consultationId] as const,
  list: (consultationId: string, filters: ThreadListQuery) =>
    ['threads', consultationId, 'list', filters] as const,
  summary: (consultationId: string) => ['threads', consultationId, 'summary'] as const,
  notifications: (consultationId: string) => ['threads', consultationId, 'notifications'] as const,
};

export function useThreads(consultationId: string, filters: ThreadListQuery, isEnabled = true) {
  return useQuery({
    queryKey: threadKeys.list(consultationId, filters),
    queryFn: () => fetchThreads(consultationId, filters),
    enabled: isEnabled,
  });
}

export function useQuestionSummary(consultationId: string) {
  return useQuery({
    queryKey: threadKeys.summary(consultationId),
    queryFn: () => fetchQuestionSummary(consultationId),
  });
}

/**
 * Puts the server's latest copy of a thread into every cached list of the consultation, then
 * refreshes the counts and notifications it may have changed.
 */
export function storeThread(queryClient: QueryClient, consultationId: string, fresh: Thread): void {
  for (const [key, threads] of queryClient.getQueriesData<Thread[]>({
    queryKey: [...threadKeys.all(consultationId), 'list'],
  })) {
    if (!threads) continue;
    const filters = key[3] as ThreadListQuery;
    queryClient.setQueryData(key, upsertThread(threads, fresh, filters));
  }
  void queryClient.invalidateQueries({ queryKey: threadKeys.summary(consultationId) });
  void queryClient.invalidateQueries({ queryKey: threadKeys.notifications(consultationId) });
}

function storeComment(queryClient: QueryClient, consultationId: string, fresh: Comment): void {
  const owner = queryClient
    .getQueriesData<Thread[]>({ queryKey: [...threadKeys.all(consultationId), 'list'] })
    .flatMap(([, threads]) => threads ?? [])
    .find((candidate) => candidate.id === fresh.threadId);
  if (owner) storeThread(queryClient, consultationId, withComment(owner, fresh));
}

/**
 * Every way to change a thread; each answer goes straight into the cache, and what was done is
 * said in the live region.
 */
export function useThreadActions(consultationId: string) {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const announce = useAnnounce();
  const keep = (fresh: Thread) => storeThread(queryClient, consultationId, fresh);
  const keepAndSay = (sentence: string | ((fresh: Thread) => string)) => (fresh: Thread) => {
    keep(fresh);
    announce(typeof sentence === 'string' ? sentence : sentence(fresh));
  };
  const keepComment = (fresh: Comment) => storeComment(queryClient, consultationId, fresh);
  return {
    create: useMutation({
      mutationFn: (body: CreateThreadBody) => createThread(consultationId, body),
      onSuccess: keepAndSay(t('threads.announce.commentPosted')),
    }),
    reply: useMutation({
      mutationFn: ({ threadId, body }: { threadId: string; body: string }) =>
        replyToThread(consultationId, threadId, body),
      onSuccess: keepAndSay(t('threads.announce.replyPosted')),
    }),
    resolve: useMutation({
      mutationFn: ({ threadId, ...body }: ResolveThreadBody & { threadId: string }) =>
        resolveThread(consultationId, threadId, body),
      onSuccess: keepAndSay((fresh) =>
        t('threads.announce.resolved', {
          outcome: fresh.resolution ? t(`threads.outcomes.${fresh.resolution.outcome}`) : '',
        }),
      ),
    }),
    reopen: useMutation({
      mutationFn: (threadId: string) => reopenThread(consultationId, threadId),
      onSuccess: keepAndSay(t('threads.announce.reopened')),
    }),
    edit: useMutation({
      mutationFn: ({ commentId, body }: { commentId: string; body: string }) =>
        editComment(consultationId, commentId, body),
      onSuccess: keepComment,
    }),
    remove: useMutation({
      mutationFn: (commentId: string) => deleteComment(consultationId, commentId),
      // The answer is empty; the tombstone arrives with the live event or the next fetch.
      onSuccess: () => queryClient.invalidateQueries({ queryKey: threadKeys.all(consultationId) }),
    }),
    endorse: useMutation({
      mutationFn: ({ commentId, endorse }: { commentId: string; endorse: boolean }) =>
        endorse ? endorseComment(consultationId, commentId) : withdrawEndorsement(consultationId, commentId),
      onSuccess: keepComment,
    }),
  };
}
