import {
  MESSAGE_STORED,
  MESSAGE_SYNC,
  MESSAGE_WRITE_ACCESS,
  type PaperAccess,
  WRITE_ACCESS,
} from '@cw/shared';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';

/** The frames the server sends on a paper socket, encoded once for any number of recipients. */

function syncMessage(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** "This is what I have": the other side answers with what it has that is missing here. */
export function syncStep1Message(stateVector: Uint8Array): Uint8Array {
  return syncMessage(syncProtocol.messageYjsSyncStep1, stateVector);
}

/** The answer to a step 1: everything the asker lacks. */
export function syncStep2Message(update: Uint8Array): Uint8Array {
  return syncMessage(syncProtocol.messageYjsSyncStep2, update);
}

/** A change as it happens. */
export function updateMessage(update: Uint8Array): Uint8Array {
  return syncMessage(syncProtocol.messageYjsUpdate, update);
}

/** Ours: the paper is durably stored up to this state vector. */
export function storedMessage(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_STORED);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

/** Ours: how this socket may write. */
export function writeAccessMessage(access: PaperAccess): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_WRITE_ACCESS);
  encoding.writeVarUint(encoder, WRITE_ACCESS[access]);
  return encoding.toUint8Array(encoder);
}
