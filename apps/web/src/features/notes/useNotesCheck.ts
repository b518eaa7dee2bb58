import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { CollabSession } from '../../collab/paper-session';
import { checkNotes, notesKeys } from './api';

/** Checked again this long after the notes last changed: not at every keystroke. */
const CHECK_DELAY_MS = 600;

/**
 * The Chatham House check of the notes as the server has them, run again shortly after they
 * change: after the member's own edits are stored, and after others' edits arrive.
 */
export function useNotesCheck(consultationId: string, sessionId: string, session: CollabSession) {
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setRevision((value) => value + 1), CHECK_DELAY_MS);
    };
    let storedClock = session.getState().storedClock;
    const unsubscribe = session.subscribe(() => {
      const stored = session.getState().storedClock;
      if (stored === storedClock) return;
      storedClock = stored;
      later();
    });
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === session.provider) later();
    };
    session.doc.on('update', onUpdate);
    return () => {
      clearTimeout(timer);
      unsubscribe();
      session.doc.off('update', onUpdate);
    };
  }, [session]);
  return useQuery({
    queryKey: [...notesKeys.check(consultationId, sessionId), revision],
    queryFn: () => checkNotes(consultationId, sessionId),
    placeholderData: keepPreviousData,
  });
}
