import { type ExactFigures, type FigureRow, layOut } from '../statistics/index.js';
import type { ExportText } from './export-text.js';
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

/**
 * A count table as published: each figure counts the input of cells drawn from at least k people
 * only (see InputFiguresRepository). A figure some of whose input was left out reads "at least n",
 * or "withheld" when none of it is left. Missing cells are zero. Figures and words are in
 * `text`'s language.
 */
export function publishedTable(input: PublishedTableInput, text: ExportText): NotesTable {
  const { rows, columns, k } = input;
  const table = layOut(
    input.cells,
    rows.map((row) => row.key),
    columns.map((column) => column.key),
  );
  let hasPartial = false;
  const show = ({ figures, isPartial }: { figures: ExactFigures; isPartial: boolean }): string => {
    const value = figures[input.metric];
    if (!isPartial) return text.number(value);
    hasPartial = true;
    return value === 0 ? text.t('labels.withheld') : text.t('labels.atLeast', { value: text.number(value) });
  };
  const total = text.t('labels.total');
  const body = rows.map((row, r) => [row.label, ...table.cells[r]!.map(show), show(table.rowTotals[r]!)]);
  const totals = [total, ...table.columnTotals.map(show), show(table.grandTotal)];
  return {
    heading: input.heading,
    caption: input.caption,
    header: [input.corner, ...columns.map((column) => column.label), total],
    rows: [...body, totals],
    footnote: hasPartial
      ? text.t('tables.footnote', { count: k, withheld: text.t('labels.withheld') })
      : null,
  };
}
