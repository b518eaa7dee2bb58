import type { PaperAccess } from '@cw/shared';
import type { PaperSessionState } from './paper-session';

/** What the save indicator says about this browser's own edits. */
export type SaveStatus = 'saved' | 'saving' | 'unsavedOffline' | 'refused';

export interface SaveStatusInput {
  /** This client's own clock: how many changes it has made to the paper. */
  localClock: number;
  /** This client's clock in the last state vector the server reported as durably stored. */
  storedClock: number;
  /** Whether the copy kept in this browser holds edits of an earlier visit the server has not stored. */
  hasUnstoredKeptEdits: boolean;
  isConnected: boolean;
  /** How the server accepts edits from this socket; null until it has said. */
  serverAccess: PaperAccess | null;
}

/**
 * "Saved" means the server has committed everything this client wrote, never merely that it was
 * sent. Unsaved edits survive a disconnect: the sync protocol resends them on reconnect.
 */
export function saveStatus({
  localClock,
  storedClock,
  hasUnstoredKeptEdits,
  isConnected,
  serverAccess,
}: SaveStatusInput): SaveStatus {
  if (localClock <= storedClock && !hasUnstoredKeptEdits) return 'saved';
  if (!isConnected) return 'unsavedOffline';
  // The server drops edits from a socket it does not let write; they will never be stored.
  if (serverAccess === 'read') return 'refused';
  return 'saving';
}

/** What the save indicator says of an open document's session. */
export function sessionSaveStatus(state: PaperSessionState): SaveStatus {
  return saveStatus({ ...state, isConnected: state.connection === 'connected' });
}
