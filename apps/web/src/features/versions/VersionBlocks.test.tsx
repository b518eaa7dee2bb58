import type { PaperBlock } from '@cw/shared';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Blocks } from './VersionBlocks';

const render = (blocks: PaperBlock[]) => renderToStaticMarkup(<Blocks blocks={blocks} />);
const paragraph = (text: string): PaperBlock => ({ type: 'paragraph', content: [{ text, marks: [] }] });

describe('Blocks', () => {
  it('renders paragraphs with their marks nested in order', () => {
    expect(
      render([
        {
          type: 'paragraph',
          content: [
            { text: 'States ', marks: [] },
            { text: 'should', marks: [{ type: 'bold' }, { type: 'italic' }] },
            { text: ' act.', marks: [] },
          ],
        },
      ]),
    ).toBe('<p>States <strong><em>should</em></strong> act.</p>');
  });

  it('keeps line breaks inside a block', () => {
    expect(render([{ type: 'paragraph', content: [{ text: 'one\ntwo', marks: [] }] }])).toBe(
      '<p>one<br/>two</p>',
    );
  });

  it('links only to web and email addresses, keeping the text of any other link', () => {
    const html = render([
      {
        type: 'paragraph',
        content: [
          { text: 'B-Tech', marks: [{ type: 'link', href: 'https://www.ohchr.org/b-tech' }] },
          { text: ' and ', marks: [] },
          { text: 'trap', marks: [{ type: 'link', href: 'javascript:alert(1)' }] },
        ],
      },
    ]);
    expect(html).toBe(
      '<p><a href="https://www.ohchr.org/b-tech" rel="noopener noreferrer nofollow">B-Tech</a> and trap</p>',
    );
  });

  it('escapes text instead of interpreting it as markup', () => {
    expect(render([paragraph('<img src=x onerror=alert(1)>')])).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt;</p>',
    );
  });

  it('renders headings below the section heading, whatever level they were stored with', () => {
    expect(
      render([
        { type: 'heading', level: 1, content: [{ text: 'Top', marks: [] }] },
        { type: 'heading', level: 4, content: [{ text: 'Sub', marks: [] }] },
      ]),
    ).toBe('<h3>Top</h3><h4>Sub</h4>');
  });

  it('renders lists, numbered lists from their start, and quotes', () => {
    expect(
      render([
        { type: 'bulletList', children: [{ type: 'listItem', children: [paragraph('a')] }] },
        { type: 'orderedList', start: 3, children: [{ type: 'listItem', children: [paragraph('c')] }] },
        { type: 'blockquote', children: [paragraph('q')] },
        { type: 'horizontalRule' },
      ]),
    ).toBe(
      '<ul><li><p>a</p></li></ul><ol start="3"><li><p>c</p></li></ol><blockquote><p>q</p></blockquote><hr/>',
    );
  });

  it('renders tables with header cells and spans', () => {
    expect(
      render([
        {
          type: 'table',
          children: [
            {
              type: 'tableRow',
              children: [{ type: 'tableHeader', colspan: 2, children: [paragraph('Step')] }],
            },
            {
              type: 'tableRow',
              children: [
                { type: 'tableCell', children: [paragraph('Scoping')] },
                { type: 'tableCell', rowspan: 2, children: [paragraph('Design')] },
              ],
            },
          ],
        },
      ]),
    ).toBe(
      '<table><tbody><tr><th colSpan="2"><p>Step</p></th></tr><tr><td><p>Scoping</p></td><td rowSpan="2"><p>Design</p></td></tr></tbody></table>',
    );
  });
});
