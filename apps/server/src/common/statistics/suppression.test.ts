import { describe, expect, it } from 'vitest';
import { type PeopleTable, type SuppressionMask, suppressSmallCells } from './suppression.js';

/** A table whose totals are the sums of its cells (people counted once per cell). */
function additive(cells: number[][]): PeopleTable {
  const rowTotals = cells.map((row) => row.reduce((sum, value) => sum + value, 0));
  const columnTotals = cells[0]!.map((_, column) => cells.reduce((sum, row) => sum + row[column]!, 0));
  return {
    cells,
    rowTotals,
    columnTotals,
    grandTotal: rowTotals.reduce((sum, value) => sum + value, 0),
  };
}

/** Every row and column of the table extended by its totals, as hidden flags and people. */
function lines(table: PeopleTable, mask: SuppressionMask): { hidden: boolean; people: number }[][] {
  const extendedPeople = [
    ...table.cells.map((row, index) => [...row, table.rowTotals[index]!]),
    [...table.columnTotals, table.grandTotal],
  ];
  const extendedHidden = [
    ...mask.cells.map((row, index) => [...row, mask.rowTotals[index]!]),
    [...mask.columnTotals, mask.grandTotal],
  ];
  const rowLines = extendedPeople.map((row, r) =>
    row.map((people, c) => ({ people, hidden: extendedHidden[r]![c]! })),
  );
  const columnLines = extendedPeople[0]!.map((_, c) =>
    extendedPeople.map((row, r) => ({ people: row[c]!, hidden: extendedHidden[r]![c]! })),
  );
  return [...rowLines, ...columnLines];
}

/** A small deterministic generator, so a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('suppressSmallCells', () => {
  it('shows a table with no small cells as it is', () => {
    const mask = suppressSmallCells(
      additive([
        [5, 6],
        [7, 9],
      ]),
      5,
    );
    expect(mask).toEqual({
      cells: [
        [false, false],
        [false, false],
      ],
      rowTotals: [false, false],
      columnTotals: [false, false],
      grandTotal: false,
    });
  });

  it('hides a small cell and the smallest other cell of its row and column', () => {
    const mask = suppressSmallCells(
      additive([
        [2, 9, 6],
        [8, 7, 12],
      ]),
      5,
    );
    // (0,0) is small; its row's smallest partner is (0,2), its column's is (1,0); the second row
    // then holds one hidden cell and hides (1,2), which also closes column 2.
    expect(mask.cells).toEqual([
      [true, false, true],
      [true, false, true],
    ]);
    expect(mask.rowTotals).toEqual([false, false]);
    expect(mask.grandTotal).toBe(false);
  });

  it('keeps zero cells shown and covers a small row total in the totals column', () => {
    const mask = suppressSmallCells(
      additive([
        [3, 0],
        [6, 7],
      ]),
      5,
    );
    // Row 0's total equals its only non-zero cell, so it is small itself; the zero stays.
    expect(mask.cells[0]).toEqual([true, false]);
    expect(mask.rowTotals[0]).toBe(true);
    // Column 0 would reveal (0,0) as its total − (1,0), and the row totals would reveal row 0's
    // total as the grand total − row 1's.
    expect(mask.cells[1]).toEqual([true, false]);
    expect(mask.rowTotals[1]).toBe(true);
    expect(mask.columnTotals).toEqual([false, false]);
    expect(mask.grandTotal).toBe(false);
  });

  it('hides totals drawn from fewer than k people', () => {
    const mask = suppressSmallCells(
      { cells: [[2], [2]], rowTotals: [2, 2], columnTotals: [3], grandTotal: 3 },
      5,
    );
    expect(mask).toEqual({
      cells: [[true], [true]],
      rowTotals: [true, true],
      columnTotals: [true],
      grandTotal: true,
    });
  });

  it('leaves no figure that subtraction could recover, on many random tables', () => {
    const next = random(42);
    for (let round = 0; round < 300; round += 1) {
      const rows = 1 + Math.floor(next() * 6);
      const columns = 1 + Math.floor(next() * 8);
      const cells = Array.from({ length: rows }, () =>
        Array.from({ length: columns }, () =>
          next() < 0.25 ? 0 : Math.floor(next() * (next() < 0.5 ? 5 : 30)),
        ),
      );
      const table = additive(cells);
      const mask = suppressSmallCells(table, 5);
      for (const line of lines(table, mask)) {
        for (const { people, hidden } of line) {
          if (people > 0 && people < 5) expect(hidden).toBe(true);
          if (people === 0) expect(hidden).toBe(false);
        }
        expect(line.filter(({ hidden }) => hidden)).not.toHaveLength(1);
      }
    }
  });

  it('refuses a table whose cells do not match its totals', () => {
    expect(() =>
      suppressSmallCells({ cells: [[1, 2]], rowTotals: [3], columnTotals: [1], grandTotal: 3 }, 5),
    ).toThrow(/expected 1×1 cells/);
  });
});
