import type { PaperBlock, TextMark, TextRun } from '@cw/shared';
import { createElement, Fragment, type ReactNode } from 'react';
import { isAllowedLinkAddress } from '@cw/shared';

/** Section text sits under the section's h2, so its own headings are h3 to h6 (as in the editor). */
const FIRST_CONTENT_HEADING = 3;
const LAST_HEADING = 6;

const MARK_ELEMENTS = {
  bold: 'strong',
  italic: 'em',
  underline: 'u',
  strike: 's',
  code: 'code',
  subscript: 'sub',
  superscript: 'sup',
  highlight: 'mark',
} as const;

function withMark(mark: TextMark, children: ReactNode): ReactNode {
  if (mark.type === 'link') {
    // The server already keeps only safe targets; checked again because this becomes an href.
    if (!isAllowedLinkAddress(mark.href)) return children;
    return (
      <a href={mark.href} rel="noopener noreferrer nofollow">
        {children}
      </a>
    );
  }
  return createElement(MARK_ELEMENTS[mark.type], null, children);
}

/** A run's text with its line breaks kept. */
function lines(text: string): ReactNode {
  const parts = text.split('\n');
  return parts.map((part, index) => (
    <Fragment key={index}>
      {index > 0 ? <br /> : null}
      {part}
    </Fragment>
  ));
}

function Runs({ runs }: { runs: readonly TextRun[] }) {
  return (
    <>
      {runs.map((run, index) => (
        <Fragment key={index}>
          {run.marks.reduceRight<ReactNode>((inner, mark) => withMark(mark, inner), lines(run.text))}
        </Fragment>
      ))}
    </>
  );
}

function headingTag(level: number) {
  return `h${Math.min(LAST_HEADING, Math.max(FIRST_CONTENT_HEADING, level))}` as const;
}

function Block({ block }: { block: PaperBlock }): ReactNode {
  switch (block.type) {
    case 'paragraph':
      return (
        <p>
          <Runs runs={block.content} />
        </p>
      );
    case 'codeBlock':
      return (
        <pre>
          <code>
            <Runs runs={block.content} />
          </code>
        </pre>
      );
    case 'heading':
      return createElement(headingTag(block.level), null, <Runs runs={block.content} />);
    case 'horizontalRule':
      return <hr />;
    case 'table':
      return (
        <table>
          <tbody>
            <Blocks blocks={block.children} />
          </tbody>
        </table>
      );
    case 'tableCell':
    case 'tableHeader': {
      const Cell = block.type === 'tableHeader' ? 'th' : 'td';
      return (
        <Cell colSpan={block.colspan} rowSpan={block.rowspan}>
          <Blocks blocks={block.children} />
        </Cell>
      );
    }
    case 'orderedList':
      return (
        <ol start={block.start}>
          <Blocks blocks={block.children} />
        </ol>
      );
    default: {
      const tag = { bulletList: 'ul', listItem: 'li', blockquote: 'blockquote', tableRow: 'tr' }[block.type];
      return createElement(tag, null, <Blocks blocks={block.children} />);
    }
  }
}

/** A version's read-only text, built from the closed block model: nothing it holds is rendered as HTML. */
export function Blocks({ blocks }: { blocks: readonly PaperBlock[] }) {
  return (
    <>
      {blocks.map((block, index) => (
        <Block key={index} block={block} />
      ))}
    </>
  );
}
