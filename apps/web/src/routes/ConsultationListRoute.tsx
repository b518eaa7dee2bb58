import { Flex, Heading, Link as ThemeLink, Table, Text } from '@radix-ui/themes';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../features/auth/useCurrentUser';
import { PhaseBadge } from '../features/consultations/ConsultationBadges';
import { NewConsultationDialog } from '../features/consultations/NewConsultationDialog';
import { useConsultations } from '../features/consultations/useConsultations';
import { ErrorCallout } from '../ui/ErrorCallout';
import { LoadingState } from '../ui/LoadingState';
import { usePageTitle } from '../ui/usePageTitle';
import { ScrollableTable } from '../ui/ScrollableTable';

export function ConsultationListRoute() {
  const { t } = useTranslation();
  usePageTitle(t('consultations.list.title'));
  const { data: user } = useCurrentUser();
  const consultations = useConsultations();

  return (
    <Flex direction="column" gap="4">
      <Flex justify="between" align="center" gap="3" wrap="wrap">
        <Heading as="h1">{t('consultations.list.title')}</Heading>
        {user?.isOrganiser ? <NewConsultationDialog /> : null}
      </Flex>
      {consultations.isPending ? <LoadingState /> : null}
      {consultations.error ? <ErrorCallout error={consultations.error} /> : null}
      {consultations.data?.length === 0 ? <Text>{t('consultations.list.empty')}</Text> : null}
      {consultations.data && consultations.data.length > 0 ? (
        <ScrollableTable variant="surface" label={t('consultations.list.title')}>
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeaderCell>{t('consultations.fields.title')}</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>{t('consultations.fields.phase')}</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>{t('members.fields.role')}</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>{t('members.fields.group')}</Table.ColumnHeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {consultations.data.map((consultation) => (
              <Table.Row key={consultation.id}>
                <Table.RowHeaderCell>
                  <ThemeLink asChild>
                    <Link to={`/consultations/${consultation.id}`}>{consultation.title}</Link>
                  </ThemeLink>
                </Table.RowHeaderCell>
                <Table.Cell>
                  <PhaseBadge phase={consultation.phase} />
                </Table.Cell>
                <Table.Cell>{t(`roles.${consultation.role}`)}</Table.Cell>
                <Table.Cell>{consultation.groupName}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ScrollableTable>
      ) : null}
    </Flex>
  );
}
