import Markdown, { type Components } from 'react-markdown';
import { isAllowedLinkAddress } from '@cw/shared';

/** Light Markdown only; anything else (images, headings, tables, raw HTML) shows as its text. */
const ALLOWED_ELEMENTS = ['p', 'em', 'strong', 'a', 'ul', 'ol', 'li', 'code', 'pre', 'blockquote', 'br'];

const components: Components = {
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow ugc">
      {children}
    </a>
  ),
};

/** Links keep only http(s) and mailto addresses; any other scheme loses its link. */
function safeAddress(address: string): string | null {
  return isAllowedLinkAddress(address) ? address : null;
}

/**
 * A comment as typed, with light Markdown. The text becomes React elements, never HTML: raw HTML
 * is shown as text and links with other schemes (javascript:, data:) are dropped.
 */
export function CommentMarkdown({ body }: { body: string }) {
  return (
    <Markdown
      allowedElements={ALLOWED_ELEMENTS}
      unwrapDisallowed
      skipHtml={false}
      urlTransform={(address) => safeAddress(address)}
      components={components}
    >
      {body}
    </Markdown>
  );
}
