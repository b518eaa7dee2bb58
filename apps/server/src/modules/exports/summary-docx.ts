/**
 * Renders the summary notes as DOCX with the `docx` library. Runs in the render worker
 * (summary-render.worker.ts), so it imports only packages, types, and modules it is handed.
 */
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  type IParagraphOptions,
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

/** Word's language tag for each language the notes are written in. */
const WORD_LANGUAGES = {
  ar: 'ar-SA',
  en: 'en-GB',
  es: 'es-ES',
  fr: 'fr-FR',
  ru: 'ru-RU',
  zh: 'zh-CN',
} as const;

/**
 * Whether paragraphs run right to left (Arabic): Word then puts their start, their indents and
 * a table's first column on the right. Each paragraph says so itself, rather than the document
 * defaults, as every reader honours that.
 */
type Direction = { rtl: boolean };

function newParagraph(options: IParagraphOptions, { rtl }: Direction): Paragraph {
  return new Paragraph(rtl ? { ...options, bidirectional: true } : options);
}

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
function commentParagraphs(
  blocks: readonly CommentBlock[],
  lead: TextRun[],
  direction: Direction,
  level = 1,
): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const add = (children: (TextRun | ExternalHyperlink)[], indent: number, hanging = 0) => {
    const opening = paragraphs.length === 0 && level === 1 ? lead : [];
    paragraphs.push(
      newParagraph(
        {
          // Right to left, a comment is indented from the right: Word's start side.
          indent: { [direction.rtl ? 'start' : 'left']: indent, ...(hanging ? { hanging } : {}) },
          children: [...opening, ...children],
        },
        direction,
      ),
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
        for (const paragraph of commentParagraphs(block.blocks, [], direction, level + 1))
          paragraphs.push(paragraph);
        break;
      case 'list':
        block.items.forEach((item, index) => {
          const marker = block.ordered ? `${block.start + index}. ` : '• ';
          const [first, ...rest] = item;
          const runs = first?.kind === 'paragraph' ? first.runs.flatMap(commentRuns) : [];
          add([new TextRun({ text: marker }), ...runs], INDENT * (level + 1), INDENT / 2);
          const after = first?.kind === 'paragraph' ? rest : item;
          for (const paragraph of commentParagraphs(after, [], direction, level + 1))
            paragraphs.push(paragraph);
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

function paragraph(
  text: string,
  direction: Direction,
  style: { bold?: boolean; italics?: boolean } = {},
): Paragraph {
  return newParagraph({ children: runs(text, style) }, direction);
}

function heading(
  text: string,
  level: (typeof HeadingLevel)[keyof typeof HeadingLevel],
  direction: Direction,
): Paragraph {
  return newParagraph({ heading: level, children: runs(text) }, direction);
}

function sessionNotes(notes: SessionNotesText, direction: Direction): Paragraph[] {
  const children = [
    heading(notes.heading, HeadingLevel.HEADING_2, direction),
    ...notes.intro.map((line) => paragraph(line, direction, { italics: true })),
  ];
  for (const part of notes.parts) {
    if (part.heading) children.push(heading(part.heading, HeadingLevel.HEADING_3, direction));
    for (const block of part.blocks) {
      if (block.type === 'item')
        children.push(newParagraph({ bullet: { level: 0 }, children: runs(block.text) }, direction));
      else children.push(paragraph(block.text, direction, { bold: block.type === 'heading' }));
    }
  }
  return children;
}

function table(notesTable: NotesTable, direction: Direction): (Paragraph | Table)[] {
  // Labels on the reading side, figures on the other: Word's start and end when right to left.
  const [labelSide, figureSide] = direction.rtl
    ? [AlignmentType.START, AlignmentType.END]
    : [AlignmentType.LEFT, AlignmentType.RIGHT];
  const row = (cells: string[], isHeader: boolean) =>
    new TableRow({
      tableHeader: isHeader,
      children: cells.map(
        (text, index) =>
          new TableCell({
            children: [
              newParagraph(
                {
                  alignment: index === 0 ? labelSide : figureSide,
                  children: runs(text, { bold: isHeader }),
                },
                direction,
              ),
            ],
          }),
      ),
    });
  return [
    heading(notesTable.heading, HeadingLevel.HEADING_3, direction),
    paragraph(notesTable.caption, direction),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      ...(direction.rtl ? { visuallyRightToLeft: true } : {}),
      rows: [row(notesTable.header, true), ...notesTable.rows.map((cells) => row(cells, false))],
    }),
    ...(notesTable.footnote ? [paragraph(notesTable.footnote, direction, { italics: true })] : []),
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
  const direction: Direction = { rtl: notes.language === 'ar' };
  const children: (Paragraph | Table)[] = [
    newParagraph({ heading: HeadingLevel.TITLE, children: runs(notes.title) }, direction),
    ...notes.preamble.map((line) => paragraph(line, direction)),
  ];
  for (const part of notes.parts) {
    children.push(
      heading(part.heading, HeadingLevel.HEADING_1, direction),
      ...part.intro.map((line) => paragraph(line, direction)),
      ...(part.sessionNotes ? sessionNotes(part.sessionNotes, direction) : []),
    );
    for (const question of part.questions) {
      children.push(
        heading(question.heading, HeadingLevel.HEADING_2, direction),
        ...question.intro.map((line) => paragraph(line, direction)),
      );
      if (question.emptyText) children.push(paragraph(question.emptyText, direction, { italics: true }));
      for (const group of question.groups) {
        children.push(heading(group.heading, HeadingLevel.HEADING_3, direction));
        for (const thread of group.threads) {
          if (thread.passage) children.push(paragraph(thread.passage, direction, { italics: true }));
          for (const comment of thread.comments) {
            children.push(
              ...commentParagraphs(
                blocksOf(comment.text),
                [new TextRun({ text: `${comment.label}: `, bold: true })],
                direction,
              ),
            );
          }
          children.push(
            newParagraph(
              {
                spacing: { after: 240 },
                children: [
                  new TextRun({ text: thread.outcome, bold: true }),
                  ...(thread.note ? [new TextRun({ text: ' ' }), ...runs(thread.note)] : []),
                ],
              },
              direction,
            ),
          );
        }
      }
    }
  }
  children.push(heading(notes.accountHeading, HeadingLevel.HEADING_1, direction));
  for (const notesTable of notes.tables) children.push(...table(notesTable, direction));

  const tag = WORD_LANGUAGES[notes.language];
  const document = new Document({
    title: notes.title,
    creator: 'Consultation Workspace',
    // Spelling, hyphenation and fonts follow the notes' language; Arabic runs are right to left.
    styles: {
      default: {
        document: {
          run: {
            language: { value: tag, eastAsia: tag, bidirectional: tag },
            ...(direction.rtl ? { rightToLeft: true } : {}),
          },
        },
      },
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
