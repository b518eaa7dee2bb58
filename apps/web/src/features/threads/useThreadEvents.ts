import { useQueryClient } from '@tanstack/react-query';
import { CONSULTATION_CHANGED, LIVE_CHANGED } from '@cw/shared';
import { useEffect } from 'react';
import { consultationKeys } from '../consultations/useConsultations';
import { liveKeys, storeLive } from '../live/useLive';
import { eventsUrl, ThreadEventsSocket } from './thread-events';
import { storeThread, threadKeys } from './useThreads';

/**
 * Keeps every thread list of the consultation current while the consultation is open, its live
 * session (what runs, the focus, the hands), and the consultation itself when it changes (a phase moved by hand or on its dates), with the
 * notifications that tell of it. Once the
 * server can be reached again, what failed meanwhile (notifications, the consultation itself…)
 * is asked for again, so no "could not be reached" message outlives the outage.
 */
export function useThreadEvents(consultationId: string, isEnabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!isEnabled) return undefined;
    const socket = new ThreadEventsSocket(
      eventsUrl(consultationId),
      (event) => {
        if (event.type === LIVE_CHANGED) return storeLive(queryClient, consultationId, event.live);
        if (event.type !== CONSULTATION_CHANGED)
          return storeThread(queryClient, consultationId, event.thread);
        void queryClient.invalidateQueries({ queryKey: consultationKeys.detail(consultationId) });
        void queryClient.invalidateQueries({ queryKey: consultationKeys.list });
        void queryClient.invalidateQueries({ queryKey: threadKeys.notifications(consultationId) });
        // A new role or attribution mode may show the hand queue differently.
        void queryClient.invalidateQueries({ queryKey: liveKeys.state(consultationId) });
      },
      () => {
        void queryClient.invalidateQueries({ queryKey: threadKeys.all(consultationId) });
        void queryClient.invalidateQueries({ queryKey: liveKeys.state(consultationId) });
        void queryClient.refetchQueries({ predicate: (query) => query.state.status === 'error' });
      },
    );
    return () => socket.stop();
  }, [consultationId, isEnabled, queryClient]);
}
