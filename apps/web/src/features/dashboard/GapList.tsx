import type { DashboardData } from '@cw/shared';
import { Callout, Flex, Heading, Text } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { gapMessage } from './gap-wording';

/** The representation gaps in words. */
export function GapList({ data }: { data: DashboardData }) {
  const { t } = useTranslation();
  const labels = new Map(data.rows.map((row) => [row.key, row.label]));
  const rowLabel = (key: string) => labels.get(key) ?? '';
  return (
    <section aria-labelledby="dashboard-gaps-heading">
      <Flex direction="column" gap="2">
        <Heading as="h2" size="5" id="dashboard-gaps-heading">
          {t('dashboard.gaps.title')}
        </Heading>
        {data.gaps.length === 0 ? (
          <Text as="p">{t('dashboard.gaps.none')}</Text>
        ) : (
          <Callout.Root color="amber" variant="surface" highContrast>
            <ul className="dashboard-gaps">
              {data.gaps.map((gap) => {
                const message = gapMessage(gap, rowLabel);
                return (
                  <li key={`${gap.kind}-${gap.rowKey ?? 'all'}-${gap.target.id}`}>
                    {t(message.key, message.values)}
                  </li>
                );
              })}
            </ul>
          </Callout.Root>
        )}
      </Flex>
    </section>
  );
}
