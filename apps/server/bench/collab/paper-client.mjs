import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { editText } from './edit-tokens.mjs';

// Message types of the y-websocket protocol, and ours (MESSAGE_STORED in @cw/shared).
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_STORED = 100;
const EMPTY_STATE_VECTOR = new Uint8Array([0]);
const EMPTY_UPDATE = new Uint8Array([0, 0]);

function syncMessage(syncType, payload) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function awarenessMessage(clientId, clock, state) {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, JSON.stringify(state));
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
  return encoding.toUint8Array(encoder);
}

/**
 * One simulated participant speaking the y-websocket protocol over `ws`. A typist holds a Y.Doc,
 * synced once on join, and types into its own paragraph of one section; it does not integrate
 * the others' edits (its own paragraph never depends on them), so the generator spends its CPU
 * on the wire rather than on Yjs. An idle client holds no document and only reads frames.
 * Every client reports the updates it receives to `onUpdate`.
 */
export class PaperClient {
  constructor({ url, index, typist, onUpdate }) {
    this.index = index;
    this.typist = typist;
    this.onUpdate = onUpdate;
    this.doc = typist ? new Y.Doc() : undefined;
    this.closed = undefined;
    this.awarenessClock = 0;
    /** Clock after each edit and when it was sent, until the server says it is stored. */
    this.unstored = [];
    this.storedLatencies = [];
    this.socket = new WebSocket(url, { perMessageDeflate: false });
    this.socket.binaryType = 'nodebuffer';
    this.synced = new Promise((resolve, reject) => {
      this.markSynced = resolve;
      this.socket.once('close', (code, reason) => reject(new Error(`closed ${code} ${reason}`)));
    });
    this.synced.catch(() => undefined);
    this.socket.on('open', () => {
      const stateVector = this.doc ? Y.encodeStateVector(this.doc) : EMPTY_STATE_VECTOR;
      this.socket.send(syncMessage(syncProtocol.messageYjsSyncStep1, stateVector));
    });
    this.socket.on('message', (data) => this.receive(data));
    this.socket.on('close', (code, reason) => (this.closed = { code, reason: reason.toString() }));
    this.socket.on('error', () => undefined);
  }

  receive(data) {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const syncType = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        const answer = this.doc ? Y.encodeStateAsUpdate(this.doc, payload) : EMPTY_UPDATE;
        this.socket.send(syncMessage(syncProtocol.messageYjsSyncStep2, answer));
      } else if (syncType === syncProtocol.messageYjsSyncStep2) {
        if (this.doc) Y.applyUpdate(this.doc, payload, 'server');
        this.markSynced();
      } else {
        this.onUpdate(this, payload);
      }
    } else if (type === MESSAGE_STORED) {
      this.acknowledge(Y.decodeStateVector(decoding.readVarUint8Array(decoder)));
    }
  }

  /** Adds this typist's paragraph at the end of the section (the one update that touches the fragment). */
  startParagraph(sectionId) {
    this.fragment = this.doc.getXmlFragment(`section:${sectionId}`);
    this.sectionId = sectionId;
    const paragraph = new Y.XmlElement('paragraph');
    this.text = new Y.XmlText();
    paragraph.insert(0, [this.text]);
    this.sendLocal(() => this.fragment.insert(this.fragment.length, [paragraph]));
  }

  /**
   * Suggests instead of editing: types into the existing paragraph at `position`, each edit an
   * insertion under this typist's own suggestion mark (as a reviewer who may only suggest does).
   */
  takeParagraph(sectionId, position, suggestionId) {
    this.fragment = this.doc.getXmlFragment(`section:${sectionId}`);
    this.sectionId = sectionId;
    this.text = this.fragment.get(position).get(0);
    this.attributes = { insertion: { id: suggestionId } };
  }

  /** Types one edit at the end of the paragraph, then moves the cursor there (awareness). */
  type(seq) {
    this.sendLocal(() => this.text.insert(this.text.length, editText(this.index, seq), this.attributes));
    const position = Y.relativePositionToJSON(
      Y.createRelativePositionFromTypeIndex(this.text, this.text.length),
    );
    const cursor = { anchor: position, head: position };
    this.socket.send(
      awarenessMessage(this.doc.clientID, ++this.awarenessClock, { [`cursor:${this.sectionId}`]: cursor }),
    );
  }

  sendLocal(change) {
    let update;
    const capture = (bytes) => (update = bytes);
    this.doc.once('update', capture);
    change();
    this.socket.send(syncMessage(syncProtocol.messageYjsUpdate, update));
    this.unstored.push(Y.getState(this.doc.store, this.doc.clientID), performance.now());
  }

  acknowledge(storedStateVector) {
    if (!this.doc) return;
    const stored = storedStateVector.get(this.doc.clientID) ?? 0;
    const now = performance.now();
    let done = 0;
    while (done < this.unstored.length && this.unstored[done] <= stored) {
      this.storedLatencies.push(now - this.unstored[done + 1]);
      done += 2;
    }
    if (done > 0) this.unstored.splice(0, done);
  }

  get unstoredCount() {
    return this.unstored.length / 2;
  }

  close() {
    this.socket.close();
  }
}
