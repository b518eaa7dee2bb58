import type { ConsultationDetail } from '@cw/shared';
import { Flex, Heading, Table } from '@radix-ui/themes';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorCallout, FormAlert } from '../../ui/ErrorCallout';
import { LoadingState } from '../../ui/LoadingState';
import { canDo } from '../consultations/useConsultations';
import { fetchMembers, memberKeys } from './api';
import { MemberRow } from './MemberRow';
import { ScrollableTable } from '../../ui/ScrollableTable';

/** Everyone in the consultation with role and group; editable for those who may manage members. */
export function MembersTable({ consultation }: { consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  const members = useQuery({
    queryKey: memberKeys.list(consultation.id),
    queryFn: () => fetchMembers(consultation.id),
  });
  const [changeError, setChangeError] = useState<unknown>(null);
  const canManage = canDo(consultation, 'members.manage');

  return (
    <section aria-labelledby="members-heading">
      <Flex direction="column" gap="3">
        <Heading as="h2" size="5" id="members-heading">
          {t('members.title')}
        </Heading>
        <FormAlert error={changeError} />
        {members.isPending ? <LoadingState /> : null}
        {members.error ? <ErrorCallout error={members.error} /> : null}
        {members.data ? (
          <ScrollableTable variant="surface" label={t('members.table')}>
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeaderCell>{t('members.fields.name')}</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>{t('members.fields.role')}</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>{t('members.fields.group')}</Table.ColumnHeaderCell>
                {canManage ? (
                  <Table.ColumnHeaderCell>{t('members.fields.actions')}</Table.ColumnHeaderCell>
                ) : null}
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {members.data.map((member) => (
                <MemberRow
                  key={member.id}
                  consultation={consultation}
                  member={member}
                  canManage={canManage}
                  onError={setChangeError}
                />
              ))}
            </Table.Body>
          </ScrollableTable>
        ) : null}
      </Flex>
    </section>
  );
}
