import { Worker } from 'node:worker_threads';
import { cpuSeconds, ProcessWindow, rssBytes } from './process-stats.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Monotonic clock in µs, the clock V8 stamps CPU profile samples with (so windows line up). */
const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);
/** Let the server settle after all sockets opened before reading its memory. */
const SETTLE_MS = 2_000;

/**
 * Runs one scenario against one server, or several serving the same papers: the clients live in
 * a worker thread; this thread only samples the server processes. `urls[i]` is where client i
 * connects, all on one paper; or `papers`, each `{ urls, typists, sectionId }`, for several
 * papers at once. CPU and memory are the sum over the servers, and per server in `perServer`.
 */
export async function runScenario(
  serverOrServers,
  { urls, typists, sectionId, papers = [{ urls, typists, sectionId }], editsPerSecond, typingSeconds },
) {
  const servers = [serverOrServers].flat();
  const sum = (values) => values.reduce((total, value) => total + value, 0);
  const rssBefore = sum(servers.map((server) => rssBytes(server.pid)));
  const windows = servers.map((server) => new ProcessWindow(server.pid));
  const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), {
    workerData: { papers, editsPerSecond, typingSeconds, maxDrainSeconds: 10 },
  });
  const failed = new Promise((_, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`load worker exited with ${code}`)));
  });
  // Terminating the worker at the end also "fails" this; only a rejection raced above matters.
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

  await step('connected');
  await sleep(SETTLE_MS);
  const rssConnected = sum(servers.map((server) => rssBytes(server.pid)));
  worker.postMessage('start');
  await step('typing');
  const cpuAtStart = servers.map((server) => cpuSeconds(server.pid));
  const typingAt = performance.now();
  const typingFrom = monotonicMicros();
  await step('typed');
  const cpus = servers.map((server, i) => cpuSeconds(server.pid) - cpuAtStart[i]);
  const typingWindow = { from: typingFrom, to: monotonicMicros() };
  const typedSeconds = (performance.now() - typingAt) / 1000;
  const { result } = await step('result');
  await worker.terminate();
  const perServer = windows.map((window, i) => ({
    cpuShare: cpus[i] / typedSeconds,
    peakRss: window.finish().peakRss,
  }));
  const clients = sum(papers.map((paper) => paper.urls.length));
  return {
    ...result,
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
