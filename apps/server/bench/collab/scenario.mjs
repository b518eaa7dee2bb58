import { Worker } from 'node:worker_threads';
import { DeliveryTracker, now } from './delivery-tracker.mjs';
import { cpuSeconds, ProcessWindow, rssBytes } from './process-stats.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Monotonic clock in µs, the clock V8 stamps CPU profile samples with (so windows line up). */
const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);
/** Let the server settle after all sockets opened before reading its memory. */
const SETTLE_MS = 2_000;
/** Typing starts this long after the threads are told, so each has laid out its paragraphs. */
const START_DELAY_MS = 600;

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function concatSorted(arrays) {
  const all = new Float64Array(arrays.reduce((total, array) => total + array.length, 0));
  let offset = 0;
  for (const array of arrays) {
    all.set(array, offset);
    offset += array.length;
  }
  return all.sort();
}

/** One load thread, with a promise per step it reports. */
function startLoadThread(workerData) {
  const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData });
  const failed = new Promise((_, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`load worker exited with ${code}`)));
  });
  // Terminating the worker at the end also "fails" this; only a rejection raced below matters.
  failed.catch(() => undefined);
  const step = (name) =>
    Promise.race([
      new Promise((resolve) => {
        const listen = (message) => {
          if (message.step !== name) return;
          worker.off('message', listen);
          resolve(message);
        };
        worker.on('message', listen);
      }),
      failed,
    ]);
  return { worker, step };
}

/**
 * Runs one scenario against one server, or several serving the same papers: the clients live in
 * `generatorThreads` worker threads (so the load generator is not the first to saturate); this
 * thread only samples the server processes. `urls[i]` is where client i connects, all on one
 * paper; or `papers`, each `{ urls, typists, sectionId, serverOf }`, for several papers at once.
 * Latencies leave out the edits of the first `warmupSeconds` of typing (papers just loaded, every
 * typist's first edit at once). CPU and memory are the sum over the servers, and per server in
 * `perServer`. With `suggest`, typists suggest into the section's existing paragraphs (one each)
 * instead of adding their own.
 */
export async function runScenario(
  serverOrServers,
  {
    urls,
    typists,
    sectionId,
    papers: paperList = [{ urls, typists, sectionId }],
    editsPerSecond,
    typingSeconds,
    warmupSeconds = 0,
    generatorThreads = 1,
    suggest = false,
  },
) {
  const servers = [serverOrServers].flat();
  const sum = (values) => values.reduce((total, value) => total + value, 0);
  const maxEditsPerSender = Math.ceil(editsPerSecond * typingSeconds) + 8;
  const papers = paperList.map((paper) => ({
    ...paper,
    shared: DeliveryTracker.shared(paper.typists, maxEditsPerSender),
  }));
  const rssBefore = sum(servers.map((server) => rssBytes(server.pid)));
  const windows = servers.map((server) => new ProcessWindow(server.pid));
  const doneTyping = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const threads = Array.from({ length: generatorThreads }, (_, thread) =>
    startLoadThread({
      papers,
      editsPerSecond,
      typingSeconds,
      warmupSeconds,
      maxDrainSeconds: 10,
      thread,
      threads: generatorThreads,
      doneTyping,
      suggest,
    }),
  );
  const all = (name) => Promise.all(threads.map((thread) => thread.step(name)));

  await all('connected');
  await sleep(SETTLE_MS);
  const rssConnected = sum(servers.map((server) => rssBytes(server.pid)));
  const startAt = now() + START_DELAY_MS;
  for (const { worker } of threads) worker.postMessage({ startAt });
  await all('typing');
  const cpuAtStart = servers.map((server) => cpuSeconds(server.pid));
  const typingAt = performance.now();
  const typingFrom = monotonicMicros();
  await all('typed');
  const cpus = servers.map((server, i) => cpuSeconds(server.pid) - cpuAtStart[i]);
  const typingWindow = { from: typingFrom, to: monotonicMicros() };
  const typedSeconds = (performance.now() - typingAt) / 1000;
  const results = (await all('result')).map((message) => message.result);
  await Promise.all(threads.map(({ worker }) => worker.terminate()));
  const perServer = windows.map((window, i) => ({
    cpuShare: cpus[i] / typedSeconds,
    peakRss: window.finish().peakRss,
  }));
  const clients = sum(papers.map((paper) => paper.urls.length));
  const latencies = concatSorted(results.flatMap((result) => result.latencies));
  const crossLatencies = concatSorted(results.flatMap((result) => result.crossLatencies));
  const storedLatencies = concatSorted(results.flatMap((result) => result.storedLatencies));
  const trackers = papers.map(
    (paper) => new DeliveryTracker({ receiverCount: paper.urls.length, shared: paper.shared }),
  );
  const expected = sum(trackers.map((tracker) => tracker.totalSent * (tracker.receiverCount - 1)));
  const delivered = sum(results.map((result) => result.delivered));
  const lastDeliveryAt = Math.max(startAt + 1, ...results.map((result) => result.lastDeliveryAt));
  return {
    edits: sum(trackers.map((tracker) => tracker.totalSent)),
    expected,
    delivered,
    lost: expected - delivered,
    deliveredPerSecond: delivered / ((lastDeliveryAt - startAt) / 1000),
    framesReceived: sum(results.map((result) => result.framesReceived)),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    crossP50: percentile(crossLatencies, 50),
    crossP99: percentile(crossLatencies, 99),
    storedP50: percentile(storedLatencies, 50),
    storedP99: percentile(storedLatencies, 99),
    unstored: sum(results.map((result) => result.unstored)),
    closedEarly: sum(results.map((result) => result.closedEarly)),
    // The busiest thread is the one that would hold deliveries back.
    generatorLoad: Math.max(...results.map((result) => result.generatorLoad)),
    clients,
    typists: sum(papers.map((paper) => paper.typists)),
    cpuShare: sum(cpus) / typedSeconds,
    cpuSeconds: sum(cpus),
    typingWindow,
    peakRss: sum(perServer.map((server) => server.peakRss)),
    perServer,
    rssPerConnection: (rssConnected - rssBefore) / clients,
  };
}
