/**
 * Small-cell suppression for published statistics (SPEC §3): no figure drawn from fewer than k
 * distinct people is shown, and no hidden figure can be worked out from the ones that are.
 *
 * A table is cells by row and column plus its row totals, column totals and grand total, all
 * published. For additive figures every row and column is an equation "cells = total", so a line
 * with exactly one hidden figure gives it away by subtraction. After hiding the small cells
 * (primary suppression), further figures are hidden (complementary suppression) until no line —
 * the totals row and column included — has exactly one hidden figure.
 *
 * Zero figures stay shown: "no input from this group" is itself a finding the dashboard reports,
 * and hiding a zero protects no one.
 */

export interface PeopleTable {
  /** Distinct people behind each cell: cells[row][column]. */
  cells: readonly (readonly number[])[];
  /** Distinct people behind each row's total. */
  rowTotals: readonly number[];
  /** Distinct people behind each column's total. */
  columnTotals: readonly number[];
  /** Distinct people behind the whole table. */
  grandTotal: number;
}

export interface SuppressionMask {
  cells: boolean[][];
  rowTotals: boolean[];
  columnTotals: boolean[];
  grandTotal: boolean;
}

interface Position {
  row: number;
  column: number;
}

/** Which figures of the table to hide; `true` means hidden. */
export function suppressSmallCells(table: PeopleTable, k: number): SuppressionMask {
  const rows = table.rowTotals.length;
  const columns = table.columnTotals.length;
  assertShape(table, rows, columns);

  // The table extended by its totals: row `rows` holds the column totals, column `columns` the
  // row totals, and the corner the grand total. Every row and column of it, totals included,
  // is one additive line whose last element is its total.
  const people = (row: number, column: number): number => {
    if (row < rows && column < columns) return table.cells[row]![column]!;
    if (row < rows) return table.rowTotals[row]!;
    if (column < columns) return table.columnTotals[column]!;
    return table.grandTotal;
  };
  const hidden: boolean[][] = Array.from({ length: rows + 1 }, (_, row) =>
    Array.from({ length: columns + 1 }, (_, column) => {
      const count = people(row, column);
      return count > 0 && count < k;
    }),
  );

  const lines: Position[][] = [
    ...Array.from({ length: rows + 1 }, (_, row) =>
      Array.from({ length: columns + 1 }, (_, column) => ({ row, column })),
    ),
    ...Array.from({ length: columns + 1 }, (_, column) =>
      Array.from({ length: rows + 1 }, (_, row) => ({ row, column })),
    ),
  ];

  // Each pass hides at least one more figure, so this ends within (rows + 1) × (columns + 1).
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      if (line.filter(({ row, column }) => hidden[row]![column]).length !== 1) continue;
      const partner = complement(line, hidden, people);
      if (partner) {
        hidden[partner.row]![partner.column] = true;
        changed = true;
      }
    }
  }

  return {
    cells: hidden.slice(0, rows).map((row) => row.slice(0, columns)),
    rowTotals: hidden.slice(0, rows).map((row) => row[columns]!),
    columnTotals: hidden[rows]!.slice(0, columns),
    grandTotal: hidden[rows]![columns]!,
  };
}

/**
 * The figure to hide beside a line's only hidden one: the non-zero cell with the fewest people
 * (it costs the least information), or the line's total when no cell qualifies.
 */
function complement(
  line: readonly Position[],
  hidden: boolean[][],
  people: (row: number, column: number) => number,
): Position | undefined {
  const candidates = line.filter(({ row, column }) => !hidden[row]![column] && people(row, column) > 0);
  const total = line.at(-1)!;
  const cells = candidates.filter((position) => position !== total);
  const pool = cells.length > 0 ? cells : candidates;
  return pool.reduce<Position | undefined>(
    (best, position) =>
      best === undefined || people(position.row, position.column) < people(best.row, best.column)
        ? position
        : best,
    undefined,
  );
}

function assertShape(table: PeopleTable, rows: number, columns: number): void {
  if (table.cells.length !== rows || table.cells.some((row) => row.length !== columns)) {
    throw new Error(`suppressSmallCells: expected ${rows}×${columns} cells`);
  }
}
