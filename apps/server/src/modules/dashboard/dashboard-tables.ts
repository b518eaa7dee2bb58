import type { Figure, InputFigures, InputTable } from '@cw/shared';
import { type SuppressionMask, suppressSmallCells } from '../../common/statistics/suppression.js';

export interface ExactFigures {
  threads: number;
  comments: number;
  endorsements: number;
  charsEdited: number;
  participants: number;
}

/** One aggregate row: a cell, or a total where the group or column is null. */
export interface FigureRow {
  groupId: string | null;
  columnKey: string | null;
  figures: ExactFigures;
}

export interface ExactTable {
  cells: ExactFigures[][];
  rowTotals: ExactFigures[];
  columnTotals: ExactFigures[];
  grandTotal: ExactFigures;
}

/** One figure per cell and total of a table; null where it must stay hidden. */
export interface DerivedFigures {
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  columnTotals: (number | null)[];
  grandTotal: number | null;
}

const NONE: ExactFigures = { threads: 0, comments: 0, endorsements: 0, charsEdited: 0, participants: 0 };

/** Lays aggregate rows out as groups × columns; a missing row means no input (all zeros). */
export function layOut(
  rows: readonly FigureRow[],
  groupIds: readonly string[],
  columnKeys: readonly string[],
) {
  const key = (groupId: string | null, columnKey: string | null) => `${groupId ?? '*'}|${columnKey ?? '*'}`;
  const byKey = new Map(rows.map((row) => [key(row.groupId, row.columnKey), row.figures]));
  const at = (groupId: string | null, columnKey: string | null) => byKey.get(key(groupId, columnKey)) ?? NONE;
  return {
    cells: groupIds.map((groupId) => columnKeys.map((columnKey) => at(groupId, columnKey))),
    rowTotals: groupIds.map((groupId) => at(groupId, null)),
    columnTotals: columnKeys.map((columnKey) => at(null, columnKey)),
    grandTotal: at(null, null),
  } satisfies ExactTable;
}

/** Which figures of the table to hide: those from fewer than k people, and their complements. */
export function maskOf(table: ExactTable, k: number): SuppressionMask {
  const people = (figures: ExactFigures) => figures.participants;
  return suppressSmallCells(
    {
      cells: table.cells.map((row) => row.map(people)),
      rowTotals: table.rowTotals.map(people),
      columnTotals: table.columnTotals.map(people),
      grandTotal: people(table.grandTotal),
    },
    k,
  );
}

/** Every metric of a hidden cell is hidden: the mask is decided on people, applied to all. */
function hideAll(figures: ExactFigures, isHidden: boolean, k: number): InputFigures {
  if (!isHidden) return figures;
  const hidden = { fewerThan: k };
  return {
    threads: hidden,
    comments: hidden,
    endorsements: hidden,
    charsEdited: hidden,
    participants: hidden,
  };
}

/** The table as it may be published (SPEC §3). */
export function publishedView(table: ExactTable, mask: SuppressionMask, k: number): InputTable {
  return {
    cells: table.cells.map((row, r) => row.map((figures, c) => hideAll(figures, mask.cells[r]![c]!, k))),
    rowTotals: table.rowTotals.map((figures, r) => hideAll(figures, mask.rowTotals[r]!, k)),
    columnTotals: table.columnTotals.map((figures, c) => hideAll(figures, mask.columnTotals[c]!, k)),
    grandTotal: hideAll(table.grandTotal, mask.grandTotal, k),
  };
}

/**
 * Paper edits happen in sections; a question's edits are those in its linked sections. They are
 * derived from the section table so that a question's figure never gives away a section figure
 * that is hidden there: with a mask, a question's figure is hidden when any section figure it
 * adds up is. `sectionsOf[c]` lists the section columns behind question column `c`.
 */
export function questionCharsFromSections(
  sections: ExactTable,
  sectionsOf: readonly (readonly number[])[],
  sectionMask?: SuppressionMask,
): DerivedFigures {
  const union = [...new Set(sectionsOf.flat())];
  const sum = (
    columns: readonly number[],
    value: (column: number) => number,
    isHidden: (column: number) => boolean,
  ) => (columns.some(isHidden) ? null : columns.reduce((total, column) => total + value(column), 0));
  const cell = (row: number, columns: readonly number[]) =>
    sum(
      columns,
      (column) => sections.cells[row]![column]!.charsEdited,
      (column) => sectionMask?.cells[row]![column] ?? false,
    );
  const column = (columns: readonly number[]) =>
    sum(
      columns,
      (c) => sections.columnTotals[c]!.charsEdited,
      (c) => sectionMask?.columnTotals[c] ?? false,
    );
  return {
    cells: sections.cells.map((_, row) => sectionsOf.map((columns) => cell(row, columns))),
    rowTotals: sections.cells.map((_, row) => cell(row, union)),
    columnTotals: sectionsOf.map(column),
    grandTotal: column(union),
  };
}

/** Puts derived characters-edited figures into a table; null becomes hidden. */
export function withCharsEdited(table: InputTable, chars: DerivedFigures, k: number): InputTable {
  const set = (figures: InputFigures, value: number | null): InputFigures => {
    const isHidden = typeof figures.participants !== 'number' || value === null;
    const charsEdited: Figure = isHidden ? { fewerThan: k } : value;
    return { ...figures, charsEdited };
  };
  return {
    cells: table.cells.map((row, r) => row.map((figures, c) => set(figures, chars.cells[r]![c]!))),
    rowTotals: table.rowTotals.map((figures, r) => set(figures, chars.rowTotals[r]!)),
    columnTotals: table.columnTotals.map((figures, c) => set(figures, chars.columnTotals[c]!)),
    grandTotal: set(table.grandTotal, chars.grandTotal),
  };
}
