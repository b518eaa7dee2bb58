/**
 * The render worker: lays the summary notes out as DOCX, PDF or Markdown off the main thread. For
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

export type SummaryFormat = 'docx' | 'pdf' | 'markdown';

const extension = extname(fileURLToPath(import.meta.url));

/**
 * The notes with every comment's links cut to http, https and mailto, here rather than where
 * the notes are built: parsing each comment as Markdown costs about 0.1 ms, seconds of CPU for
 * a large consultation.
 */
async function withSafeComments(notes: SummaryNotes): Promise<SummaryNotes> {
  const links = (await import(`./comment-links${extension}`)) as typeof import('./comment-links.js');
  for (const part of notes.parts)
    for (const question of part.questions)
      for (const group of question.groups)
        for (const thread of group.threads)
          for (const comment of thread.comments) comment.text = links.withSafeLinks(comment.text);
  return notes;
}

async function render(format: SummaryFormat, notes: SummaryNotes): Promise<Buffer> {
  if (format === 'docx' || format === 'pdf') {
    const blocks = (await import(`./comment-blocks${extension}`)) as typeof import('./comment-blocks.js');
    if (format === 'pdf') {
      const pdf = (await import(`./summary-pdf${extension}`)) as typeof import('./summary-pdf.js');
      return pdf.renderSummaryPdf(notes, blocks.commentBlocks);
    }
    const docx = (await import(`./summary-docx${extension}`)) as typeof import('./summary-docx.js');
    return docx.renderSummaryDocx(notes, blocks.commentBlocks);
  }
  const markdown = (await import(`./summary-markdown${extension}`)) as typeof import('./summary-markdown.js');
  return Buffer.from(markdown.renderSummaryMarkdown(notes), 'utf8');
}

const { format, notes } = workerData as { format: SummaryFormat; notes: SummaryNotes };
parentPort!.postMessage(await render(format, await withSafeComments(notes)));
