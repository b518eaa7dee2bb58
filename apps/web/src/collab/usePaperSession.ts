import { useEffect, useState, useSyncExternalStore } from 'react';
import { CollabSession, PaperSession, type PaperSessionState } from './paper-session';

/**
 * Opens the consultation's paper for as long as the calling view is mounted, with the copy kept
 * in this browser for the signed-in account; null until open.
 */
export function usePaperSession(consultationId: string, userId: string): PaperSession | null {
  const [session, setSession] = useState<PaperSession | null>(null);
  useEffect(() => {
    const opened = new PaperSession(consultationId, userId);
    setSession(opened);
    return () => {
      setSession(null);
      opened.destroy();
    };
  }, [consultationId, userId]);
  return session;
}

/** Opens an agenda session's notes for as long as the calling view is mounted; null until open. */
export function useNotesSession(
  consultationId: string,
  sessionId: string,
  userId: string,
): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null);
  useEffect(() => {
    const opened = new CollabSession({ kind: 'notes', consultationId, sessionId }, userId);
    setSession(opened);
    return () => {
      setSession(null);
      opened.destroy();
    };
  }, [consultationId, sessionId, userId]);
  return session;
}

/** The session's connection, sync, write-access and save state, re-rendering on change. */
export function usePaperSessionState(session: CollabSession): PaperSessionState {
  return useSyncExternalStore(session.subscribe, session.getState);
}

/**
 * One value derived from the session's state, re-rendering only when it changes: the save clocks
 * move with every keystroke, and a view that needs only, say, `isLoaded` should not follow them.
 */
export function usePaperSessionValue<T extends string | number | boolean | null>(
  session: CollabSession,
  select: (state: PaperSessionState) => T,
): T {
  return useSyncExternalStore(session.subscribe, () => select(session.getState()));
}
