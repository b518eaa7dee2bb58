import type { InputFigures, InputTable } from '@cw/shared';
import { figureOf, type FigureTable, type TableCell } from '../statistics/index.js';

/** A table as it is answered: a cell with input left out shows every metric as `{ atLeast }`. */
export function toInputTable(table: FigureTable): InputTable {
  const figures = ({ figures, isPartial }: TableCell): InputFigures => ({
    threads: figureOf(figures.threads, isPartial),
    comments: figureOf(figures.comments, isPartial),
    endorsements: figureOf(figures.endorsements, isPartial),
    suggestions: figureOf(figures.suggestions, isPartial),
    charsEdited: figureOf(figures.charsEdited, isPartial),
    participants: figureOf(figures.participants, isPartial),
  });
  return {
    cells: table.cells.map((row) => row.map(figures)),
    rowTotals: table.rowTotals.map(figures),
    columnTotals: table.columnTotals.map(figures),
    grandTotal: figures(table.grandTotal),
  };
}

/** One derived count per cell and total of a table, and whether input behind it was left out. */
export interface DerivedCount {
  value: number;
  isPartial: boolean;
}

export interface DerivedFigures {
  cells: DerivedCount[][];
  rowTotals: DerivedCount[];
  columnTotals: DerivedCount[];
  grandTotal: DerivedCount;
}

/**
 * Paper edits happen in sections; a question's edits are those in its linked sections, added up
 * from the section table's figures as published (so a sum of publishable cells, partial when any
 * of its parts is). `sectionsOf[c]` lists the section columns behind question column `c`.
 */
export function questionCharsFromSections(
  sections: FigureTable,
  sectionsOf: readonly (readonly number[])[],
): DerivedFigures {
  const union = [...new Set(sectionsOf.flat())];
  const sum = (parts: readonly TableCell[]): DerivedCount => ({
    value: parts.reduce((total, part) => total + part.figures.charsEdited, 0),
    isPartial: parts.some((part) => part.isPartial),
  });
  const cell = (row: number, columns: readonly number[]) =>
    sum(columns.map((column) => sections.cells[row]![column]!));
  const column = (columns: readonly number[]) => sum(columns.map((c) => sections.columnTotals[c]!));
  return {
    cells: sections.cells.map((_, row) => sectionsOf.map((columns) => cell(row, columns))),
    rowTotals: sections.cells.map((_, row) => cell(row, union)),
    columnTotals: sectionsOf.map(column),
    grandTotal: column(union),
  };
}

/** Puts derived characters-edited figures into a table. */
export function withCharsEdited(table: InputTable, chars: DerivedFigures): InputTable {
  const set = (figures: InputFigures, count: DerivedCount): InputFigures => ({
    ...figures,
    charsEdited: figureOf(count.value, count.isPartial),
  });
  return {
    cells: table.cells.map((row, r) => row.map((figures, c) => set(figures, chars.cells[r]![c]!))),
    rowTotals: table.rowTotals.map((figures, r) => set(figures, chars.rowTotals[r]!)),
    columnTotals: table.columnTotals.map((figures, c) => set(figures, chars.columnTotals[c]!)),
    grandTotal: set(table.grandTotal, chars.grandTotal),
  };
}
