import { describe, expect, it } from 'vitest';
import { commentBlocks } from './comment-blocks.js';

describe('commentBlocks', () => {
  it('keeps plain text as paragraphs with their line breaks, without parsing it', () => {
    expect(commentBlocks('First line\nsecond line\n\nNew paragraph')).toEqual([
      {
        kind: 'paragraph',
        runs: [
          { text: 'First line', breakBefore: false },
          { text: 'second line', breakBefore: true },
        ],
      },
      { kind: 'paragraph', runs: [{ text: 'New paragraph', breakBefore: false }] },
    ]);
  });

  it('reads emphasis, strong, code and links as formatting', () => {
    expect(commentBlocks('States **must** act, see [the UNGPs](https://ohchr.org) and `Art. 2`.')).toEqual([
      {
        kind: 'paragraph',
        runs: [
          { text: 'States ' },
          { text: 'must', bold: true },
          { text: ' act, see ' },
          { text: 'the UNGPs', link: 'https://ohchr.org' },
          { text: ' and ' },
          { text: 'Art. 2', code: true },
          { text: '.' },
        ],
      },
    ]);
    expect(commentBlocks('*very* **_both_**')[0]).toEqual({
      kind: 'paragraph',
      runs: [{ text: 'very', italics: true }, { text: ' ' }, { text: 'both', bold: true, italics: true }],
    });
  });

  it('reads lists, quotes and code blocks as blocks', () => {
    expect(commentBlocks('3. third\n4. fourth\n\n> quoted\n\n```\ncode\n```')).toEqual([
      {
        kind: 'list',
        ordered: true,
        start: 3,
        items: [
          [{ kind: 'paragraph', runs: [{ text: 'third' }] }],
          [{ kind: 'paragraph', runs: [{ text: 'fourth' }] }],
        ],
      },
      { kind: 'quote', blocks: [{ kind: 'paragraph', runs: [{ text: 'quoted' }] }] },
      { kind: 'code', text: 'code' },
    ]);
  });

  it('keeps the text of what the app does not render: headings, images, raw HTML', () => {
    expect(commentBlocks('# Title\n\n![a chart](https://example.org/c.png) <b>x</b>')).toEqual([
      { kind: 'paragraph', runs: [{ text: 'Title' }] },
      {
        kind: 'paragraph',
        runs: [{ text: 'a chart' }, { text: ' ' }, { text: '<b>' }, { text: 'x' }, { text: '</b>' }],
      },
    ]);
  });
});
