import type { DashboardData } from '@cw/shared';
import { Flex, Heading } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { FigureTable } from './FigureTable';
import { shownValue, withholdingOf } from './figures';
import { GroupChart } from './GroupChart';
import { WithheldNote } from './WithheldNote';

const FIGURES = ['invited', 'joined', 'active'] as const;

/** Members invited, joined and active per group. */
export function ParticipationSection({ data }: { data: DashboardData }) {
  const { t } = useTranslation();
  const caption = t('dashboard.participation.caption');
  const columns = FIGURES.map((figure) => ({ key: figure, label: t(`dashboard.participation.${figure}`) }));
  const cells = data.participation.rows.map((figures) => FIGURES.map((figure) => figures[figure]));
  const withholding = withholdingOf(cells.flat());
  return (
    <section aria-labelledby="dashboard-participation-heading">
      <Flex direction="column" gap="3">
        <Heading as="h2" size="5" id="dashboard-participation-heading">
          {t('dashboard.participation.title')}
        </Heading>
        <WithheldNote withholding={withholding} k={data.kThreshold} />
        {withholding === 'all' ? null : (
          <GroupChart
            kind="rows"
            caption={caption}
            series={columns.map((column) => ({ key: column.key, name: column.label }))}
            data={data.rows.map((label, row) => ({
              label: label.label,
              ...Object.fromEntries(
                FIGURES.map((figure, column) => [figure, shownValue(cells[row]![column]!)]),
              ),
            }))}
          />
        )}
        <FigureTable
          caption={caption}
          rows={data.rows}
          columns={columns}
          cells={cells}
          columnTotals={FIGURES.map((figure) => data.participation.total[figure])}
        />
      </Flex>
    </section>
  );
}
