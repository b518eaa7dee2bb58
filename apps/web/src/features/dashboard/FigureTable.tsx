import type { Figure } from '@cw/shared';
import { Table } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { figureText } from './figures';
import { ScrollableTable } from '../../ui/ScrollableTable';

export interface FigureColumn {
  key: string;
  /** Short header (e.g. "Q4"). */
  label: string;
  /** Full name for screen readers and the tooltip (e.g. the question's text). */
  title?: string;
}

interface FigureTableProps {
  caption: string;
  /** What the rows are; stakeholder groups unless said. */
  rowsHeader?: string;
  /** The rows' labels (stakeholder groups, or their k-anonymous labels). */
  rows: readonly { key: string; label: string }[];
  columns: readonly FigureColumn[];
  /** figures[row][column] for each row, then the totals row when given. */
  cells: readonly (readonly Figure[])[];
  rowTotals?: readonly Figure[];
  columnTotals?: readonly Figure[];
  grandTotal?: Figure;
}

/** The figures behind a chart as a real table: caption, column and row headers, totals. */
export function FigureTable({
  caption,
  rowsHeader,
  rows,
  columns,
  cells,
  rowTotals,
  columnTotals,
  grandTotal,
}: FigureTableProps) {
  const { t, i18n } = useTranslation();
  const words = {
    atLeast: (value: string) => t('dashboard.atLeast', { value }),
    withheld: t('dashboard.withheld'),
  };
  const text = (figure: Figure) => figureText(figure, words, i18n.language);
  return (
    <ScrollableTable variant="surface" size="1" className="dashboard-table" label={caption}>
      <caption>{caption}</caption>
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeaderCell scope="col">
            {rowsHeader ?? t('dashboard.table.group')}
          </Table.ColumnHeaderCell>
          {columns.map((column) => (
            <Table.ColumnHeaderCell key={column.key} scope="col" title={column.title}>
              {column.label}
            </Table.ColumnHeaderCell>
          ))}
          {rowTotals ? (
            <Table.ColumnHeaderCell scope="col">{t('dashboard.table.total')}</Table.ColumnHeaderCell>
          ) : null}
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rows.map((label, row) => (
          <Table.Row key={label.key}>
            <Table.RowHeaderCell scope="row">{label.label}</Table.RowHeaderCell>
            {columns.map((column, index) => (
              <Table.Cell key={column.key}>{text(cells[row]![index]!)}</Table.Cell>
            ))}
            {rowTotals ? <Table.Cell>{text(rowTotals[row]!)}</Table.Cell> : null}
          </Table.Row>
        ))}
        {columnTotals ? (
          <Table.Row>
            <Table.RowHeaderCell scope="row">{t('dashboard.table.total')}</Table.RowHeaderCell>
            {columnTotals.map((figure, index) => (
              <Table.Cell key={columns[index]!.key}>{text(figure)}</Table.Cell>
            ))}
            {rowTotals && grandTotal !== undefined ? <Table.Cell>{text(grandTotal)}</Table.Cell> : null}
          </Table.Row>
        ) : null}
      </Table.Body>
    </ScrollableTable>
  );
}
