import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { eventsUrl, ThreadEventsSocket } from './thread-events';
import { storeThread, threadKeys } from './useThreads';

/**
 * Keeps every thread list of the consultation current while the consultation is open. Once the
 * server can be reached again, what failed meanwhile (notifications, the consultation itself…)
 * is asked for again, so no "could not be reached" message outlives the outage.
 */
export function useThreadEvents(consultationId: string, isEnabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!isEnabled) return undefined;
    const socket = new ThreadEventsSocket(
      eventsUrl(consultationId),
      (event) => storeThread(queryClient, consultationId, event.thread),
      () => {
        void queryClient.invalidateQueries({ queryKey: threadKeys.all(consultationId) });
        void queryClient.refetchQueries({ predicate: (query) => query.state.status === 'error' });
      },
    );
    return () => socket.stop();
  }, [consultationId, isEnabled, queryClient]);
}
