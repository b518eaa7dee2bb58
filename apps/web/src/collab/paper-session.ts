import {
  CLOSE_CODES,
  COLLAB_PATH,
  type CollabDocument,
  collabRoom,
  MESSAGE_STORED,
  MESSAGE_WRITE_ACCESS,
  type PaperAccess,
  TERMINAL_CLOSE_CODES,
  writeAccessOf,
} from '@cw/shared';
import * as decoding from 'lib0/decoding';
import type { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { keepLocalCopy } from './local-paper-copy';
import { OwnSuggestions } from './own-suggestions';

/**
 * `offline` means the socket was lost and the provider keeps retrying; `paused` that the server
 * asked it to wait (edit budget) and it reconnects after `RATE_LIMIT_PAUSE_MS`; `closed` that it
 * gave up.
 */
export type ConnectionState = 'connecting' | 'connected' | 'offline' | 'paused' | 'closed';

/** After the server refused edits past the member's budget (a minute's worth), wait this long. */
const RATE_LIMIT_PAUSE_MS = 60_000;

export interface PaperSessionState {
  connection: ConnectionState;
  /** The close code that ended or paused the session (see TERMINAL_CLOSE_CODES), else null. */
  closeCode: number | null;
  /**
   * True once the document is here: synced with the server, or read from the copy this browser
   * kept of an earlier visit (so a page opened while the server is away shows it); stays true.
   */
  isLoaded: boolean;
  /** How the server accepts this socket's edits (all, suggestions only, none); null until it has said. */
  serverAccess: PaperAccess | null;
  /** This client's own clock in the document: how much it has written. */
  localClock: number;
  /** This client's clock in the server's last "durably stored" state vector. */
  storedClock: number;
  /** Whether the copy kept in this browser holds edits (of an earlier visit) the server has not said it stored. */
  hasUnstoredKeptEdits: boolean;
}

/** The collaboration endpoint on the page's own origin, so the session cookie authenticates the socket. */
export function collabServerUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${COLLAB_PATH}`;
}

/**
 * One collaborative document while it is open — a consultation's paper, or a session's notes:
 * the Y.Doc, the y-websocket provider with our acknowledgement and write-access messages, and a
 * snapshot of the state the UI shows.
 */
export class CollabSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private state: PaperSessionState = {
    connection: 'connecting',
    closeCode: null,
    isLoaded: false,
    serverAccess: null,
    localClock: 0,
    storedClock: 0,
    hasUnstoredKeptEdits: false,
  };
  /** The kept copy's state vector when it was read, until the server has stored all of it. */
  private keptState: Map<number, number> | undefined;
  private readonly listeners = new Set<() => void>();
  private pauseTimer: ReturnType<typeof setTimeout> | undefined;
  private localCopy: IndexeddbPersistence | undefined;
  private isDestroyed = false;

  constructor(document: CollabDocument, userId: string, serverUrl: string = collabServerUrl()) {
    const room = collabRoom(document);
    this.provider = new WebsocketProvider(serverUrl, room, this.doc, {
      // Connected once the kept copy is loaded: the sync then sends the server only what it
      // lacks (edits typed offline), not the whole paper as one update.
      connect: false,
      params: { acks: '1' },
      // Each tab holds its own socket, so write access and acknowledgements are the server's word for this tab.
      disableBc: true,
      // A lost session, a foreign origin, a lost membership or an edit too large are final; a
      // refusal for going over the edit budget waits a minute (below); anything else is retried.
      shouldReconnect: (event) =>
        !TERMINAL_CLOSE_CODES.includes(event.code) && event.code !== CLOSE_CODES.RATE_LIMITED,
    });
    // Others take a newcomer's presence only from its second state on (a state of clock 0 reads as
    // nothing new); set now, it goes out with the connection instead of at the 15 s renewal.
    this.provider.awareness.setLocalState({});
    this.provider.messageHandlers[MESSAGE_STORED] = (_encoder, decoder) => {
      const stored = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
      const keptIsStored =
        this.keptState === undefined ||
        [...this.keptState].every(([client, clock]) => (stored.get(client) ?? 0) >= clock);
      if (keptIsStored) this.keptState = undefined;
      this.update({ storedClock: stored.get(this.doc.clientID) ?? 0, hasUnstoredKeptEdits: !keptIsStored });
    };
    this.provider.messageHandlers[MESSAGE_WRITE_ACCESS] = (_encoder, decoder) => {
      this.update({ serverAccess: writeAccessOf(decoding.readVarUint(decoder)) });
    };
    this.provider.on('status', ({ status }) => {
      if (status === 'connected') this.update({ connection: 'connected' });
      else if (status === 'disconnected') this.update({ connection: 'offline' });
      // A retry after a lost connection is still "offline" to the reader until it succeeds.
      else if (this.state.connection !== 'offline') this.update({ connection: 'connecting' });
    });
    this.provider.on('closed', ({ code }) => {
      if (code !== CLOSE_CODES.RATE_LIMITED) {
        this.update({ connection: 'closed', closeCode: code });
        return;
      }
      // The refused edits stay in this document and are sent again once the budget has refilled.
      this.update({ connection: 'paused', closeCode: code });
      this.pauseTimer = setTimeout(() => {
        this.update({ connection: 'connecting', closeCode: null });
        this.provider.connect();
      }, RATE_LIMIT_PAUSE_MS);
    });
    this.provider.on('sync', (isSynced) => {
      if (isSynced && !this.state.isLoaded) this.update({ isLoaded: true });
    });
    this.doc.on('update', () => {
      const localClock = Y.getState(this.doc.store, this.doc.clientID);
      if (localClock !== this.state.localClock) this.update({ localClock });
    });
    void keepLocalCopy(this.doc, userId, room).then((copy) => {
      this.localCopy = copy;
      if (this.isDestroyed) {
        void copy?.destroy();
        return;
      }
      if (this.doc.store.clients.size > 0) {
        // Until the server says it stored everything kept, the copy may hold edits typed offline.
        this.keptState = Y.decodeStateVector(Y.encodeStateVector(this.doc));
        this.update({ isLoaded: true, hasUnstoredKeptEdits: true });
      }
      this.provider.connect();
    });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): PaperSessionState => this.state;

  get awareness() {
    return this.provider.awareness;
  }

  destroy(): void {
    this.isDestroyed = true;
    // Closes the kept copy; it stays in the browser for the next visit.
    void this.localCopy?.destroy();
    clearTimeout(this.pauseTimer);
    this.listeners.clear();
    this.provider.destroy();
    this.doc.destroy();
  }

  private update(patch: Partial<PaperSessionState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/** A consultation's paper while it is open, with the suggestions this account made in it. */
export class PaperSession extends CollabSession {
  readonly ownSuggestions: OwnSuggestions;

  constructor(consultationId: string, userId: string, serverUrl: string = collabServerUrl()) {
    super({ kind: 'paper', consultationId }, userId, serverUrl);
    this.ownSuggestions = new OwnSuggestions(userId, consultationId);
  }
}
