import { type ExactFigures, type FigureRow, layOut } from '../statistics/index.js';
import { atLeast, WITHHELD } from './export-labels.js';
import type { NotesTable } from './summary-notes.model.js';

export interface TableAxis {
  key: string;
  label: string;
}

export interface PublishedTableInput {
  heading: string;
  caption: string;
  /** Heading of the row-label column. */
  corner: string;
  rows: readonly TableAxis[];
  columns: readonly TableAxis[];
  /** The table's figures and totals (null keys), as the statistics module publishes them. */
  cells: readonly FigureRow[];
  metric: keyof Pick<ExactFigures, 'threads' | 'comments' | 'suggestions'>;
  k: number;
}

const TOTAL = 'Total';

/**
 * A count table as published: each figure counts the input of cells drawn from at least k people
 * only (see InputFiguresRepository). A figure some of whose input was left out reads "at least n",
 * or "withheld" when none of it is left. Missing cells are zero.
 */
export function publishedTable(input: PublishedTableInput): NotesTable {
  const { rows, columns, k } = input;
  const table = layOut(
    input.cells,
    rows.map((row) => row.key),
    columns.map((column) => column.key),
  );
  let hasPartial = false;
  const show = ({ figures, isPartial }: { figures: ExactFigures; isPartial: boolean }): string => {
    const value = figures[input.metric];
    if (!isPartial) return String(value);
    hasPartial = true;
    return value === 0 ? WITHHELD : atLeast(value);
  };
  const body = rows.map((row, r) => [row.label, ...table.cells[r]!.map(show), show(table.rowTotals[r]!)]);
  const totals = [TOTAL, ...table.columnTotals.map(show), show(table.grandTotal)];
  return {
    heading: input.heading,
    caption: input.caption,
    header: [input.corner, ...columns.map((column) => column.label), TOTAL],
    rows: [...body, totals],
    footnote: hasPartial
      ? `"at least n" and "${WITHHELD}": input from a cell of fewer than ${k} people ` +
        '(by stakeholder group, guiding question, section, day, phase and outcome) is left out of every ' +
        'published figure, so no such cell can be worked out from them.'
      : null,
  };
}
