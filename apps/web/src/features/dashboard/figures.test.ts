import type { InputFigures, InputTable } from '@cw/shared';
import { describe, expect, it } from 'vitest';
import { chartRows, figureText, withholdingOf } from './figures';

const shown = (comments: number): InputFigures => ({
  threads: 0,
  comments,
  endorsements: 0,
  suggestions: 0,
  charsEdited: 0,
  participants: comments,
});
const partial = { atLeast: 6 };
const partialFigures: InputFigures = {
  threads: partial,
  comments: partial,
  endorsements: partial,
  suggestions: partial,
  charsEdited: partial,
  participants: partial,
};

describe('figures', () => {
  it('writes exact figures as numbers and what is known of the others in words', () => {
    const words = { atLeast: (value: string) => `at least ${value}`, withheld: 'withheld' };
    expect(figureText(1234, words, 'en')).toBe('1,234');
    expect(figureText({ atLeast: 1234 }, words, 'en')).toBe('at least 1,234');
    expect(figureText({ atLeast: 0 }, words)).toBe('withheld');
  });

  it('charts each row per column and leaves inexact figures out rather than drawing them short', () => {
    const table: InputTable = {
      cells: [
        [shown(7), partialFigures],
        [shown(0), shown(9)],
      ],
      rowTotals: [shown(0), shown(0)],
      columnTotals: [shown(0), shown(0)],
      grandTotal: shown(0),
    };
    const rows = [
      { key: 'a', groupId: null, scope: 'pool' as const, label: 'A' },
      { key: 'b', groupId: null, scope: 'pool' as const, label: 'B' },
    ];
    expect(chartRows(table, ['Q1', 'Q2'], rows, 'comments')).toEqual([
      { label: 'Q1', a: 7, b: 0 },
      { label: 'Q2', a: null, b: 9 },
    ]);
  });
});

describe('withholdingOf', () => {
  it('tells whether the threshold kept out nothing, some figures or everything there was to draw', () => {
    expect(withholdingOf([0, 3, 5])).toBe('none');
    expect(withholdingOf([0, { atLeast: 0 }, 4])).toBe('some');
    // A partial figure is not drawn, even with a known part: nothing is left for the chart.
    expect(withholdingOf([0, { atLeast: 0 }, { atLeast: 6 }])).toBe('all');
  });
});
