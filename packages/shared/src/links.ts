/**
 * The WHATWG URL parser of browsers and Node.js alike; declared here because this package is
 * compiled without the DOM's or Node's types.
 */
declare const URL: new (input: string) => ParsedUrl;

interface ParsedUrl {
  protocol: string;
  hostname: string;
  pathname: string;
  href: string;
}

/**
 * Schemes a link may use wherever the app shows or exports one — the paper, comments, versions,
 * summary notes; anything else (javascript:, data:, file:) is refused.
 */
export const LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const;

/**
 * The address to store for what the person typed, or null when it is not an http(s) or mailto
 * address. A bare domain such as `ohchr.org/btech` is taken as https.
 */
export function normaliseLinkAddress(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed);
  const candidate = hasScheme ? trimmed : `https://${trimmed}`;
  let url: ParsedUrl;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  const scheme = url.protocol.slice(0, -1);
  if (!(LINK_PROTOCOLS as readonly string[]).includes(scheme)) return null;
  if (scheme === 'mailto') return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(url.pathname) ? candidate : null;
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') return null;
  return url.href;
}

/**
 * Whether an address already written (in the document, a comment, a version) may be kept as a
 * link: it must name an allowed scheme itself, since a viewer reads `example.org` as a path.
 */
export function isAllowedLinkAddress(address: string): boolean {
  return /^\s*[a-z][a-z0-9+.-]*:/i.test(address) && normaliseLinkAddress(address) !== null;
}
