import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { eventsUrl, ThreadEventsSocket } from './thread-events';
import { storeThread, threadKeys } from './useThreads';

/** Keeps every thread list of the consultation current while the consultation is open. */
export function useThreadEvents(consultationId: string, isEnabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!isEnabled) return undefined;
    const socket = new ThreadEventsSocket(
      eventsUrl(consultationId),
      (event) => storeThread(queryClient, consultationId, event.thread),
      () => void queryClient.invalidateQueries({ queryKey: threadKeys.all(consultationId) }),
    );
    return () => socket.stop();
  }, [consultationId, isEnabled, queryClient]);
}
