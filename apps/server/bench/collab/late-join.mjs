import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { sectionTextLength } from './large-paper.mjs';
import { PaperClient } from './paper-client.mjs';
import { startThrottleProxy } from './throttle-proxy.mjs';

const MESSAGE_SYNC = 0;
const MESSAGE_STORED = 100;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function syncMessage(syncType, payload) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Resolves with the first frame `pick` accepts (returns a value for). */
function nextFrame(socket, pick, timeoutMs = 60_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out waiting for a frame')), timeoutMs);
    const listen = (data) => {
      const value = pick(new Uint8Array(data));
      if (value === undefined) return;
      clearTimeout(timer);
      socket.off('message', listen);
      resolve(value);
    };
    socket.on('message', listen);
  });
}

function step2Payload(frame) {
  const decoder = decoding.createDecoder(frame);
  if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return undefined;
  if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2) return undefined;
  return decoding.readVarUint8Array(decoder);
}

function storedStateVector(frame) {
  const decoder = decoding.createDecoder(frame);
  if (decoding.readVarUint(decoder) !== MESSAGE_STORED) return undefined;
  return Y.decodeStateVector(decoding.readVarUint8Array(decoder));
}

async function open(url) {
  const socket = new WebSocket(url, { perMessageDeflate: false });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('close', (code, reason) => reject(new Error(`closed ${code} ${reason}`)));
  });
  return socket;
}

/**
 * Sends the paper's uploads in order and waits until the server has all of it (for ours: until
 * it acknowledges having stored it, `?acks=1`). Returns the open socket, which keeps it loaded.
 */
export async function uploadPaper(url, uploads, { waitStored }) {
  const socket = await open(url);
  const local = new Y.Doc();
  for (const update of uploads) {
    Y.applyUpdate(local, update);
    socket.send(syncMessage(syncProtocol.messageYjsUpdate, update));
  }
  const target = Y.decodeStateVector(Y.encodeStateVector(local));
  local.destroy();
  const covers = (vector) => [...target].every(([client, clock]) => (vector.get(client) ?? 0) >= clock);
  if (waitStored) {
    await nextFrame(socket, (frame) => {
      const vector = storedStateVector(frame);
      return vector && covers(vector) ? true : undefined;
    });
  } else {
    // Frames are handled in order: the answer to this step 1 comes after every upload is applied.
    const answer = nextFrame(socket, step2Payload);
    socket.send(syncMessage(syncProtocol.messageYjsSyncStep1, new Uint8Array([0])));
    await answer;
  }
  return socket;
}

/**
 * A newcomer with an empty document: ms from opening the socket until the server's sync step 2
 * has arrived, and until it is applied to a fresh Y.Doc.
 */
export async function measureJoin(url, sectionId) {
  const startedAt = performance.now();
  const socket = new WebSocket(url, { perMessageDeflate: false });
  socket.once('open', () => socket.send(syncMessage(syncProtocol.messageYjsSyncStep1, new Uint8Array([0]))));
  const payload = await nextFrame(socket, step2Payload);
  const arrivedAt = performance.now();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, payload);
  const appliedAt = performance.now();
  const textLength = sectionTextLength(doc, sectionId);
  doc.destroy();
  socket.close();
  return {
    step2Ms: arrivedAt - startedAt,
    appliedMs: appliedAt - startedAt,
    bytes: payload.length,
    textLength,
  };
}

/**
 * The stock y-websocket client joins the large paper through a link that delivers 100 KB/s while
 * a member keeps typing. Counts its connection attempts: a client that timed out would reconnect
 * and download the paper again, in a loop.
 */
export async function slowJoin({ serverPort, wsPath, room, params, typistUrl, sectionId, observeMs }) {
  const bytesPerSecond = 100 * 1024;
  const proxy = await startThrottleProxy(serverPort, bytesPerSecond);
  const typist = new PaperClient({ url: typistUrl, index: 0, typist: true, onUpdate: () => undefined });
  await typist.synced;
  typist.startParagraph(sectionId);
  const doc = new Y.Doc();
  const startedAt = performance.now();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${proxy.port}${wsPath}`, room, doc, {
    WebSocketPolyfill: WebSocket,
    params,
    disableBc: true,
  });
  let connections = 0;
  let syncedAt;
  provider.on('status', ({ status }) => {
    if (status === 'connected') connections++;
  });
  provider.on('sync', (isSynced) => {
    if (isSynced && syncedAt === undefined) syncedAt = performance.now();
  });
  let seq = 0;
  const typing = setInterval(() => typist.type(seq++), 500);
  await sleep(observeMs);
  clearInterval(typing);
  // Give the last edits time to pass the slow link before comparing.
  await sleep(2_000);
  const lastToken = `~0.${seq - 1}~`;
  const hasLatestEdit = doc.getXmlFragment(`section:${sectionId}`).toString().includes(lastToken);
  provider.destroy();
  typist.close();
  doc.destroy();
  await proxy.close();
  return {
    bytesPerSecond,
    observedSeconds: observeMs / 1000,
    connections,
    syncedAfterMs: syncedAt === undefined ? undefined : syncedAt - startedAt,
    hasLatestEdit,
  };
}
