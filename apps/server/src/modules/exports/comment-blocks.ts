import type { Nodes, Parent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';

/**
 * A comment's light Markdown (what the web app renders: paragraphs, emphasis, strong, links,
 * lists, code, quotes, line breaks) as plain blocks and runs, for the DOCX and PDF renderers.
 * Anything else the parser finds (headings, images, raw HTML) keeps its text, as in the app.
 */
export interface CommentRun {
  text: string;
  bold?: boolean;
  italics?: boolean;
  code?: boolean;
  /** An http(s) or mailto address: the notes keep no other (comment-links.ts). */
  link?: string;
  /** A line break before the text. */
  breakBefore?: boolean;
}

export type CommentBlock =
  | { kind: 'paragraph'; runs: CommentRun[] }
  | { kind: 'code'; text: string }
  | { kind: 'quote'; blocks: CommentBlock[] }
  | { kind: 'list'; ordered: boolean; start: number; items: CommentBlock[][] };

interface Style {
  bold?: boolean;
  italics?: boolean;
  link?: string;
}

function inlineRuns(node: Nodes, style: Style, runs: CommentRun[]): void {
  switch (node.type) {
    case 'text':
      runs.push({ text: node.value, ...style });
      return;
    case 'inlineCode':
      runs.push({ text: node.value, ...style, code: true });
      return;
    case 'break':
      runs.push({ text: '', breakBefore: true });
      return;
    case 'html':
      runs.push({ text: node.value, ...style });
      return;
    case 'strong':
      return children(node, { ...style, bold: true }, runs);
    case 'emphasis':
      return children(node, { ...style, italics: true }, runs);
    case 'link':
      return children(node, { ...style, link: node.url }, runs);
    case 'image':
      runs.push({ text: node.alt ?? '', ...style });
      return;
    default:
      if ('children' in node) children(node, style, runs);
      else if ('value' in node && typeof node.value === 'string') runs.push({ text: node.value, ...style });
  }
}

function children(node: Parent, style: Style, runs: CommentRun[]): void {
  for (const child of node.children as Nodes[]) inlineRuns(child, style, runs);
}

function blocksOf(nodes: readonly Nodes[]): CommentBlock[] {
  return nodes.flatMap((node): CommentBlock[] => {
    switch (node.type) {
      case 'code':
        return [{ kind: 'code', text: node.value }];
      case 'blockquote':
        return [{ kind: 'quote', blocks: blocksOf(node.children) }];
      case 'list':
        return [
          {
            kind: 'list',
            ordered: node.ordered === true,
            start: node.start ?? 1,
            items: node.children.map((item) => blocksOf(item.children)),
          },
        ];
      case 'definition':
        return [];
      case 'thematicBreak':
        return [{ kind: 'paragraph', runs: [{ text: '———' }] }];
      default: {
        const runs: CommentRun[] = [];
        inlineRuns(node, {}, runs);
        return runs.length > 0 ? [{ kind: 'paragraph', runs }] : [];
      }
    }
  });
}

/** Characters without which a comment holds no Markdown to speak of: it is one plain text. */
const MARKDOWN_SIGNS = /[*_`[\]<>\\]|^\s{0,3}(?:[-+*>]|\d{1,9}[.)]|#{1,6}|```|~~~)(?:\s|$)|^ {4}/m;

/** A comment as blocks; plain text (most comments) without parsing it. */
export function commentBlocks(markdown: string): CommentBlock[] {
  if (!MARKDOWN_SIGNS.test(markdown)) {
    return markdown
      .split(/\n\s*\n/)
      .filter((paragraph) => paragraph.trim() !== '')
      .map((paragraph) => ({
        kind: 'paragraph',
        runs: paragraph.split(/\r\n|\r|\n/).map((line, index) => ({ text: line, breakBefore: index > 0 })),
      }));
  }
  return blocksOf(fromMarkdown(markdown).children);
}
