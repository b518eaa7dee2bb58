import { useMemo, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';

/** Someone else with the paper open, as the server labelled them for this viewer. */
export interface PresentMember {
  clientId: number;
  name: string;
  color: string;
}

function othersIn(awareness: Awareness): PresentMember[] {
  const others: PresentMember[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const user: unknown = state.user;
    if (typeof user !== 'object' || user === null) continue;
    const { name, color } = user as Record<string, unknown>;
    if (typeof name !== 'string') continue;
    others.push({ clientId, name, color: typeof color === 'string' ? color : '' });
  }
  return others.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
}

/** Keeps one snapshot of the others, replaced only when someone arrives, moves or leaves. */
function presenceStore(awareness: Awareness) {
  let snapshot = othersIn(awareness);
  return {
    subscribe: (listener: () => void) => {
      const onChange = () => {
        snapshot = othersIn(awareness);
        listener();
      };
      awareness.on('change', onChange);
      return () => awareness.off('change', onChange);
    },
    getSnapshot: () => snapshot,
  };
}

/** The others who have the paper open, re-rendering when that changes. */
export function usePresence(awareness: Awareness): PresentMember[] {
  const store = useMemo(() => presenceStore(awareness), [awareness]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
