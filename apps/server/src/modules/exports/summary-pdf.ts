/**
 * Renders the summary notes as PDF with `pdfmake` and the Roboto fonts it ships (Latin, Greek,
 * Cyrillic and Vietnamese scripts). Runs in the render worker (summary-render.worker.ts), so it
 * imports only packages, types, and modules it is handed.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import pdfmake, { type Content, type TableCell } from 'pdfmake';
import type { TFontDictionary } from 'pdfmake/interfaces.js';
import type { CommentBlock, CommentRun } from './comment-blocks.js';
import type { NotesTable, SessionNotesText, SummaryNotes } from './summary-notes.model.js';

const require = createRequire(import.meta.url);
const fontFile = require.resolve('pdfmake/fonts/Roboto.js');
const fonts = require(fontFile) as TFontDictionary;

pdfmake.addFonts(fonts);
// The document is built from text alone: it may read the fonts and fetch nothing else.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(dirname(fontFile)));

/** Left indent of a comment, in points; each level of list or quote adds one more. */
const INDENT = 18;

function commentRun(run: CommentRun): Content[] {
  const text = {
    text: run.text,
    bold: run.bold,
    italics: run.italics,
    ...(run.code ? { background: '#eeeeee' } : {}),
    ...(run.link ? { link: run.link, color: '#0b57d0', decoration: 'underline' as const } : {}),
  };
  return run.breakBefore ? ['\n', text] : [text];
}

/** A comment's blocks: its light Markdown as PDF formatting, `lead` opening the first paragraph. */
function commentContent(blocks: readonly CommentBlock[], lead: Content[] = []): Content[] {
  return blocks.map((block, index): Content => {
    const opening = index === 0 ? lead : [];
    switch (block.kind) {
      case 'paragraph':
        return { text: [...opening, ...block.runs.flatMap(commentRun)], margin: [0, 0, 0, 4] };
      case 'code':
        return {
          text: [...opening, { text: block.text, background: '#eeeeee' }],
          preserveLeadingSpaces: true,
          margin: [0, 0, 0, 4],
        };
      case 'quote':
        return {
          stack: [...(opening.length ? [{ text: opening }] : []), ...commentContent(block.blocks)],
          margin: [INDENT, 0, 0, 4],
        };
      case 'list': {
        const items = block.items.map((item) => ({ stack: commentContent(item) }));
        const list = block.ordered ? { ol: items, start: block.start } : { ul: items };
        return { stack: [...(opening.length ? [{ text: opening }] : []), { ...list, margin: [0, 0, 0, 4] }] };
      }
    }
  });
}

/** A session's notes: plain text in paragraphs, headings and bulleted items. */
function sessionNotes(notes: SessionNotesText): Content[] {
  const content: Content[] = [
    { text: notes.heading, style: 'h2' },
    ...notes.intro.map((line): Content => ({ text: line, italics: true, margin: [0, 0, 0, 4] })),
  ];
  for (const part of notes.parts) {
    if (part.heading) content.push({ text: part.heading, style: 'h3' });
    for (const block of part.blocks) {
      if (block.type === 'item') content.push({ ul: [block.text], margin: [0, 0, 0, 2] });
      else content.push({ text: block.text, bold: block.type === 'heading', margin: [0, 0, 0, 4] });
    }
  }
  return content;
}

function table(notesTable: NotesTable): Content[] {
  const cell = (text: string, index: number, isHeader: boolean): TableCell => ({
    text,
    bold: isHeader,
    alignment: index === 0 ? 'left' : 'right',
  });
  return [
    { text: notesTable.heading, style: 'h3' },
    { text: notesTable.caption, margin: [0, 0, 0, 4] },
    {
      table: {
        headerRows: 1,
        widths: ['*', ...notesTable.header.slice(1).map(() => 'auto')],
        body: [
          notesTable.header.map((text, index) => cell(text, index, true)),
          ...notesTable.rows.map((cells) => cells.map((text, index) => cell(text, index, false))),
        ],
      },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 4],
    },
    ...(notesTable.footnote ? [{ text: notesTable.footnote, italics: true }] : []),
  ];
}

/**
 * The summary notes as a PDF file; `blocksOf` reads a comment's light Markdown (comment-blocks.ts,
 * handed in so that the worker loads it).
 */
export function renderSummaryPdf(
  notes: SummaryNotes,
  blocksOf: (markdown: string) => CommentBlock[],
): Promise<Buffer> {
  const content: Content[] = [
    { text: notes.title, style: 'title' },
    ...notes.preamble.map((line): Content => ({ text: line, margin: [0, 0, 0, 4] })),
  ];
  for (const part of notes.parts) {
    content.push({ text: part.heading, style: 'h1' }, ...part.intro.map((line): Content => ({ text: line })));
    if (part.sessionNotes) content.push(...sessionNotes(part.sessionNotes));
    for (const question of part.questions) {
      content.push(
        { text: question.heading, style: 'h2' },
        ...question.intro.map((line): Content => ({ text: line })),
      );
      if (question.emptyText) content.push({ text: question.emptyText, italics: true });
      for (const group of question.groups) {
        content.push({ text: group.heading, style: 'h3' });
        for (const thread of group.threads) {
          if (thread.passage) content.push({ text: thread.passage, italics: true, margin: [0, 0, 0, 4] });
          for (const comment of thread.comments) {
            content.push({
              stack: commentContent(blocksOf(comment.text), [{ text: `${comment.label}: `, bold: true }]),
              margin: [INDENT, 0, 0, 0],
            });
          }
          content.push({
            text: [{ text: thread.outcome, bold: true }, ...(thread.note ? [' ', thread.note] : [])],
            margin: [0, 0, 0, 10],
          });
        }
      }
    }
  }
  content.push({ text: notes.accountHeading, style: 'h1' });
  for (const notesTable of notes.tables) content.push(...table(notesTable));

  return pdfmake
    .createPdf({
      info: { title: notes.title, creator: 'Consultation Workspace', producer: 'Consultation Workspace' },
      defaultStyle: { font: 'Roboto', fontSize: 10 },
      styles: {
        title: { fontSize: 20, bold: true, margin: [0, 0, 0, 10] },
        h1: { fontSize: 16, bold: true, margin: [0, 14, 0, 6] },
        h2: { fontSize: 13, bold: true, margin: [0, 10, 0, 4] },
        h3: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] },
      },
      content,
    })
    .getBuffer();
}
