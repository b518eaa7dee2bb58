import { MAX_BLOCK_DEPTH, paperBlock, type PaperBlock } from '@cw/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { blocksToPlainText, fragmentToBlocks } from './paper-blocks.js';

type Child = Y.XmlElement | Y.XmlText;

function element(name: string, children: Child[] = [], attributes: Record<string, unknown> = {}) {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value as string);
  node.insert(0, children);
  return node;
}

/** Text with formatting, as the editor stores it: inserts carrying mark attributes. */
function text(...pieces: Array<string | [string, Record<string, unknown>]>): Y.XmlText {
  const node = new Y.XmlText();
  let offset = 0;
  for (const piece of pieces) {
    const [value, marks] = typeof piece === 'string' ? [piece, {}] : piece;
    node.insert(offset, value, marks);
    offset += value.length;
  }
  return node;
}

/** Builds a section fragment from `children` in a fresh document and converts it. */
function convert(children: Child[]): PaperBlock[] {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('section:test');
  fragment.insert(0, children);
  const blocks = fragmentToBlocks(fragment);
  doc.destroy();
  return blocks;
}

describe('fragmentToBlocks', () => {
  it('keeps paragraphs, headings and marks', () => {
    const blocks = convert([
      element('heading', [text('Scope')], { level: 2 }),
      element('paragraph', [
        text('The ', ['State duty', { bold: {} }], ' to ', ['protect', { bold: {}, italic: {} }], '.'),
      ]),
    ]);
    expect(blocks).toEqual([
      { type: 'heading', level: 2, content: [{ text: 'Scope', marks: [] }] },
      {
        type: 'paragraph',
        content: [
          { text: 'The ', marks: [] },
          { text: 'State duty', marks: [{ type: 'bold' }] },
          { text: ' to ', marks: [] },
          { text: 'protect', marks: [{ type: 'bold' }, { type: 'italic' }] },
          { text: '.', marks: [] },
        ],
      },
    ]);
    for (const block of blocks) expect(paperBlock.safeParse(block).success).toBe(true);
  });

  it('keeps lists, quotes and tables with their spans and start numbers', () => {
    const cell = (type: string, value: string, attributes = {}) =>
      element(type, [element('paragraph', [text(value)])], attributes);
    const blocks = convert([
      element('orderedList', [element('listItem', [element('paragraph', [text('Scoping')])])], { start: 3 }),
      element('bulletList', [
        element('listItem', [
          element('paragraph', [text('Outer')]),
          element('bulletList', [element('listItem', [element('paragraph', [text('Inner')])])]),
        ]),
      ]),
      element('blockquote', [element('paragraph', [text('Quoted')])]),
      element('table', [
        element('tableRow', [cell('tableHeader', 'Step'), cell('tableHeader', 'Question')]),
        element('tableRow', [cell('tableCell', 'Design', { colspan: 2, rowspan: 1 })]),
      ]),
      element('horizontalRule'),
    ]);
    const paragraph = (value: string) => ({ type: 'paragraph', content: [{ text: value, marks: [] }] });
    expect(blocks).toEqual([
      { type: 'orderedList', start: 3, children: [{ type: 'listItem', children: [paragraph('Scoping')] }] },
      {
        type: 'bulletList',
        children: [
          {
            type: 'listItem',
            children: [
              paragraph('Outer'),
              { type: 'bulletList', children: [{ type: 'listItem', children: [paragraph('Inner')] }] },
            ],
          },
        ],
      },
      { type: 'blockquote', children: [paragraph('Quoted')] },
      {
        type: 'table',
        children: [
          {
            type: 'tableRow',
            children: [
              { type: 'tableHeader', children: [paragraph('Step')] },
              { type: 'tableHeader', children: [paragraph('Question')] },
            ],
          },
          {
            type: 'tableRow',
            children: [{ type: 'tableCell', colspan: 2, children: [paragraph('Design')] }],
          },
        ],
      },
      { type: 'horizontalRule' },
    ]);
    for (const block of blocks) expect(paperBlock.safeParse(block).success).toBe(true);
  });

  it('keeps safe links and drops script links, unknown marks and unknown attributes', () => {
    const [block] = convert([
      element(
        'paragraph',
        [
          text(
            ['UNGPs', { link: { href: 'https://www.ohchr.org/ungps', onclick: 'steal()' } }],
            ' ',
            ['click', { link: { href: 'javascript:alert(1)' } }],
            ' ',
            ['styled', { textStyle: { color: 'red' }, 'bold--a1b2': {} }],
          ),
        ],
        { style: 'position:fixed', class: 'evil' },
      ),
    ]);
    expect(block).toEqual({
      type: 'paragraph',
      content: [
        { text: 'UNGPs', marks: [{ type: 'link', href: 'https://www.ohchr.org/ungps' }] },
        { text: ' click ', marks: [] },
        { text: 'styled', marks: [{ type: 'bold' }] },
      ],
    });
  });

  it('reads line breaks, unknown inline nodes and unknown blocks as text', () => {
    const blocks = convert([
      element('paragraph', [
        text('First line'),
        element('hardBreak'),
        text('second '),
        element('mention', [text('@Ana')]),
      ]),
      element('details', [element('paragraph', [text('Hidden detail')])]),
      element('taskList', [element('taskItem', [element('paragraph', [text('Check')])], { checked: true })]),
      element('heading', [text('Odd level')], { level: 42 }),
    ]);
    expect(blocks).toEqual([
      { type: 'paragraph', content: [{ text: 'First line\nsecond @Ana', marks: [] }] },
      { type: 'paragraph', content: [{ text: 'Hidden detail', marks: [] }] },
      {
        type: 'bulletList',
        children: [
          { type: 'listItem', children: [{ type: 'paragraph', content: [{ text: 'Check', marks: [] }] }] },
        ],
      },
      { type: 'heading', level: 6, content: [{ text: 'Odd level', marks: [] }] },
    ]);
  });

  it('lifts content nested deeper than the model allows', () => {
    let node = element('paragraph', [text('Deep text')]);
    for (let level = 0; level < 200; level += 1)
      node = element(level % 2 ? 'bulletList' : 'listItem', [node]);
    const blocks = convert([node]);
    let depth = 1;
    let block: PaperBlock = blocks[0]!;
    while ('children' in block) {
      block = block.children[0]!;
      depth += 1;
    }
    expect(depth).toBe(MAX_BLOCK_DEPTH);
    expect(block).toEqual({ type: 'paragraph', content: [{ text: 'Deep text', marks: [] }] });
    expect(paperBlock.safeParse(blocks[0]).success).toBe(true);
  });
});

describe('blocksToPlainText', () => {
  it('puts every text block on its own line in reading order', () => {
    const blocks = convert([
      element('heading', [text('Scope')], { level: 2 }),
      element('bulletList', [
        element('listItem', [element('paragraph', [text('One')])]),
        element('listItem', [element('paragraph', [text('Two ', ['bold', { bold: {} }])])]),
      ]),
      element('horizontalRule'),
      element('paragraph', [text('End.')]),
    ]);
    expect(blocksToPlainText(blocks)).toBe('Scope\nOne\nTwo bold\nEnd.');
  });
});
