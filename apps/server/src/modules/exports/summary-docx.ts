import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DOCX_WORKER_MARK } from './summary-docx.worker.js';
import type { SummaryNotes } from './summary-notes.model.js';

// The worker file sits beside this one with the same extension: .js when compiled, .ts in tests.
const WORKER_URL = new URL(
  `./summary-docx.worker${extname(fileURLToPath(import.meta.url))}`,
  import.meta.url,
);

/**
 * Renders the summary notes as DOCX in a worker thread, so a large document does not hold up
 * the event loop. One short-lived worker per export: exports are rare, and a worker that ends
 * frees everything the document took.
 */
export function renderSummaryDocxInWorker(notes: SummaryNotes): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: { mark: DOCX_WORKER_MARK, notes } });
    worker.once('message', (bytes: Uint8Array) => {
      resolve(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`The DOCX worker stopped with exit code ${code}`));
    });
  });
}
