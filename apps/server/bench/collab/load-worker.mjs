import { parentPort, workerData } from 'node:worker_threads';
import { DeliveryTracker, Samples } from './delivery-tracker.mjs';
import { EditTokenReader } from './edit-tokens.mjs';
import { PaperClient } from './paper-client.mjs';

/**
 * Runs one scenario's clients in a worker thread, away from the orchestrator, and talks to it in
 * steps: connected → (start) → typing → typed → result. Each paper has its clients (`urls`),
 * the first `typists` of whom type into `sectionId`; edits are tracked per paper.
 */
const { papers, editsPerSecond, typingSeconds, maxDrainSeconds } = workerData;
const CONNECT_CONCURRENCY = 25;
const SYNC_TIMEOUT_MS = 120_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const nextMessage = () => new Promise((resolve) => parentPort.once('message', resolve));
const sum = (values) => values.reduce((total, value) => total + value, 0);

const reader = new EditTokenReader();
const rooms = papers.map(({ urls, typists, sectionId, serverOf }) => ({
  urls,
  typists,
  sectionId,
  clients: [],
  tracker: new DeliveryTracker({
    receiverCount: urls.length,
    senderCount: typists,
    maxEditsPerSender: Math.ceil(editsPerSecond * typingSeconds) + 8,
    serverOf,
  }),
}));
const allClients = () => rooms.flatMap((room) => room.clients);
const allTypists = () => rooms.flatMap((room) => room.clients.slice(0, room.typists));
let framesReceived = 0;

function onUpdate(room, client, payload) {
  framesReceived++;
  const tokens = reader.read(payload);
  if (tokens.length > 0)
    room.tracker.recordArrival(client.index, tokens, performance.now(), client.typist ? client.index : -1);
}

async function connectAll() {
  const jobs = rooms.flatMap((room) => room.urls.map((url, index) => ({ room, url, index })));
  let next = 0;
  const connectors = Array.from({ length: Math.min(CONNECT_CONCURRENCY, jobs.length) }, async () => {
    while (next < jobs.length) {
      const { room, url, index } = jobs[next++];
      const client = new PaperClient({
        url,
        index,
        typist: index < room.typists,
        onUpdate: (receiver, payload) => onUpdate(room, receiver, payload),
      });
      room.clients[index] = client;
      await client.synced;
    }
  });
  const timeout = sleep(SYNC_TIMEOUT_MS).then(() => {
    throw new Error(`clients not synced within ${SYNC_TIMEOUT_MS} ms`);
  });
  await Promise.race([Promise.all(connectors), timeout]);
}

/** Each typist edits every 1/rate s, all typists (of every paper) staggered evenly over that interval. */
async function type() {
  const intervalMs = 1000 / editsPerSecond;
  const editsEach = Math.floor(editsPerSecond * typingSeconds);
  const startedAt = performance.now() + 50;
  const typists = rooms.flatMap((room) =>
    room.clients.slice(0, room.typists).map((client) => ({ room, client })),
  );
  await Promise.all(
    typists.map(async ({ room, client }, index) => {
      const offset = (intervalMs * index) / typists.length;
      for (let seq = 0; seq < editsEach; seq++) {
        const due = startedAt + offset + seq * intervalMs;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        if (client.closed) return;
        room.tracker.recordSent(client.index, seq, performance.now());
        client.type(seq);
      }
    }),
  );
}

const delivered = () => sum(rooms.map((room) => room.tracker.delivered));
const expected = () => sum(rooms.map((room) => room.tracker.expected));

/** After typing: wait until every delivery arrived, or nothing arrived for 1.5 s, or the limit. */
async function drain() {
  const deadline = performance.now() + maxDrainSeconds * 1000;
  let last = -1;
  let quietSince = performance.now();
  while (performance.now() < deadline && delivered() < expected()) {
    await sleep(100);
    if (delivered() !== last) {
      last = delivered();
      quietSince = performance.now();
    } else if (performance.now() - quietSince > 1500) break;
  }
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

await connectAll();
parentPort.postMessage({ step: 'connected' });
await nextMessage();
for (const room of rooms)
  for (const client of room.clients.slice(0, room.typists)) client.startParagraph(room.sectionId);
await sleep(500);
const before = performance.eventLoopUtilization();
const typingStartedAt = performance.now();
parentPort.postMessage({ step: 'typing' });
await type();
await drain();
const generatorLoad = performance.eventLoopUtilization(before).utilization;
parentPort.postMessage({ step: 'typed' });

const arrivals = new Samples();
for (const room of rooms) for (const value of room.tracker.latencies.sorted()) arrivals.push(value);
const latencies = arrivals.sorted();
const crossArrivals = new Samples();
for (const room of rooms) for (const value of room.tracker.crossLatencies.sorted()) crossArrivals.push(value);
const crossLatencies = crossArrivals.sorted();
const stored = new Samples();
for (const client of allTypists()) for (const value of client.storedLatencies) stored.push(value);
const storedSorted = stored.sorted();
const lastDeliveryAt = Math.max(...rooms.map((room) => room.tracker.lastDeliveryAt));
const deliverySeconds = (Math.max(lastDeliveryAt, typingStartedAt + 1) - typingStartedAt) / 1000;
const result = {
  edits: sum(rooms.map((room) => room.tracker.totalSent)),
  expected: expected(),
  delivered: delivered(),
  lost: expected() - delivered(),
  deliveredPerSecond: delivered() / deliverySeconds,
  framesReceived,
  p50: percentile(latencies, 50),
  p95: percentile(latencies, 95),
  p99: percentile(latencies, 99),
  max: latencies.at(-1) ?? NaN,
  crossP50: percentile(crossLatencies, 50),
  crossP99: percentile(crossLatencies, 99),
  storedP50: percentile(storedSorted, 50),
  storedP99: percentile(storedSorted, 99),
  unstored: sum(allTypists().map((client) => client.unstoredCount)),
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
parentPort.postMessage({ step: 'result', result });
