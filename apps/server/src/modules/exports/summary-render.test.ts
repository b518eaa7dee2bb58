import { describe, expect, it } from 'vitest';
import { renderSummaryMarkdown } from './summary-markdown.js';
import type { SummaryNotes } from './summary-notes.model.js';
import { renderSummaryInWorker } from './summary-render.js';

const notes: SummaryNotes = {
  title: 'Summary notes: Smart mix',
  preamble: ['Prepared on 2026-03-02 (Europe/Zurich).'],
  parts: [],
  accountHeading: 'How input was taken into account',
  tables: [
    {
      heading: 'Input',
      caption: 'Comments',
      header: ['Question', 'Total'],
      rows: [['Total', '0']],
      footnote: null,
    },
  ],
};

describe('renderSummaryInWorker', () => {
  it('lays Markdown out in a worker exactly as the renderer does', async () => {
    const bytes = await renderSummaryInWorker('markdown', notes);
    expect(bytes.toString('utf8')).toBe(renderSummaryMarkdown(notes));
  });

  it('builds DOCX files, several at once, each a complete zip', async () => {
    const files = await Promise.all([1, 2, 3].map(() => renderSummaryInWorker('docx', notes)));
    for (const file of files) {
      expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
      expect(file.includes(Buffer.from('word/document.xml'))).toBe(true);
    }
  });
});
