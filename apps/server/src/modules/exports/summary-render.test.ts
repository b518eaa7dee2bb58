import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { commentBlocks } from './comment-blocks.js';
import { renderSummaryDocx } from './summary-docx.js';
import { renderSummaryMarkdown } from './summary-markdown.js';
import type { SummaryNotes } from './summary-notes.model.js';
import { renderSummaryInWorker } from './summary-render.js';

const notes: SummaryNotes = {
  language: 'en',
  title: 'Summary notes: Smart mix',
  preamble: ['Prepared on 2026-03-02 (Europe/Zurich).'],
  parts: [
    {
      heading: 'Session: Scoping',
      intro: [],
      sessionNotes: {
        heading: 'Session notes',
        intro: ['Published 2026-03-02 17:05 (Europe/Zurich). No participant is named.'],
        parts: [{ heading: 'General notes', blocks: [{ type: 'item', text: 'Procurement came up twice.' }] }],
      },
      questions: [
        {
          heading: 'Question 1. What is in scope?',
          intro: [],
          emptyText: null,
          groups: [
            {
              heading: 'Civil society organisation',
              threads: [
                {
                  passage: null,
                  comments: [
                    {
                      label: 'Civil society organisation',
                      text: 'Due diligence **must** cover Ελλάδα and Україна.\n\n- first\n- second',
                    },
                  ],
                  outcome: 'Outcome: Accepted',
                  note: null,
                },
              ],
            },
          ],
        },
      ],
    },
  ],
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

  it('builds a PDF whose text reads as the notes say, light Markdown as formatting, non-Latin scripts kept', async () => {
    const file = await renderSummaryInWorker('pdf', notes);
    expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(file)), { mergePages: true });
    expect(text).toContain('Summary notes: Smart mix');
    expect(text).toContain('Procurement came up twice.');
    expect(text).toContain('Due diligence must cover Ελλάδα and Україна.');
    expect(text).not.toContain('**');
    expect(text).toMatch(/first\s+.*second/s);
    expect(text).toContain('How input was taken into account');
  });
});

describe('renderSummaryDocx', () => {
  const documentXml = async (file: Buffer) =>
    (await JSZip.loadAsync(file)).file('word/document.xml')!.async('string');

  it('lays Arabic out right to left, in paragraphs and tables, in the Arabic language', async () => {
    const file = await renderSummaryDocx({ ...notes, language: 'ar' }, commentBlocks);
    const xml = await documentXml(file);
    const paragraphs = xml.match(/<w:p>|<w:p [^>]*>/g)!;
    expect(xml.match(/<w:bidi\/>/g)).toHaveLength(paragraphs.length);
    expect(xml).toContain('<w:bidiVisual/>');
    const styles = await (await JSZip.loadAsync(file)).file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/<w:lang [^>]*w:bidi="ar-SA"/);
    expect(styles).toContain('<w:rtl/>');
  });

  it('keeps other languages left to right, in their language', async () => {
    const file = await renderSummaryDocx({ ...notes, language: 'fr' }, commentBlocks);
    expect(await documentXml(file)).not.toContain('<w:bidi/>');
    const styles = await (await JSZip.loadAsync(file)).file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/<w:lang [^>]*w:val="fr-FR"/);
  });
});
