import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import pLimit from 'p-limit';
import type { SummaryNotes } from './summary-notes.model.js';
import type { SummaryFormat } from './summary-render.worker.js';

// The worker file sits beside this one with the same extension: .js when compiled, .ts in tests.
const WORKER_URL = new URL(
  `./summary-render.worker${extname(fileURLToPath(import.meta.url))}`,
  import.meta.url,
);

/**
 * Heap limit of one render, in MiB: a DOCX of 100,000 comments grew the process by about 1.7 GiB
 * (docs/benchmarks.md). A document beyond it ends its worker with an error, not the server.
 */
const WORKER_HEAP_MIB = 2048;

/**
 * Renders running at once in this process; more wait their turn. On two cores, two renders keep
 * one core free for requests, and bound the memory renders take to twice the cap above.
 */
const CONCURRENT_RENDERS = 2;
const renderSlots = pLimit(CONCURRENT_RENDERS);

/**
 * Renders the summary notes in a worker thread, so a large document does not hold up the event
 * loop. One short-lived worker per export: exports are rare, and a worker that ends frees
 * everything the document took. At most CONCURRENT_RENDERS run at once.
 */
export function renderSummaryInWorker(format: SummaryFormat, notes: SummaryNotes): Promise<Buffer> {
  return renderSlots(() => renderInNewWorker(format, notes));
}

function renderInNewWorker(format: SummaryFormat, notes: SummaryNotes): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, {
      workerData: { format, notes },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MIB },
    });
    worker.once('message', (bytes: Uint8Array) => {
      resolve(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`The summary render worker stopped with exit code ${code}`));
    });
  });
}
