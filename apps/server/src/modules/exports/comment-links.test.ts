import { describe, expect, it } from 'vitest';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes } from 'mdast';
import { withSafeLinks } from './comment-links.js';

/** Every link target a CommonMark viewer would find in `markdown`. */
function targets(markdown: string): string[] {
  const found: string[] = [];
  const visit = (node: Nodes) => {
    if ('url' in node) found.push(node.url);
    if ('children' in node) node.children.forEach(visit);
  };
  visit(fromMarkdown(markdown));
  return found;
}

describe('withSafeLinks', () => {
  it('keeps http, https and mailto links and all other formatting as typed', () => {
    const text = '**Yes**, see [OHCHR](https://www.ohchr.org/) or <mailto:btech@ohchr.org>.\n\n- one\n- two';
    expect(withSafeLinks(text)).toBe(text);
  });

  it.each([
    ['[click](javascript:alert(1))', 'click'],
    ['[click](JavaScript:alert(1))', 'click'],
    ['[click]( javascript:alert(1) "title")', 'click'],
    ['[click](javascript&#58;alert(1))', 'click'],
    ['[click](&#x6A;avascript:alert(1))', 'click'],
    ['[click](<javascript:alert(1)>)', 'click'],
    ['[**bold** click](vbscript:msgbox)', '**bold** click'],
    ['[data](data:text/html,<script>alert(1)</script>)', 'data'],
    ['![tracker](javascript:alert(1))', 'tracker'],
    ['![pixel](https://example.org/p.png)', 'pixel'],
    ['<javascript:alert(1)>', 'javascript:alert(1)'],
    ['[relative](/consultations)', 'relative'],
  ])('takes the link out of %s, keeping its text', (input, kept) => {
    const safe = withSafeLinks(`Before ${input} after`);
    expect(targets(safe).filter((target) => !target.startsWith('https:'))).toEqual([]);
    expect(safe).toBe(`Before ${kept} after`);
  });

  it('removes link definitions to other schemes, so no comment can point a reference there', () => {
    const safe = withSafeLinks('See [the report][r].\n\n[r]: javascript:alert(1)\n[ok]: https://example.org');
    expect(targets(safe)).toEqual(['https://example.org']);
    expect(safe).not.toContain('javascript');
    // A reference another comment makes to the label now resolves nowhere.
    expect(targets(`${safe}\n\nAnd [here][r].`)).toEqual(['https://example.org']);
  });

  it('shows a comment whose links keep forming anew as plain text', () => {
    const nested = '[[[[[x](javascript:a)](javascript:b)](javascript:c)](javascript:d)](javascript:e)';
    const safe = withSafeLinks(nested);
    expect(targets(safe)).toEqual([]);
    expect(safe).toContain('javascript:e');
  });

  it('shows referenced images as their description', () => {
    expect(withSafeLinks('![pixel][p]\n\n[p]: https://example.org/p.png')).toBe(
      'pixel\n\n[p]: https://example.org/p.png',
    );
  });

  it('removes links that the removal of an inner one would let form', () => {
    const safe = withSafeLinks('[[x](javascript:a)](javascript:b) and [a](https://ok.example.org)');
    expect(targets(safe)).toEqual(['https://ok.example.org']);
  });
});
