import { parentPort, workerData } from 'node:worker_threads';
import { DeliveryTracker, Samples } from './delivery-tracker.mjs';
import { EditTokenReader } from './edit-tokens.mjs';
import { PaperClient } from './paper-client.mjs';

/**
 * Runs one scenario's clients in a worker thread, away from the orchestrator, and talks to it in
 * steps: connected → (start) → typing → typed → result. Typists are clients 0..typists-1.
 */
const { urls, typists, editsPerSecond, typingSeconds, maxDrainSeconds, sectionId } = workerData;
const CONNECT_CONCURRENCY = 25;
const SYNC_TIMEOUT_MS = 120_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const nextMessage = () => new Promise((resolve) => parentPort.once('message', resolve));

const reader = new EditTokenReader();
const tracker = new DeliveryTracker({
  receiverCount: urls.length,
  senderCount: typists,
  maxEditsPerSender: Math.ceil(editsPerSecond * typingSeconds) + 8,
});
const clients = [];
let framesReceived = 0;

function onUpdate(client, payload) {
  framesReceived++;
  const tokens = reader.read(payload);
  if (tokens.length > 0)
    tracker.recordArrival(client.index, tokens, performance.now(), client.typist ? client.index : -1);
}

async function connectAll() {
  let next = 0;
  const connectors = Array.from({ length: Math.min(CONNECT_CONCURRENCY, urls.length) }, async () => {
    while (next < urls.length) {
      const index = next++;
      const client = new PaperClient({ url: urls[index], index, typist: index < typists, onUpdate });
      clients[index] = client;
      await client.synced;
    }
  });
  const timeout = sleep(SYNC_TIMEOUT_MS).then(() => {
    throw new Error(`clients not synced within ${SYNC_TIMEOUT_MS} ms`);
  });
  await Promise.race([Promise.all(connectors), timeout]);
}

/** Each typist edits every 1/rate s, typists staggered evenly over that interval. */
async function type() {
  const intervalMs = 1000 / editsPerSecond;
  const editsEach = Math.floor(editsPerSecond * typingSeconds);
  const startedAt = performance.now() + 50;
  await Promise.all(
    clients.slice(0, typists).map(async (client, index) => {
      const offset = (intervalMs * index) / typists;
      for (let seq = 0; seq < editsEach; seq++) {
        const due = startedAt + offset + seq * intervalMs;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        if (client.closed) return;
        tracker.recordSent(client.index, seq, performance.now());
        client.type(seq);
      }
    }),
  );
}

/** After typing: wait until every delivery arrived, or nothing arrived for 1.5 s, or the limit. */
async function drain() {
  const deadline = performance.now() + maxDrainSeconds * 1000;
  let last = -1;
  let quietSince = performance.now();
  while (performance.now() < deadline && tracker.delivered < tracker.expected) {
    await sleep(100);
    if (tracker.delivered !== last) {
      last = tracker.delivered;
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
for (const client of clients.slice(0, typists)) client.startParagraph(sectionId);
await sleep(500);
const before = performance.eventLoopUtilization();
const typingStartedAt = performance.now();
parentPort.postMessage({ step: 'typing' });
await type();
await drain();
const generatorLoad = performance.eventLoopUtilization(before).utilization;
parentPort.postMessage({ step: 'typed' });

const latencies = tracker.latencies.sorted();
const stored = new Samples();
for (const client of clients.slice(0, typists))
  for (const value of client.storedLatencies) stored.push(value);
const storedSorted = stored.sorted();
const deliverySeconds = (Math.max(tracker.lastDeliveryAt, typingStartedAt + 1) - typingStartedAt) / 1000;
const result = {
  edits: tracker.totalSent,
  expected: tracker.expected,
  delivered: tracker.delivered,
  lost: tracker.expected - tracker.delivered,
  deliveredPerSecond: tracker.delivered / deliverySeconds,
  framesReceived,
  p50: percentile(latencies, 50),
  p95: percentile(latencies, 95),
  p99: percentile(latencies, 99),
  max: latencies.at(-1) ?? NaN,
  storedP50: percentile(storedSorted, 50),
  storedP99: percentile(storedSorted, 99),
  unstored: clients.slice(0, typists).reduce((sum, client) => sum + client.unstoredCount, 0),
  closedEarly: clients.filter((client) => client.closed).length,
  generatorLoad,
};
for (const client of clients) client.close();
await Promise.race([
  Promise.all(
    clients.map((client) => client.closed ?? new Promise((resolve) => client.socket.once('close', resolve))),
  ),
  sleep(5_000),
]);
parentPort.postMessage({ step: 'result', result });
