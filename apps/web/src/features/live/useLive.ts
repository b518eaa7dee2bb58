import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { LiveState } from '@cw/shared';
import { fetchLive } from './api';

/** The live state with how far the browser's clock is behind the server's, in ms. */
export interface LiveView extends LiveState {
  clockOffsetMs: number;
}

export const liveKeys = { state: (consultationId: string) => ['live', consultationId] as const };

/** Counting down on the server's clock: the answer's age (half a round trip) is too small to matter. */
function viewOf(state: LiveState): LiveView {
  return { ...state, clockOffsetMs: Date.parse(state.serverTime) - Date.now() };
}

export function useLive(consultationId: string) {
  return useQuery({
    queryKey: liveKeys.state(consultationId),
    queryFn: async () => viewOf(await fetchLive(consultationId)),
  });
}

/**
 * Keeps the newest state, whether it came in an answer or an event: one with a lower revision
 * arrived late, after a later change, and is dropped.
 */
export function storeLive(queryClient: QueryClient, consultationId: string, fresh: LiveState): void {
  queryClient.setQueryData<LiveView>(liveKeys.state(consultationId), (current) =>
    current && current.revision > fresh.revision ? current : viewOf(fresh),
  );
}

/** A facilitator's or member's change: its answer is the new state. */
export function useLiveAction<Input>(consultationId: string, act: (input: Input) => Promise<LiveState>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: act,
    onSuccess: (fresh) => storeLive(queryClient, consultationId, fresh),
  });
}
