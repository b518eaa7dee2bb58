import type { InputFigures, InputTable } from '@cw/shared';
import { describe, expect, it } from 'vitest';
import { chartRows, figureText } from './figures';

const shown = (comments: number): InputFigures => ({
  threads: 0,
  comments,
  endorsements: 0,
  charsEdited: 0,
  participants: comments,
});
const hidden = { fewerThan: 5 };
const hiddenFigures: InputFigures = {
  threads: hidden,
  comments: hidden,
  endorsements: hidden,
  charsEdited: hidden,
  participants: hidden,
};

describe('figures', () => {
  it('writes hidden figures in words and shown ones as numbers', () => {
    const fewerThan = (k: number) => `fewer than ${k}`;
    expect(figureText(1234, fewerThan, 'en')).toBe('1,234');
    expect(figureText(hidden, fewerThan)).toBe('fewer than 5');
  });

  it('charts each group per column and leaves hidden figures out rather than drawing them as zero', () => {
    const table: InputTable = {
      cells: [
        [shown(7), hiddenFigures],
        [shown(0), shown(9)],
      ],
      rowTotals: [shown(0), shown(0)],
      columnTotals: [shown(0), shown(0)],
      grandTotal: shown(0),
    };
    const groups = [
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B' },
    ];
    expect(chartRows(table, ['Q1', 'Q2'], groups, 'comments')).toEqual([
      { label: 'Q1', a: 7, b: 0 },
      { label: 'Q2', a: null, b: 9 },
    ]);
  });
});
