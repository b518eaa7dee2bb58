import {
  CONTAINER_BLOCK_TYPES,
  type ContainerBlockType,
  isAllowedLinkAddress,
  MAX_BLOCK_DEPTH,
  type PaperBlock,
  SIMPLE_MARKS,
  type SimpleMark,
  type TextMark,
  type TextRun,
} from '@cw/shared';
import * as Y from 'yjs';

type XmlNode = Y.XmlElement | Y.XmlText | Y.XmlHook;

/** Editor nodes read as the nearest node of the model. */
const ALIASES: Readonly<Record<string, ContainerBlockType>> = {
  taskList: 'bulletList',
  taskItem: 'listItem',
};
/** Largest start number, column span or row span taken from a node's attributes. */
const MAX_NUMERIC_ATTRIBUTE = 10_000;

const isSimpleMark = (name: string): name is SimpleMark => (SIMPLE_MARKS as readonly string[]).includes(name);
const isContainer = (name: string): name is ContainerBlockType =>
  (CONTAINER_BLOCK_TYPES as readonly string[]).includes(name);

function safeHref(value: unknown): string | undefined {
  const href = (value as { href?: unknown } | null)?.href;
  return typeof href === 'string' && isAllowedLinkAddress(href) ? href : undefined;
}

/** Delta attributes → marks, keeping only known marks and safe links, in a stable order. */
function marksOf(attributes: Record<string, unknown> | undefined): TextMark[] {
  const marks = new Map<string, TextMark>();
  for (const [key, value] of Object.entries(attributes ?? {})) {
    // Overlapping marks of one type are stored as `<type>--<hash>`.
    const name = key.split('--')[0]!;
    if (isSimpleMark(name)) marks.set(name, { type: name });
    const href = name === 'link' ? safeHref(value) : undefined;
    if (href) marks.set('link', { type: 'link', href });
  }
  return [...marks.keys()].sort().map((name) => marks.get(name)!);
}

const sameMarks = (a: TextMark[], b: TextMark[]) => JSON.stringify(a) === JSON.stringify(b);

/** The string pieces of one text node with their marks (embedded objects carry no text). */
function textRuns(node: Y.XmlText): TextRun[] {
  const delta = node.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>;
  return delta.flatMap((op) =>
    typeof op.insert === 'string' && op.insert !== ''
      ? [{ text: op.insert, marks: marksOf(op.attributes) }]
      : [],
  );
}

/** The text runs of a text block; inline nodes other than line breaks give their text. */
function runsOf(block: Y.XmlElement): TextRun[] {
  const runs: TextRun[] = [];
  const push = (run: TextRun) => {
    if (run.text === '') return;
    const last = runs.at(-1);
    if (last && sameMarks(last.marks, run.marks)) last.text += run.text;
    else runs.push(run);
  };
  // Depth-first with an explicit stack: inline nesting is not bounded by the editor's schema.
  const stack: XmlNode[] = block.toArray().reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node instanceof Y.XmlText) textRuns(node).forEach(push);
    else if (node instanceof Y.XmlElement) {
      if (node.nodeName === 'hardBreak') push({ text: '\n', marks: [] });
      else stack.push(...node.toArray().reverse());
    }
  }
  return runs;
}

function boundedInt(value: unknown, min: number): number | undefined {
  const number = Number(value);
  return Number.isInteger(number) && number >= min && number <= MAX_NUMERIC_ATTRIBUTE ? number : undefined;
}

function headingLevel(value: unknown): number {
  const level = Number(value);
  return Number.isInteger(level) ? Math.min(6, Math.max(1, level)) : 1;
}

/** Every text block inside `node`, in order, as paragraphs (for content the model cannot nest). */
function liftedText(node: Y.XmlElement): PaperBlock[] {
  const blocks: PaperBlock[] = [];
  const stack: XmlNode[] = node.toArray().reverse();
  while (stack.length > 0) {
    const child = stack.pop()!;
    if (!(child instanceof Y.XmlElement)) continue;
    if (['paragraph', 'heading', 'codeBlock'].includes(child.nodeName))
      blocks.push({ type: 'paragraph', content: runsOf(child) });
    else stack.push(...child.toArray().reverse());
  }
  return blocks;
}

function container(type: ContainerBlockType, node: Y.XmlElement, depth: number): PaperBlock {
  const block: PaperBlock = { type, children: blocksOf(node.toArray(), depth + 1) };
  if (type === 'orderedList') {
    const start = boundedInt(node.getAttribute('start'), 0);
    if (start !== undefined) block.start = start;
  }
  if (type === 'tableCell' || type === 'tableHeader') {
    const colspan = boundedInt(node.getAttribute('colspan'), 1);
    const rowspan = boundedInt(node.getAttribute('rowspan'), 1);
    if (colspan !== undefined && colspan > 1) block.colspan = colspan;
    if (rowspan !== undefined && rowspan > 1) block.rowspan = rowspan;
  }
  return block;
}

function blocksOf(nodes: XmlNode[], depth: number): PaperBlock[] {
  const blocks: PaperBlock[] = [];
  for (const node of nodes) {
    if (node instanceof Y.XmlText) {
      // Text straight inside a section or container: shown as its own paragraph.
      const content = textRuns(node);
      if (content.length > 0) blocks.push({ type: 'paragraph', content });
      continue;
    }
    if (!(node instanceof Y.XmlElement)) continue;
    const name = ALIASES[node.nodeName] ?? node.nodeName;
    if (name === 'paragraph' || name === 'codeBlock') blocks.push({ type: name, content: runsOf(node) });
    else if (name === 'heading')
      blocks.push({
        type: 'heading',
        level: headingLevel(node.getAttribute('level')),
        content: runsOf(node),
      });
    else if (name === 'horizontalRule') blocks.push({ type: 'horizontalRule' });
    else if (isContainer(name) && depth < MAX_BLOCK_DEPTH) blocks.push(container(name, node, depth));
    else blocks.push(...liftedText(node));
  }
  return blocks;
}

/**
 * A section's editor content as the read-only block model (see `paperBlock` in the shared
 * schemas): only known node types, marks and attributes; links only to http(s) and mailto.
 */
export function fragmentToBlocks(fragment: Y.XmlFragment): PaperBlock[] {
  return blocksOf(fragment.toArray(), 1);
}

/** The plain text of blocks: one line per text block, in reading order. */
export function blocksToPlainText(blocks: PaperBlock[]): string {
  const lines: string[] = [];
  const visit = (block: PaperBlock) => {
    if ('content' in block) lines.push(block.content.map((run) => run.text).join(''));
    else if ('children' in block) block.children.forEach(visit);
  };
  blocks.forEach(visit);
  return lines.join('\n');
}
