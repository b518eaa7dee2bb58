import type { DashboardData, InputMetric, InputTable } from '@cw/shared';
import { Flex, Heading, Text } from '@radix-ui/themes';
import { type FigureColumn, FigureTable } from './FigureTable';
import { chartRows, withholdingOf } from './figures';
import { GroupChart } from './GroupChart';
import { WithheldNote } from './WithheldNote';

interface FiguresSectionProps {
  id: string;
  title: string;
  caption: string;
  empty: string;
  kind: 'bars' | 'line';
  data: DashboardData;
  table: InputTable;
  columns: readonly FigureColumn[];
  metric: InputMetric;
}

/**
 * One table of the dashboard: its chart and, below it, the same figures as a table. A chart the
 * k threshold left nothing to draw on gives way to a note saying why.
 */
export function FiguresSection({
  id,
  title,
  caption,
  empty,
  kind,
  data,
  table,
  columns,
  metric,
}: FiguresSectionProps) {
  const pick = <T extends Record<InputMetric, unknown>>(figures: T) => figures[metric] as T[InputMetric];
  const withholding = withholdingOf(table.cells.flat().map(pick));
  return (
    <section aria-labelledby={`${id}-heading`}>
      <Flex direction="column" gap="3">
        <Heading as="h2" size="5" id={`${id}-heading`}>
          {title}
        </Heading>
        {columns.length === 0 ? (
          <Text as="p">{empty}</Text>
        ) : (
          <>
            <WithheldNote withholding={withholding} k={data.kThreshold} />
            {withholding === 'all' ? null : (
              <GroupChart
                kind={kind}
                caption={caption}
                series={data.rows.map((row) => ({ key: row.key, name: row.label }))}
                data={chartRows(
                  table,
                  columns.map((column) => column.label),
                  data.rows,
                  metric,
                )}
              />
            )}
            <FigureTable
              caption={caption}
              rows={data.rows}
              columns={columns}
              cells={table.cells.map((row) => row.map(pick))}
              rowTotals={table.rowTotals.map(pick)}
              columnTotals={table.columnTotals.map(pick)}
              grandTotal={pick(table.grandTotal)}
            />
          </>
        )}
      </Flex>
    </section>
  );
}
