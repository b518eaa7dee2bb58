import type { DashboardData } from '@cw/shared';
import { Callout, Flex, Heading, Text } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { groupGaps } from './gap-groups';
import { GapKindList } from './GapKindList';

/** The representation gaps in words, grouped by kind, each kind under a heading with its count. */
export function GapList({ data }: { data: DashboardData }) {
  const { t } = useTranslation();
  const labels = new Map(data.rows.map((row) => [row.key, row.label]));
  const rowLabel = (key: string) => labels.get(key) ?? '';
  const groups = groupGaps(data);
  return (
    <section aria-labelledby="dashboard-gaps-heading">
      <Flex direction="column" gap="2">
        <Heading as="h2" size="5" id="dashboard-gaps-heading">
          {t('dashboard.gaps.title')}
        </Heading>
        {groups.length === 0 ? (
          <Text as="p">{t('dashboard.gaps.none')}</Text>
        ) : (
          <Callout.Root color="amber" variant="surface" highContrast>
            <Flex direction="column" gap="4">
              {groups.map((group) => (
                <GapKindList key={group.kind} group={group} rowLabel={rowLabel} />
              ))}
            </Flex>
          </Callout.Root>
        )}
      </Flex>
    </section>
  );
}
