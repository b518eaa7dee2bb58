import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { LiveFocus, LiveState } from '@cw/shared';
import {
  acknowledgeHand,
  clearHands,
  endLive,
  extendLive,
  fetchLive,
  focusLive,
  lowerHand,
  raiseHand,
  startLive,
} from './api';

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

/**
 * The live actions of one control group (the banner, the agenda page): each answers the new state.
 * A refusal (another facilitator ended the run, a hand was lowered meanwhile) reads the state
 * again, so the page shows what is now, beside the reason.
 */
export function useLiveActions(consultationId: string) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (act: () => Promise<LiveState>) => act(),
    onSuccess: (fresh) => storeLive(queryClient, consultationId, fresh),
    onError: () => queryClient.invalidateQueries({ queryKey: liveKeys.state(consultationId) }),
  });
  const run = (act: () => Promise<LiveState>) => mutation.mutate(act);
  return {
    start: (sessionId: string) => run(() => startLive(consultationId, sessionId)),
    focus: (focus: LiveFocus | null) => run(() => focusLive(consultationId, focus)),
    extend: (minutes: number) => run(() => extendLive(consultationId, { minutes })),
    end: () => run(() => endLive(consultationId)),
    raiseHand: () => run(() => raiseHand(consultationId)),
    lowerHand: () => run(() => lowerHand(consultationId)),
    acknowledgeHand: (handId: string) => run(() => acknowledgeHand(consultationId, handId)),
    clearHands: () => run(() => clearHands(consultationId)),
    isPending: mutation.isPending,
    error: mutation.error,
  };
}
