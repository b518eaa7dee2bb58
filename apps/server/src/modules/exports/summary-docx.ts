/**
 * Renders the summary notes as DOCX with the `docx` library. Runs in the render worker
 * (summary-render.worker.ts), so it imports only packages, types, and modules it is handed.
 */
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { CommentBlock, CommentRun } from './comment-blocks.js';
import type { NotesTable, SessionNotesText, SummaryNotes } from './summary-notes.model.js';

/** Left indent of a comment, in twentieths of a point; each level of list or quote adds one more. */
const INDENT = 360;

/** A comment's run as Word runs: its formatting, its line breaks, and its link. */
function commentRuns(run: CommentRun): (TextRun | ExternalHyperlink)[] {
  const lines = run.text.split(/\r\n|\r|\n/);
  const textRuns = lines.map(
    (line, index) =>
      new TextRun({
        text: line,
        bold: run.bold,
        italics: run.italics,
        ...(run.code ? { font: 'Courier New' } : {}),
        ...(run.link ? { style: 'Hyperlink' } : {}),
        ...(index > 0 || (index === 0 && run.breakBefore) ? { break: 1 } : {}),
      }),
  );
  return run.link ? [new ExternalHyperlink({ link: run.link, children: textRuns })] : textRuns;
}

/**
 * A comment's blocks as indented paragraphs, its light Markdown as Word formatting (bold,
 * italics, links, lists, code, quotes); `lead` (the author's label) opens the first paragraph.
 */
function commentParagraphs(blocks: readonly CommentBlock[], lead: TextRun[], level = 1): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const add = (children: (TextRun | ExternalHyperlink)[], indent: number, hanging = 0) => {
    const opening = paragraphs.length === 0 && level === 1 ? lead : [];
    paragraphs.push(
      new Paragraph({
        indent: { left: indent, ...(hanging ? { hanging } : {}) },
        children: [...opening, ...children],
      }),
    );
  };
  for (const block of blocks) {
    switch (block.kind) {
      case 'paragraph':
        add(block.runs.flatMap(commentRuns), INDENT * level);
        break;
      case 'code':
        add(commentRuns({ text: block.text, code: true }), INDENT * level);
        break;
      case 'quote':
        for (const paragraph of commentParagraphs(block.blocks, [], level + 1)) paragraphs.push(paragraph);
        break;
      case 'list':
        block.items.forEach((item, index) => {
          const marker = block.ordered ? `${block.start + index}. ` : '• ';
          const [first, ...rest] = item;
          const runs = first?.kind === 'paragraph' ? first.runs.flatMap(commentRuns) : [];
          add([new TextRun({ text: marker }), ...runs], INDENT * (level + 1), INDENT / 2);
          const after = first?.kind === 'paragraph' ? rest : item;
          for (const paragraph of commentParagraphs(after, [], level + 1)) paragraphs.push(paragraph);
        });
        break;
    }
  }
  if (paragraphs.length === 0) add([], INDENT * level);
  return paragraphs;
}

/** Text with its line breaks kept as Word line breaks. */
function runs(text: string, style: { bold?: boolean; italics?: boolean } = {}): TextRun[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line, index) => new TextRun({ text: line, ...style, ...(index > 0 ? { break: 1 } : {}) }));
}

function paragraph(text: string, style: { bold?: boolean; italics?: boolean } = {}): Paragraph {
  return new Paragraph({ children: runs(text, style) });
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
  return new Paragraph({ heading: level, children: runs(text) });
}

function sessionNotes(notes: SessionNotesText): Paragraph[] {
  const children = [
    heading(notes.heading, HeadingLevel.HEADING_2),
    ...notes.intro.map((line) => paragraph(line, { italics: true })),
  ];
  for (const part of notes.parts) {
    if (part.heading) children.push(heading(part.heading, HeadingLevel.HEADING_3));
    for (const block of part.blocks) {
      if (block.type === 'item')
        children.push(new Paragraph({ bullet: { level: 0 }, children: runs(block.text) }));
      else children.push(paragraph(block.text, { bold: block.type === 'heading' }));
    }
  }
  return children;
}

function table(notesTable: NotesTable): (Paragraph | Table)[] {
  const row = (cells: string[], isHeader: boolean) =>
    new TableRow({
      tableHeader: isHeader,
      children: cells.map(
        (text, index) =>
          new TableCell({
            children: [
              new Paragraph({
                alignment: index === 0 ? AlignmentType.LEFT : AlignmentType.RIGHT,
                children: runs(text, { bold: isHeader }),
              }),
            ],
          }),
      ),
    });
  return [
    heading(notesTable.heading, HeadingLevel.HEADING_3),
    paragraph(notesTable.caption),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [row(notesTable.header, true), ...notesTable.rows.map((cells) => row(cells, false))],
    }),
    ...(notesTable.footnote ? [paragraph(notesTable.footnote, { italics: true })] : []),
  ];
}

/**
 * The summary notes as a DOCX file; `blocksOf` reads a comment's light Markdown (comment-blocks.ts,
 * handed in so that the worker loads it).
 */
export async function renderSummaryDocx(
  notes: SummaryNotes,
  blocksOf: (markdown: string) => CommentBlock[],
): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: runs(notes.title) }),
    ...notes.preamble.map((line) => paragraph(line)),
  ];
  for (const part of notes.parts) {
    children.push(
      heading(part.heading, HeadingLevel.HEADING_1),
      ...part.intro.map((line) => paragraph(line)),
      ...(part.sessionNotes ? sessionNotes(part.sessionNotes) : []),
    );
    for (const question of part.questions) {
      children.push(
        heading(question.heading, HeadingLevel.HEADING_2),
        ...question.intro.map((line) => paragraph(line)),
      );
      if (question.emptyText) children.push(paragraph(question.emptyText, { italics: true }));
      for (const group of question.groups) {
        children.push(heading(group.heading, HeadingLevel.HEADING_3));
        for (const thread of group.threads) {
          if (thread.passage) children.push(paragraph(thread.passage, { italics: true }));
          for (const comment of thread.comments) {
            children.push(
              ...commentParagraphs(blocksOf(comment.text), [
                new TextRun({ text: `${comment.label}: `, bold: true }),
              ]),
            );
          }
          children.push(
            new Paragraph({
              spacing: { after: 240 },
              children: [
                new TextRun({ text: thread.outcome, bold: true }),
                ...(thread.note ? [new TextRun({ text: ' ' }), ...runs(thread.note)] : []),
              ],
            }),
          );
        }
      }
    }
  }
  children.push(heading(notes.accountHeading, HeadingLevel.HEADING_1));
  for (const notesTable of notes.tables) children.push(...table(notesTable));

  const document = new Document({
    title: notes.title,
    creator: 'Consultation Workspace',
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
