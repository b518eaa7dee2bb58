/**
 * Renders the summary notes as DOCX with the `docx` library. Runs in the render worker
 * (summary-render.worker.ts), so it imports only `docx` and types.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { NotesTable, SessionNotesText, SummaryNotes } from './summary-notes.model.js';

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

/** The summary notes as a DOCX file. */
export async function renderSummaryDocx(notes: SummaryNotes): Promise<Buffer> {
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
              new Paragraph({
                indent: { left: 360 },
                children: [new TextRun({ text: `${comment.label}: `, bold: true }), ...runs(comment.text)],
              }),
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
