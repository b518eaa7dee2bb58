import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { LoginBody, SessionResponse, User } from '@cw/shared';
import { forgetKeptAnswers } from '../../app/offline-cache';
import { login, logout } from './api';
import { CURRENT_USER_KEY } from './useCurrentUser';

/** Signs in; on success the session cookie is set and the cached user replaced. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => login(body),
    onSuccess: (session) => adoptSession(queryClient, session),
  });
}

/**
 * Ends the session server-side and forgets everything kept for the previous user: cached
 * answers, and the papers kept in this browser.
 */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      const user = queryClient.getQueryData<User | null>(CURRENT_USER_KEY);
      // Loaded on demand: the kept-copy code (and Yjs) belongs to the paper's bundle, not the first screen's.
      if (user)
        void import('../../collab/local-paper-copy').then(({ forgetLocalCopies }) =>
          forgetLocalCopies(user.id),
        );
      replaceUser(queryClient, null);
    },
  });
}

/** After any sign-in (login or invitation signup): drop the previous user's cache, keep the new user. */
export function adoptSession(queryClient: QueryClient, session: SessionResponse) {
  replaceUser(queryClient, session.user);
}

/**
 * Swaps the cached user and drops every other cached answer, in memory and as kept for offline
 * reading, which belonged to the previous user. The user query itself is updated, not removed,
 * so mounted components see the change.
 */
function replaceUser(queryClient: QueryClient, user: User | null) {
  void forgetKeptAnswers();
  queryClient.setQueryData(CURRENT_USER_KEY, user);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== CURRENT_USER_KEY[0] });
}
