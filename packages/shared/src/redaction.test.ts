import { describe, expect, it } from 'vitest';
import { rangeProblem, redactText } from './redaction.js';

const TEXT = 'As the representative of Ruritania, I object.';

describe('redaction', () => {
  it('cuts each range, in any order, and keeps the rest', () => {
    const ranges = [
      { start: 25, end: 34 },
      { start: 0, end: 2 },
    ];
    expect(rangeProblem(TEXT, ranges)).toBeNull();
    expect(redactText(TEXT, ranges)).toBe('[redacted] the representative of [redacted], I object.');
  });

  it('refuses ranges past the end of the text, and overlapping ones', () => {
    expect(rangeProblem(TEXT, [{ start: 40, end: 60 }])).toBe('must lie inside the text (45 characters)');
    expect(
      rangeProblem(TEXT, [
        { start: 0, end: 10 },
        { start: 5, end: 12 },
      ]),
    ).toBe('must not overlap');
  });
});
