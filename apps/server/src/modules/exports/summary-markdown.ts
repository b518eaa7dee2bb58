import type { NotesTable, SessionNotesText, SummaryNotes } from './summary-notes.model.js';

/** Characters with a meaning in Markdown inline text, escaped where we write labels and headings. */
const INLINE_SPECIAL = /[\\`*_[\]<>#|~]/g;

/** One line of literal text: no Markdown syntax or HTML from it takes effect. */
export function escapeInline(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(INLINE_SPECIAL, (char) => `\\${char}`);
}

/**
 * A comment as a block quote. Comments are light Markdown, so their formatting is kept; only
 * HTML is neutralised (a Markdown viewer must never run markup a participant typed).
 */
function quoteBlock(text: string): string[] {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .split(/\r\n|\r|\n/)
    .map((line) => (line.length > 0 ? `> ${line}` : '>'));
}

/**
 * A line of plain text at the start of a block: literal as inline text, and a leading list marker,
 * thematic break or heading underline taken literally too.
 */
function literalLine(line: string): string {
  return escapeInline(line.trim())
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A session's notes: plain text, so every character is literal; line breaks kept. */
function sessionNotes(notes: SessionNotesText): string[] {
  const literal = (text: string) =>
    text
      .split(/\r\n|\r|\n/)
      .map(literalLine)
      .join('\\\n');
  const lines = [`### ${escapeInline(notes.heading)}`, ''];
  for (const line of notes.intro) lines.push(`_${escapeInline(line)}_`, '');
  for (const part of notes.parts) {
    if (part.heading) lines.push(`#### ${escapeInline(part.heading)}`, '');
    for (const [index, block] of part.blocks.entries()) {
      if (block.type !== 'item')
        lines.push(block.type === 'heading' ? `**${literal(block.text)}**` : literal(block.text), '');
      else {
        lines.push(`- ${literal(block.text)}`);
        // A list ends with a blank line, or what follows would continue its last item.
        if (part.blocks[index + 1]?.type !== 'item') lines.push('');
      }
    }
  }
  return lines;
}

function table(notesTable: NotesTable): string[] {
  const row = (cells: string[]) => `| ${cells.map(escapeInline).join(' | ')} |`;
  return [
    `### ${escapeInline(notesTable.heading)}`,
    '',
    escapeInline(notesTable.caption),
    '',
    row(notesTable.header),
    `|${notesTable.header.map((_, index) => (index === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
    ...notesTable.rows.map(row),
    ...(notesTable.footnote ? ['', `_${escapeInline(notesTable.footnote)}_`] : []),
    '',
  ];
}

/** The summary notes as CommonMark with GitHub tables. */
export function renderSummaryMarkdown(notes: SummaryNotes): string {
  const lines: string[] = [`# ${escapeInline(notes.title)}`, ''];
  for (const line of notes.preamble) lines.push(escapeInline(line), '');
  for (const part of notes.parts) {
    lines.push(`## ${escapeInline(part.heading)}`, '');
    for (const line of part.intro) lines.push(escapeInline(line), '');
    if (part.sessionNotes) lines.push(...sessionNotes(part.sessionNotes));
    for (const question of part.questions) {
      lines.push(`### ${escapeInline(question.heading)}`, '');
      for (const line of question.intro) lines.push(escapeInline(line), '');
      if (question.emptyText) lines.push(`_${escapeInline(question.emptyText)}_`, '');
      for (const group of question.groups) {
        lines.push(`#### ${escapeInline(group.heading)}`, '');
        for (const thread of group.threads) {
          if (thread.passage) lines.push(`_${escapeInline(thread.passage)}_`, '');
          for (const comment of thread.comments) {
            lines.push(`**${escapeInline(comment.label)}:**`, '', ...quoteBlock(comment.text), '');
          }
          lines.push(
            `**${escapeInline(thread.outcome)}**${thread.note ? ` ${escapeInline(thread.note)}` : ''}`,
            '',
          );
          lines.push('---', '');
        }
      }
    }
  }
  lines.push(`## ${escapeInline(notes.accountHeading)}`, '');
  for (const notesTable of notes.tables) lines.push(...table(notesTable));
  return lines.join('\n');
}
