/**
 * The render worker: lays the summary notes out as DOCX or Markdown off the main thread. For
 * 100,000 comments that is seconds of CPU (docs/benchmarks.md) that would otherwise stall every
 * other request.
 *
 * The worker loads files on its own — compiled JavaScript in production, TypeScript through
 * Node's type stripping in tests — so this file and the renderers it loads import only
 * packages and types, and the renderers are loaded with this file's own extension.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import type { SummaryNotes } from './summary-notes.model.js';

export type SummaryFormat = 'docx' | 'markdown';

const extension = extname(fileURLToPath(import.meta.url));

async function render(format: SummaryFormat, notes: SummaryNotes): Promise<Buffer> {
  if (format === 'docx') {
    const docx = (await import(`./summary-docx${extension}`)) as typeof import('./summary-docx.js');
    return docx.renderSummaryDocx(notes);
  }
  const markdown = (await import(`./summary-markdown${extension}`)) as typeof import('./summary-markdown.js');
  return Buffer.from(markdown.renderSummaryMarkdown(notes), 'utf8');
}

const { format, notes } = workerData as { format: SummaryFormat; notes: SummaryNotes };
parentPort!.postMessage(await render(format, notes));
