import { useQuery } from '@tanstack/react-query';
import { fetchCurrentUser } from './api';

export const CURRENT_USER_KEY = ['me'] as const;

/** The signed-in user (null when signed out); fetched once and shared by every component. */
export function useCurrentUser() {
  return useQuery({ queryKey: CURRENT_USER_KEY, queryFn: fetchCurrentUser, staleTime: 5 * 60_000 });
}
