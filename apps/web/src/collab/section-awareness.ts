import type { Awareness } from 'y-protocols/awareness';

type AwarenessState = Record<string, unknown>;

/** The part of an awareness instance the cursor plugin uses. */
export type CursorAwareness = Pick<
  Awareness,
  'clientID' | 'doc' | 'getStates' | 'getLocalState' | 'setLocalStateField' | 'on' | 'off'
>;

/**
 * Presents one awareness field (`cursor:<sectionId>`) as the plain `cursor` field. The cursor
 * plugin writes its own field but always reads `cursor` when drawing remote carets, so with one
 * editor per section every editor would otherwise draw every section's carets.
 */
export function sectionAwareness(awareness: Awareness, field: string): CursorAwareness {
  const asSection = (state: AwarenessState | null): AwarenessState | null =>
    state && { ...state, cursor: state[field] ?? null };
  return {
    clientID: awareness.clientID,
    doc: awareness.doc,
    getStates: () => {
      const states = new Map<number, AwarenessState>();
      for (const [clientId, state] of awareness.getStates()) {
        const view = asSection(state);
        if (view) states.set(clientId, view);
      }
      return states;
    },
    getLocalState: () => asSection(awareness.getLocalState()),
    setLocalStateField: (key, value) => awareness.setLocalStateField(key === 'cursor' ? field : key, value),
    on: awareness.on.bind(awareness),
    off: awareness.off.bind(awareness),
  };
}
