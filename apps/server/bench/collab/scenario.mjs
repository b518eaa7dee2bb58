import { Worker } from 'node:worker_threads';
import { cpuSeconds, ProcessWindow, rssBytes } from './process-stats.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Monotonic clock in µs, the clock V8 stamps CPU profile samples with (so windows line up). */
const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);
/** Let the server settle after all sockets opened before reading its memory. */
const SETTLE_MS = 2_000;

/**
 * Runs one scenario against one server: the clients live in a worker thread; this thread only
 * samples the server process. `urls[i]` is where client i connects.
 */
export async function runScenario(server, { urls, typists, sectionId, editsPerSecond, typingSeconds }) {
  const rssBefore = rssBytes(server.pid);
  const window = new ProcessWindow(server.pid);
  const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), {
    workerData: { urls, typists, sectionId, editsPerSecond, typingSeconds, maxDrainSeconds: 10 },
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
  const rssConnected = rssBytes(server.pid);
  worker.postMessage('start');
  await step('typing');
  const cpuAtStart = cpuSeconds(server.pid);
  const typingAt = performance.now();
  const typingFrom = monotonicMicros();
  await step('typed');
  const cpu = cpuSeconds(server.pid) - cpuAtStart;
  const typingWindow = { from: typingFrom, to: monotonicMicros() };
  const typedSeconds = (performance.now() - typingAt) / 1000;
  const { result } = await step('result');
  await worker.terminate();
  const { peakRss } = window.finish();
  return {
    ...result,
    clients: urls.length,
    typists,
    cpuShare: cpu / typedSeconds,
    cpuSeconds: cpu,
    typingWindow,
    peakRss,
    rssPerConnection: (rssConnected - rssBefore) / urls.length,
  };
}
