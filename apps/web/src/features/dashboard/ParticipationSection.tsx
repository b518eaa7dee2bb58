import type { DashboardData } from '@cw/shared';
import { Flex, Heading } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { FigureTable } from './FigureTable';
import { shownValue } from './figures';
import { GroupChart } from './GroupChart';

const FIGURES = ['invited', 'joined', 'active'] as const;

/** Members invited, joined and active per group. */
export function ParticipationSection({ data }: { data: DashboardData }) {
  const { t } = useTranslation();
  const caption = t('dashboard.participation.caption');
  const columns = FIGURES.map((figure) => ({ key: figure, label: t(`dashboard.participation.${figure}`) }));
  return (
    <section aria-labelledby="dashboard-participation-heading">
      <Flex direction="column" gap="3">
        <Heading as="h2" size="5" id="dashboard-participation-heading">
          {t('dashboard.participation.title')}
        </Heading>
        <GroupChart
          kind="rows"
          caption={caption}
          series={columns.map((column) => ({ key: column.key, name: column.label }))}
          data={data.rows.map((label, row) => ({
            label: label.label,
            ...Object.fromEntries(
              FIGURES.map((figure) => [figure, shownValue(data.participation.rows[row]![figure])]),
            ),
          }))}
        />
        <FigureTable
          caption={caption}
          rows={data.rows}
          columns={columns}
          cells={data.participation.rows.map((figures) => FIGURES.map((figure) => figures[figure]))}
          columnTotals={FIGURES.map((figure) => data.participation.total[figure])}
        />
      </Flex>
    </section>
  );
}
