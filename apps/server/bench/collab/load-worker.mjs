import { parentPort, workerData } from 'node:worker_threads';
import { DeliveryTracker, now } from './delivery-tracker.mjs';
import { EditTokenReader } from './edit-tokens.mjs';
import { PaperClient } from './paper-client.mjs';

/**
 * Runs a share of one scenario's clients in a worker thread, away from the orchestrator, and
 * talks to it in steps: connected → (start) → typing → typed → result. Each paper has its
 * clients (`urls`), the first `typists` of whom type into `sectionId`. Client number g (counted
 * over all papers) belongs to thread g mod `threads`; send times are shared between the threads,
 * and each counts the arrivals at its own clients.
 */
const {
  papers,
  editsPerSecond,
  typingSeconds,
  warmupSeconds,
  maxDrainSeconds,
  thread,
  threads,
  doneTyping,
  suggest,
} = workerData;
const CONNECT_CONCURRENCY = 25;
const SYNC_TIMEOUT_MS = 120_000;
/** After typing, a thread stops waiting once nothing arrived for this long. */
const QUIET_MS = 1_500;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const nextMessage = () => new Promise((resolve) => parentPort.once('message', resolve));
const sum = (values) => values.reduce((total, value) => total + value, 0);
const threadsDoneTyping = new Int32Array(doneTyping);

const reader = new EditTokenReader();
let ordinal = 0;
let typistOrdinal = 0;
const rooms = papers.map(({ urls, typists, sectionId, serverOf, shared }) => {
  const own = [];
  for (let index = 0; index < urls.length; index++) {
    const isTypist = index < typists;
    if (ordinal++ % threads === thread) own.push({ index, typistOrdinal: isTypist ? typistOrdinal : -1 });
    if (isTypist) typistOrdinal++;
  }
  return {
    urls,
    sectionId,
    own,
    clients: [],
    tracker: new DeliveryTracker({
      receiverCount: urls.length,
      shared,
      serverOf,
      warmupEdits: Math.floor(warmupSeconds * editsPerSecond),
    }),
  };
});
const totalTypists = typistOrdinal;
const allClients = () => rooms.flatMap((room) => room.clients);
const ownTypists = () => allClients().filter((client) => client.typist);
let framesReceived = 0;

function onUpdate(room, client, payload) {
  framesReceived++;
  const tokens = reader.read(payload);
  if (tokens.length > 0)
    room.tracker.recordArrival(client.index, tokens, now(), client.typist ? client.index : -1);
}

async function connectAll() {
  const jobs = rooms.flatMap((room) =>
    room.own.map(({ index, typistOrdinal }) => ({ room, index, typistOrdinal })),
  );
  let next = 0;
  const connectors = Array.from({ length: Math.min(CONNECT_CONCURRENCY, jobs.length) }, async () => {
    while (next < jobs.length) {
      const { room, index, typistOrdinal } = jobs[next++];
      const client = new PaperClient({
        url: room.urls[index],
        index,
        typist: typistOrdinal >= 0,
        onUpdate: (receiver, payload) => onUpdate(room, receiver, payload),
      });
      client.typistOrdinal = typistOrdinal;
      room.clients.push(client);
      await client.synced;
    }
  });
  const timeout = sleep(SYNC_TIMEOUT_MS).then(() => {
    throw new Error(`clients not synced within ${SYNC_TIMEOUT_MS} ms`);
  });
  await Promise.race([Promise.all(connectors), timeout]);
}

/**
 * Each typist edits every 1/rate s from `startAt`, all typists (of every paper, in every thread)
 * staggered evenly over that interval.
 */
async function type(startAt) {
  const intervalMs = 1000 / editsPerSecond;
  const editsEach = Math.floor(editsPerSecond * typingSeconds);
  await Promise.all(
    rooms.flatMap((room) =>
      room.clients
        .filter((client) => client.typist)
        .map(async (client) => {
          const offset = (intervalMs * client.typistOrdinal) / totalTypists;
          for (let seq = 0; seq < editsEach; seq++) {
            const wait = startAt + offset + seq * intervalMs - now();
            if (wait > 0) await sleep(wait);
            if (client.closed) return;
            room.tracker.recordSent(client.index, seq, now());
            client.type(seq);
          }
        }),
    ),
  );
}

const delivered = () => sum(rooms.map((room) => room.tracker.delivered));
const expected = () =>
  sum(rooms.map((room) => room.tracker.expectedBy(room.clients.map((client) => client.index))));

/**
 * After typing: wait until every thread has sent its edits and every delivery to this thread's
 * clients arrived, or nothing arrived for a while, or the limit.
 */
async function drain() {
  const deadline = performance.now() + maxDrainSeconds * 1000;
  let last = -1;
  let quietSince = performance.now();
  const allSent = () => Atomics.load(threadsDoneTyping, 0) === threads;
  while (performance.now() < deadline && !(allSent() && delivered() >= expected())) {
    await sleep(100);
    if (delivered() !== last || !allSent()) {
      last = delivered();
      quietSince = performance.now();
    } else if (performance.now() - quietSince > QUIET_MS) break;
  }
}

await connectAll();
parentPort.postMessage({ step: 'connected' });
const { startAt } = await nextMessage();
/** A well-formed suggestion id (22 base64url characters), one per typist and section. */
const suggestionId = (sectionId, index) =>
  `${sectionId.replaceAll('-', '').slice(0, 12)}x${String(index).padStart(9, '0')}`;
for (const room of rooms) {
  for (const client of room.clients) {
    if (!client.typist) continue;
    // Suggesting typists each take one of the paragraphs the section was seeded with.
    if (suggest)
      client.takeParagraph(room.sectionId, client.index, suggestionId(room.sectionId, client.index));
    else client.startParagraph(room.sectionId);
  }
}
await sleep(startAt - now() - 50);
const before = performance.eventLoopUtilization();
parentPort.postMessage({ step: 'typing' });
await type(startAt);
Atomics.add(threadsDoneTyping, 0, 1);
await drain();
const generatorLoad = performance.eventLoopUtilization(before).utilization;
parentPort.postMessage({ step: 'typed' });

const result = {
  delivered: delivered(),
  lastDeliveryAt: Math.max(0, ...rooms.map((room) => room.tracker.lastDeliveryAt)),
  framesReceived,
  // One array per paper; the orchestrator merges those of every thread once.
  latencies: rooms.map((room) => room.tracker.latencies.toArray()),
  crossLatencies: rooms.map((room) => room.tracker.crossLatencies.toArray()),
  storedLatencies: [Float64Array.from(ownTypists().flatMap((client) => client.storedLatencies))],
  unstored: sum(ownTypists().map((client) => client.unstoredCount)),
  closedEarly: allClients().filter((client) => client.closed).length,
  generatorLoad,
};
for (const client of allClients()) client.close();
await Promise.race([
  Promise.all(
    allClients().map(
      (client) => client.closed ?? new Promise((resolve) => client.socket.once('close', resolve)),
    ),
  ),
  sleep(5_000),
]);
parentPort.postMessage(
  { step: 'result', result },
  [...result.latencies, ...result.crossLatencies, ...result.storedLatencies].map((array) => array.buffer),
);
