import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SummaryNotes } from './summary-notes.model.js';
import type { SummaryFormat } from './summary-render.worker.js';

// The worker file sits beside this one with the same extension: .js when compiled, .ts in tests.
const WORKER_URL = new URL(
  `./summary-render.worker${extname(fileURLToPath(import.meta.url))}`,
  import.meta.url,
);

/**
 * Heap limit of one render, in MiB: DOCX for 100,000 comments peaks near 1 GiB (docs/benchmarks.md).
 * A document beyond it ends its worker with an error, not the server.
 */
const WORKER_HEAP_MIB = 2048;

/**
 * Renders the summary notes in a worker thread, so a large document does not hold up the event
 * loop. One short-lived worker per export: exports are rare, and a worker that ends frees
 * everything the document took.
 */
export function renderSummaryInWorker(format: SummaryFormat, notes: SummaryNotes): Promise<Buffer> {
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
