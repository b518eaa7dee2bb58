import {
  type NoteBlock,
  NOTES_GENERAL_FRAGMENT,
  notesQuestionFragmentName,
  type PublishedNotesText,
} from '@cw/shared';
import * as Y from 'yjs';

/** A guiding question of the session, as its notes are headed. */
export interface NotesQuestion {
  id: string;
  number: number;
  text: string;
}

/** Nodes whose text is one block of that kind; lists give their items' paragraphs as items. */
const TEXT_BLOCKS: Readonly<Record<string, NoteBlock['type']>> = {
  paragraph: 'paragraph',
  heading: 'heading',
  codeBlock: 'paragraph',
};

/** The text of a text block: its runs joined, a line break where the editor has one. */
function textOf(element: Y.XmlElement): string {
  let text = '';
  // Depth-first with an explicit stack: inline nesting is not bounded by what a client may send.
  const stack: Array<Y.XmlElement | Y.XmlText | Y.XmlHook> = element.toArray().reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node instanceof Y.XmlText) {
      for (const op of node.toDelta() as Array<{ insert: unknown }>) {
        if (typeof op.insert === 'string') text += op.insert;
      }
    } else if (node instanceof Y.XmlElement) {
      if (node.nodeName === 'hardBreak') text += '\n';
      else stack.push(...node.toArray().reverse());
    }
  }
  return text.trim();
}

/**
 * One fragment of the notes as plain blocks, in reading order: paragraphs and headings as they
 * are, every list item's paragraphs as items (nested lists flattened), anything else read for the
 * text blocks inside it. Formatting and links are left out; empty blocks too.
 */
export function fragmentBlocks(fragment: Y.XmlFragment): NoteBlock[] {
  const blocks: NoteBlock[] = [];
  const visit = (nodes: Array<Y.XmlElement | Y.XmlText | Y.XmlHook>, inItem: boolean) => {
    for (const node of nodes) {
      if (node instanceof Y.XmlText) {
        const text = node.toString().trim();
        if (text) blocks.push({ type: inItem ? 'item' : 'paragraph', text });
        continue;
      }
      if (!(node instanceof Y.XmlElement)) continue;
      const type = TEXT_BLOCKS[node.nodeName];
      if (type) {
        const text = textOf(node);
        if (text) blocks.push({ type: inItem && type === 'paragraph' ? 'item' : type, text });
      } else {
        visit(node.toArray(), inItem || node.nodeName === 'listItem');
      }
    }
  };
  visit(fragment.toArray(), false);
  return blocks;
}

/** A session's notes (one Yjs update) as plain blocks per guiding question, in question order, and general notes. */
export function notesText(state: Uint8Array, questions: readonly NotesQuestion[]): PublishedNotesText {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return {
      questions: questions.map((question) => ({
        questionId: question.id,
        number: question.number,
        text: question.text,
        blocks: fragmentBlocks(doc.getXmlFragment(notesQuestionFragmentName(question.id))),
      })),
      general: fragmentBlocks(doc.getXmlFragment(NOTES_GENERAL_FRAGMENT)),
    };
  } finally {
    doc.destroy();
  }
}

/** Whether the notes say anything at all. */
export function hasText(notes: PublishedNotesText): boolean {
  return notes.general.length > 0 || notes.questions.some((question) => question.blocks.length > 0);
}
