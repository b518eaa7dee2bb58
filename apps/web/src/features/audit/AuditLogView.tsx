import { AUDIT_ACTIONS, type AuditEntry, type ConsultationDetail } from '@cw/shared';
import { Button, Flex, Link, Table, Text, TextField } from '@radix-ui/themes';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatInstant } from '../../lib/time-format';
import { ChoiceSelect } from '../../ui/ChoiceSelect';
import { ErrorCallout } from '../../ui/ErrorCallout';
import { FormField } from '../../ui/FormField';
import { LoadingState } from '../../ui/LoadingState';
import { fetchMembers, memberKeys } from '../members/api';
import { auditCsvUrl } from './api';
import { type AuditFilterName, auditFiltersFromSearch, changes } from './audit-filters';
import { useAuditLog } from './useAuditLog';
import { ScrollableTable } from '../../ui/ScrollableTable';

/** Radix selects cannot hold an empty value, so "any" has a name of its own. */
const ANY = 'any';

/** The organisers' record, filtered by action, person and days, and downloadable as CSV. */
export function AuditLogView({ consultation }: { consultation: ConsultationDetail }) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const filters = auditFiltersFromSearch(search);
  const members = useQuery({
    queryKey: memberKeys.list(consultation.id),
    queryFn: () => fetchMembers(consultation.id),
  });
  const log = useAuditLog(consultation.id, filters);
  const choose = (name: AuditFilterName) => (value: string) => {
    const next = new URLSearchParams(search);
    if (value && value !== ANY) next.set(name, value);
    else next.delete(name);
    setSearch(next, { replace: true });
  };
  const entries = log.data?.pages.flat() ?? [];
  return (
    <Flex direction="column" gap="4">
      <Flex gap="3" wrap="wrap" align="end" role="group" aria-label={t('audit.filters.title')}>
        <FormField label={t('audit.filters.action')}>
          {(control) => (
            <ChoiceSelect
              {...control}
              value={filters.action ?? ANY}
              onChange={choose('action')}
              choices={[
                { value: ANY, label: t('audit.filters.anyAction') },
                ...AUDIT_ACTIONS.map((action) => ({ value: action, label: t(`audit.actions.${action}`) })),
              ]}
            />
          )}
        </FormField>
        <FormField label={t('audit.filters.person')}>
          {(control) => (
            <ChoiceSelect
              {...control}
              value={filters.actorId ?? ANY}
              onChange={choose('actorId')}
              choices={[
                { value: ANY, label: t('audit.filters.anyone') },
                ...(members.data ?? [])
                  .filter((member) => member.role === 'admin' || member.role === 'editor')
                  .map((member) => ({ value: member.userId, label: member.name })),
              ]}
            />
          )}
        </FormField>
        <FormField label={t('audit.filters.from')}>
          {(control) => (
            <TextField.Root
              {...control}
              type="date"
              value={filters.from ?? ''}
              onChange={(event) => choose('from')(event.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('audit.filters.to')}>
          {(control) => (
            <TextField.Root
              {...control}
              type="date"
              value={filters.to ?? ''}
              onChange={(event) => choose('to')(event.target.value)}
            />
          )}
        </FormField>
        <Link href={auditCsvUrl(consultation.id, filters)} download size="2">
          {t('audit.csv')}
        </Link>
      </Flex>
      {log.isPending ? (
        <LoadingState />
      ) : log.error ? (
        <ErrorCallout error={log.error} />
      ) : entries.length === 0 ? (
        <Text as="p">{t('audit.empty')}</Text>
      ) : (
        <ScrollableTable variant="surface" size="1" label={t('audit.pageTitle')}>
          <caption>
            {t('audit.caption', { timezone: Intl.DateTimeFormat().resolvedOptions().timeZone })}
          </caption>
          <Table.Header>
            <Table.Row>
              {(['when', 'who', 'what', 'on', 'change'] as const).map((column) => (
                <Table.ColumnHeaderCell key={column} scope="col">
                  {t(`audit.columns.${column}`)}
                </Table.ColumnHeaderCell>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {entries.map((entry) => (
              <EntryRow key={entry.id} entry={entry} locale={i18n.language} />
            ))}
          </Table.Body>
        </ScrollableTable>
      )}
      {log.hasNextPage ? (
        <Flex>
          <Button variant="soft" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            {t('audit.more')}
          </Button>
        </Flex>
      ) : null}
    </Flex>
  );
}

function EntryRow({ entry, locale }: { entry: AuditEntry; locale: string }) {
  const { t } = useTranslation();
  return (
    <Table.Row>
      <Table.Cell>
        <time dateTime={entry.createdAt}>{formatInstant(entry.createdAt, locale)}</time>
      </Table.Cell>
      <Table.RowHeaderCell scope="row">
        {entry.actor.role
          ? t('audit.who', { name: entry.actor.name, role: t(`roles.${entry.actor.role}`) })
          : t('audit.scheduleActor')}
      </Table.RowHeaderCell>
      <Table.Cell>{t(`audit.actions.${entry.action}`)}</Table.Cell>
      <Table.Cell>
        {t(`audit.targets.${entry.target.type}`)}
        {entry.target.label ? `: ${entry.target.label}` : ''}
      </Table.Cell>
      <Table.Cell>
        <ul className="plain-list">
          {changes(entry.before, entry.after).map((change) => (
            <li key={change.field}>
              <Text size="1">{t('audit.change', change)}</Text>
            </li>
          ))}
        </ul>
      </Table.Cell>
    </Table.Row>
  );
}
