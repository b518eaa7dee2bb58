import { QUOTE_MAX_LENGTH } from './schemas/threads.js';

/** Blocks are joined by a line break in a quote taken in the editor and by nothing elsewhere. */
const comparable = (text: string) => text.replace(/\s+/g, '');

/** A passage's quote as kept with its thread: the selected text, trimmed and cut at the maximum length. */
export function quoteOf(selectedText: string): string {
  return selectedText.trim().slice(0, QUOTE_MAX_LENGTH);
}

/**
 * Whether a passage's text is still what its thread quoted. Whitespace does not count (block
 * breaks differ between editor and server); a quote cut at the maximum length is compared as a
 * prefix, so an edit past that length goes unnoticed.
 */
export function stillQuotes(passageText: string, quote: string): boolean {
  const expected = comparable(quote);
  const now = comparable(passageText);
  return quote.length >= QUOTE_MAX_LENGTH ? now.startsWith(expected) : now === expected;
}
