import { describe, expect, it } from 'vitest';
import { quoteOf, stillQuotes } from './quotes.js';
import { QUOTE_MAX_LENGTH } from './schemas/threads.js';

describe('quotes', () => {
  it('keeps the selection trimmed and cut at the maximum length', () => {
    expect(quoteOf('  must protect \n')).toBe('must protect');
    expect(quoteOf('x'.repeat(QUOTE_MAX_LENGTH + 5))).toHaveLength(QUOTE_MAX_LENGTH);
  });

  it('matches the passage whatever the block breaks, and notices any other change', () => {
    expect(stillQuotes('block.xxx', 'block.\nxxx')).toBe(true);
    expect(stillQuotes('must pr', 'must pr')).toBe(true);
    expect(stillQuotes('musXt pr', 'must pr')).toBe(false);
    expect(stillQuotes('must p', 'must pr')).toBe(false);
  });

  it('compares a cut quote as a prefix of the passage', () => {
    const long = 'y'.repeat(QUOTE_MAX_LENGTH + 10);
    const quote = quoteOf(long);
    expect(stillQuotes(`${long}zz`, quote)).toBe(true);
    expect(stillQuotes(`x${long}`, quote)).toBe(false);
  });
});
