import type { VersionSummary } from '@cw/shared';
import { Link as ThemeLink, Table } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatInstant } from '../../lib/time-format';
import { ScrollableTable } from '../../ui/ScrollableTable';

/** The versions taken so far, newest first, each opening read-only. */
export function VersionList({ versions }: { versions: readonly VersionSummary[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollableTable variant="surface" label={t('versions.pageTitle')}>
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeaderCell>{t('versions.list.name')}</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>{t('versions.list.takenAt')}</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>{t('versions.list.takenBy')}</Table.ColumnHeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {versions.map((version) => (
          <Table.Row key={version.id}>
            <Table.RowHeaderCell>
              <ThemeLink asChild>
                <Link to={version.id}>{version.name}</Link>
              </ThemeLink>
            </Table.RowHeaderCell>
            <Table.Cell>{formatInstant(version.createdAt, i18n.language)}</Table.Cell>
            <Table.Cell>{version.isCreatedByYou ? t('versions.list.you') : version.createdBy}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </ScrollableTable>
  );
}

/** Newest first, whatever order the answer came in. */
export function newestFirst(versions: readonly VersionSummary[]): VersionSummary[] {
  return [...versions].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
