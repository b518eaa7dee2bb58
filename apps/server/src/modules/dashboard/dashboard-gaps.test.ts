import type { GapTarget, InputFigures, InputTable } from '@cw/shared';
import { describe, expect, it } from 'vitest';
import { findGaps } from './dashboard-gaps.js';

const input = (comments: number, charsEdited = 0): InputFigures => ({
  threads: 0,
  comments,
  endorsements: 0,
  suggestions: 0,
  charsEdited,
  participants: comments + charsEdited,
});
const withheld = { atLeast: 0 };
const partialInput: InputFigures = {
  threads: withheld,
  comments: withheld,
  endorsements: withheld,
  suggestions: withheld,
  charsEdited: withheld,
  participants: withheld,
};

const targets: GapTarget[] = [
  { kind: 'question', id: '00000000-0000-4000-8000-000000000001', number: 1 },
  { kind: 'question', id: '00000000-0000-4000-8000-000000000002', number: 2 },
];

/** Groups a and b by the two questions. */
function table(cells: InputFigures[][], columnTotals: InputFigures[]): InputTable {
  return { cells, rowTotals: cells.map(() => input(0)), columnTotals, grandTotal: input(0) };
}

describe('findGaps', () => {
  it('reports a question nobody gave input on once, not once per group', () => {
    const gaps = findGaps(
      table(
        [
          [input(5), input(0)],
          [input(5), input(0)],
        ],
        [input(10), input(0)],
      ),
      ['a', 'b'],
      targets,
    );
    expect(gaps).toEqual([{ kind: 'noInput', rowKey: null, target: targets[1] }]);
  });

  it('reports a group without input, and a group above 70 % of the comments', () => {
    const gaps = findGaps(
      table(
        [
          [input(8), input(3)],
          [input(0, 4), input(7)],
        ],
        [input(8, 4), input(10)],
      ),
      ['a', 'b'],
      targets,
    );
    // Edits count as input: b is not absent from question 1. 8 of 8 comments is dominant;
    // 7 of 10 is exactly 70 %, not over it.
    expect(gaps).toEqual([{ kind: 'dominant', rowKey: 'a', target: targets[0], share: 0.7 }]);
  });

  it('draws no conclusion from figures with input left out', () => {
    const gaps = findGaps(
      table(
        [
          [partialInput, input(0)],
          [input(1), partialInput],
        ],
        [{ ...input(9), comments: { atLeast: 9 } }, partialInput],
      ),
      ['a', 'b'],
      targets,
    );
    expect(gaps).toEqual([{ kind: 'noInput', rowKey: 'a', target: targets[1] }]);
  });
});
