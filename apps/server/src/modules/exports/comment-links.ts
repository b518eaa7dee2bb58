import { isAllowedLinkAddress } from '@cw/shared';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';

/** Passes over a comment; each removes the links the previous one left or revealed. */
const MAX_PASSES = 4;

interface Cut {
  start: number;
  end: number;
  text: string;
}

/**
 * Where links with a target outside http, https and mailto sit in `markdown`, and what replaces
 * each: such a link keeps its text and a link definition goes. Images go whatever their target
 * (a viewer would fetch it, and the app shows none), leaving their description. Read with a
 * CommonMark parser, so entity-encoded (`javascript&#58;`), autolinked and referenced targets are
 * found as a Markdown viewer would find them.
 */
function unsafeLinks(markdown: string): Cut[] {
  const cuts: Cut[] = [];
  const slice = (from: Nodes | undefined, to: Nodes | undefined) =>
    from?.position && to?.position ? markdown.slice(from.position.start.offset, to.position.end.offset) : '';
  const visit = (node: Nodes) => {
    const isUnsafe =
      node.type === 'image' ||
      node.type === 'imageReference' ||
      ((node.type === 'link' || node.type === 'definition') && !isAllowedLinkAddress(node.url));
    if (isUnsafe && node.position) {
      const text =
        node.type === 'link'
          ? slice(node.children[0], node.children.at(-1))
          : node.type === 'definition'
            ? ''
            : (node.alt ?? '');
      cuts.push({ start: node.position.start.offset!, end: node.position.end.offset!, text });
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(fromMarkdown(markdown));
  return cuts;
}

/**
 * A comment's light Markdown with every image, and every link and link definition whose target
 * is not http, https or mailto, taken out (their text stays); everything else is left as typed. Should
 * the text still hold such a link after a few passes, it is escaped whole and shows as typed.
 */
export function withSafeLinks(markdown: string): string {
  // Every link, image and link definition starts with `[`, `![` or `<`: most comments need no parse.
  if (!/[[<]/.test(markdown)) return markdown;
  let text = markdown;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const cuts = unsafeLinks(text);
    if (cuts.length === 0) return text;
    for (const cut of cuts.sort((a, b) => b.start - a.start)) {
      text = text.slice(0, cut.start) + cut.text + text.slice(cut.end);
    }
  }
  return unsafeLinks(text).length === 0 ? text : text.replace(/[\\`*_[\]()<>!&]/g, (char) => `\\${char}`);
}
