import { CLOSE_CODES, MESSAGE_AWARENESS } from '@cw/shared';
import * as encoding from 'lib0/encoding';
import {
  type AwarenessEntry,
  AwarenessTooLargeError,
  leastUsedColour,
  decodeAwarenessUpdate,
  encodeAwarenessUpdate,
  sanitizeAwarenessState,
} from './awareness-states.js';
import type { Participant, PaperConnection, ViewerClass } from './paper-connection.js';
import { ProtocolError } from './protocol-error.js';

/** Who a presence state belongs to, as the server knows them. */
export type PresenceIdentity = Pick<Participant, 'userId' | 'name' | 'role' | 'groupName' | 'groupLabel'>;

/** One client's presence as it travels between instances; never sent to a client as it is. */
export interface SharedPresence extends AwarenessEntry {
  identity: PresenceIdentity;
  /** Its colour, the same for every viewer on every instance. */
  colour: string;
}

interface AwarenessRecord {
  clock: number;
  state: Record<string, unknown> | null;
  /** Handed out when the client first appeared: the one least used on the paper then. */
  colour: string;
  /** The socket here it belongs to; undefined for a client of another instance. */
  connection?: PaperConnection;
  /** For a client of another instance: who it is, and when that instance last spoke for it (ms). */
  identity?: PresenceIdentity;
  heardAt?: number;
}

const MAX_AWARENESS_CLIENTS_PER_SOCKET = 4;

function identityOf(connection: PaperConnection): PresenceIdentity {
  const { userId, name, role, groupName, groupLabel } = connection.participant;
  return { userId, name, role, groupName, groupLabel };
}

/**
 * Who is on one paper and where their cursors are: the awareness states of the sockets here and
 * of other instances' clients. Clients say only where they are; who they are comes from the
 * server's record of the member, shown to each viewer as names or as stakeholder-group labels.
 * Changed client ids collect in `changed` until the broadcast sends them.
 */
export class PaperPresence {
  private readonly records = new Map<number, AwarenessRecord>();
  /** Which socket owns each awareness client id; `null` once it has left (ids are never reused). */
  private readonly owners = new Map<number, PaperConnection | null>();
  /** Client ids whose state changed since the last broadcast. */
  readonly changed = new Set<number>();

  constructor(private readonly maxStateBytes: number) {}

  /**
   * Reads an awareness update a socket sent and keeps the states it may speak for. Returns the
   * changes, or undefined when the update was dropped (nothing of its own, or over its rate).
   */
  receive(connection: PaperConnection, update: Uint8Array): SharedPresence[] | undefined {
    let entries: AwarenessEntry[];
    try {
      entries = decodeAwarenessUpdate(update, this.maxStateBytes);
    } catch (error) {
      if (error instanceof AwarenessTooLargeError) {
        throw new ProtocolError(CLOSE_CODES.MESSAGE_TOO_BIG, 'Awareness state too large');
      }
      throw new ProtocolError(CLOSE_CODES.BAD_MESSAGE, 'Malformed awareness message');
    }
    // Stock clients relay every awareness change they receive, so entries for other sockets'
    // client ids are normal traffic: they are ignored, never applied with this socket's identity.
    const own = entries.filter((entry) => {
      const owner = this.owners.get(entry.clientId);
      if (owner === connection) return true;
      if (owner !== undefined || entry.state === null) return false;
      // A client of another instance, relayed back by this one.
      return !this.records.has(entry.clientId);
    });
    const verdict = connection.takeAwarenessToken(own.length > 0);
    if (verdict === 'flood') throw new ProtocolError(CLOSE_CODES.RATE_LIMITED, 'Too many awareness messages');
    if (verdict === 'drop' || own.length === 0) return undefined;
    const changed: SharedPresence[] = [];
    for (const entry of own) {
      if (!connection.awarenessClients.has(entry.clientId)) {
        if (connection.awarenessClients.size >= MAX_AWARENESS_CLIENTS_PER_SOCKET) {
          throw new ProtocolError(CLOSE_CODES.BAD_MESSAGE, 'Too many awareness client ids');
        }
        connection.awarenessClients.add(entry.clientId);
        this.owners.set(entry.clientId, connection);
      }
      const record = this.records.get(entry.clientId);
      if (record && entry.clock <= record.clock) continue;
      const state = sanitizeAwarenessState(entry.state);
      const colour = record?.colour ?? this.newColour();
      this.records.set(entry.clientId, { clock: entry.clock, state, colour, connection });
      this.changed.add(entry.clientId);
      changed.push({
        clientId: entry.clientId,
        clock: entry.clock,
        state,
        identity: identityOf(connection),
        colour,
      });
    }
    return changed;
  }

  /** A socket left: its clients' states end. Returns the ends, for other instances. */
  leave(connection: PaperConnection): SharedPresence[] {
    const left: SharedPresence[] = [];
    for (const clientId of connection.awarenessClients) {
      this.owners.set(clientId, null);
      const record = this.records.get(clientId);
      if (record?.connection !== connection) continue;
      this.records.set(clientId, { ...record, clock: record.clock + 1, state: null });
      this.changed.add(clientId);
      left.push({
        clientId,
        clock: record.clock + 1,
        state: null,
        identity: identityOf(connection),
        colour: record.colour,
      });
    }
    return left;
  }

  /** Presence of clients of other instances; a socket here always keeps its own client ids. */
  applyRemote(entries: SharedPresence[], now = Date.now()): void {
    for (const entry of entries) {
      if (this.owners.get(entry.clientId)) continue;
      const record = this.records.get(entry.clientId);
      if (record?.connection || (record && entry.clock <= record.clock)) continue;
      this.records.set(entry.clientId, {
        clock: entry.clock,
        state: entry.state,
        colour: entry.colour,
        identity: entry.identity,
        heardAt: now,
      });
      this.changed.add(entry.clientId);
    }
  }

  /** Presence of every client connected here (for an instance that asks for it). */
  local(): SharedPresence[] {
    const entries: SharedPresence[] = [];
    for (const [clientId, record] of this.records) {
      if (record.connection && record.state) {
        entries.push({
          clientId,
          clock: record.clock,
          state: record.state,
          identity: identityOf(record.connection),
          colour: record.colour,
        });
      }
    }
    return entries;
  }

  /**
   * Drops presence of other instances' clients not renewed for `maxAgeMs` (clients renew theirs
   * every 15 s): what remains of an instance that died without saying goodbye.
   */
  expireRemote(maxAgeMs: number, now = Date.now()): void {
    for (const [clientId, record] of this.records) {
      if (record.connection || record.state === null || now - (record.heardAt ?? now) <= maxAgeMs) continue;
      this.records.set(clientId, { ...record, clock: record.clock + 1, state: null });
      this.changed.add(clientId);
    }
  }

  /** The colour least used among the clients present now. */
  private newColour(): string {
    return leastUsedColour(
      [...this.records.values()].filter((record) => record.state).map((record) => record.colour),
    );
  }

  /** Takes the changed client ids for a broadcast, forgetting clients that have left. */
  takeChanged(): number[] {
    const clientIds = [...this.changed];
    this.changed.clear();
    return clientIds;
  }

  /** States that ended are dropped once their end has been sent. */
  forgetEnded(clientIds: number[]): void {
    for (const clientId of clientIds) {
      if (this.records.get(clientId)?.state === null) this.records.delete(clientId);
    }
  }

  /** The awareness message for these clients (all by default) as a viewer of this class may see it. */
  messageFor(viewer: ViewerClass, clientIds: Iterable<number> = this.records.keys()): Uint8Array | undefined {
    const entries: AwarenessEntry[] = [];
    for (const clientId of clientIds) {
      const record = this.records.get(clientId);
      if (!record) continue;
      entries.push({
        clientId,
        clock: record.clock,
        state: record.state && withIdentity(record, viewer),
      });
    }
    if (entries.length === 0) return undefined;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(entries));
    return encoding.toUint8Array(encoder);
  }
}

/** Identity comes from the server's record of the member, shaped for the viewer. */
function withIdentity(record: AwarenessRecord, viewer: ViewerClass): Record<string, unknown> {
  const participant = record.connection ? record.connection.participant : record.identity!;
  const user =
    viewer === 'named'
      ? { name: participant.name, group: participant.groupName, role: participant.role, color: record.colour }
      : { name: participant.groupLabel, group: participant.groupLabel, color: record.colour };
  return { ...record.state, user };
}
