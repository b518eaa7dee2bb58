import { describe, expect, it } from 'vitest';
import { highlightParts, MATCH_END, MATCH_START } from './highlights.js';

const mark = (word: string) => `${MATCH_START}${word}${MATCH_END}`;

describe('highlightParts', () => {
  it('marks the matched words and keeps the rest as text', () => {
    expect(highlightParts(`The ${mark('climate')} is <b>changing</b>`)).toEqual([
      { text: 'The ', isMatch: false },
      { text: 'climate', isMatch: true },
      { text: ' is <b>changing</b>', isMatch: false },
    ]);
  });

  it('joins Chinese characters the index spaced out, and their marks into one match', () => {
    expect(highlightParts(` 我 们  ${mark('气')}  ${mark('候')}  变 化 , policy`)).toEqual([
      { text: '我们', isMatch: false },
      { text: '气候', isMatch: true },
      { text: '变化 , policy', isMatch: false },
    ]);
  });

  it('makes one space of line breaks and runs of spaces', () => {
    expect(highlightParts(`first\n\n  ${mark('line')}   end`)).toEqual([
      { text: 'first ', isMatch: false },
      { text: 'line', isMatch: true },
      { text: ' end', isMatch: false },
    ]);
  });
});
