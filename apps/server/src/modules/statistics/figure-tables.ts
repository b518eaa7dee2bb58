import type { Figure } from '@cw/shared';
import type { ExactFigures, FigureRow } from './input-figures.repository.js';

/** One cell or total: the figures as published, and whether input behind them was left out. */
export interface TableCell {
  figures: ExactFigures;
  isPartial: boolean;
}

/** A table laid out by row and column keys, with its totals. */
export interface FigureTable {
  cells: TableCell[][];
  rowTotals: TableCell[];
  columnTotals: TableCell[];
  grandTotal: TableCell;
}

const NONE: TableCell = {
  figures: { threads: 0, comments: 0, endorsements: 0, suggestions: 0, charsEdited: 0, participants: 0 },
  isPartial: false,
};

/** Lays one table's rows out by keys; a missing row means no input (all zeros). */
export function layOut(
  rows: readonly FigureRow[],
  rowKeys: readonly string[],
  columnKeys: readonly string[],
): FigureTable {
  const key = (rowKey: string | null, columnKey: string | null) => `${rowKey ?? '*'}|${columnKey ?? '*'}`;
  const byKey = new Map(rows.map((row) => [key(row.rowKey, row.columnKey), row]));
  const at = (rowKey: string | null, columnKey: string | null): TableCell => {
    const row = byKey.get(key(rowKey, columnKey));
    return row ? { figures: row.figures, isPartial: row.isPartial } : NONE;
  };
  return {
    cells: rowKeys.map((rowKey) => columnKeys.map((columnKey) => at(rowKey, columnKey))),
    rowTotals: rowKeys.map((rowKey) => at(rowKey, null)),
    columnTotals: columnKeys.map((columnKey) => at(null, columnKey)),
    grandTotal: at(null, null),
  };
}

/** A count as published: exact, or `{ atLeast }` when input behind it was left out. */
export function figureOf(value: number, isPartial: boolean): Figure {
  return isPartial ? { atLeast: value } : value;
}
