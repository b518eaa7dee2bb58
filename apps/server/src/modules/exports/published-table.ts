import { suppressSmallCells } from '../../common/statistics/suppression.js';
import { fewerThan, WITHHELD } from './export-labels.js';
import type { CountCell } from './exports.repository.js';
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
  /** Figures with their totals (null keys), as the repository counts them. */
  cells: readonly CountCell[];
  k: number;
}

const TOTAL = 'Total';

/**
 * A count table as published: every figure drawn from fewer than k distinct people is shown as
 * "fewer than k", and further figures are withheld so that none of those can be worked out from
 * the totals (`suppressSmallCells`). Missing cells are zero.
 */
export function publishedTable(input: PublishedTableInput): NotesTable {
  const { rows, columns, k } = input;
  const byKey = new Map(input.cells.map((cell) => [`${cell.rowKey}|${cell.columnKey}`, cell]));
  const cell = (rowKey: string | null, columnKey: string | null) =>
    byKey.get(`${rowKey}|${columnKey}`) ?? { count: 0, people: 0 };

  const mask = suppressSmallCells(
    {
      cells: rows.map((row) => columns.map((column) => cell(row.key, column.key).people)),
      rowTotals: rows.map((row) => cell(row.key, null).people),
      columnTotals: columns.map((column) => cell(null, column.key).people),
      grandTotal: cell(null, null).people,
    },
    k,
  );

  let hasSmall = false;
  let hasWithheld = false;
  const show = (figure: { count: number; people: number }, isHidden: boolean): string => {
    if (!isHidden) return String(figure.count);
    if (figure.people > 0 && figure.people < k) {
      hasSmall = true;
      return fewerThan(k);
    }
    hasWithheld = true;
    return WITHHELD;
  };

  const body = rows.map((row, r) => [
    row.label,
    ...columns.map((column, c) => show(cell(row.key, column.key), mask.cells[r]![c]!)),
    show(cell(row.key, null), mask.rowTotals[r]!),
  ]);
  const totals = [
    TOTAL,
    ...columns.map((column, c) => show(cell(null, column.key), mask.columnTotals[c]!)),
    show(cell(null, null), mask.grandTotal),
  ];

  return {
    heading: input.heading,
    caption: input.caption,
    header: [input.corner, ...columns.map((column) => column.label), TOTAL],
    rows: [...body, totals],
    footnote: footnote(k, hasSmall, hasWithheld),
  };
}

/** Explains the hidden figures the table shows, and only those; null when none is hidden. */
function footnote(k: number, hasSmall: boolean, hasWithheld: boolean): string | null {
  const notes = [
    ...(hasSmall
      ? [`"${fewerThan(k)}": the figure comes from fewer than ${k} people and is not published.`]
      : []),
    ...(hasWithheld
      ? [`"${WITHHELD}": not published so that no such figure can be worked out from the totals.`]
      : []),
  ];
  return notes.length > 0 ? notes.join(' ') : null;
}
