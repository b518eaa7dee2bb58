/** Schemes a link in the paper may use; anything else (javascript:, data:, file:) is refused. */
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
  let url: URL;
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

/** Whether an address already in the document may be kept as a link. */
export function isAllowedLinkAddress(address: string): boolean {
  return normaliseLinkAddress(address) !== null;
}
