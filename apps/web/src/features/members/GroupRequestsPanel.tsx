import type { ConsultationDetail } from '@cw/shared';
import { Button, Flex, Heading, Table, Text } from '@radix-ui/themes';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorCallout, FormAlert } from '../../ui/ErrorCallout';
import { decideGroupRequest, fetchGroupRequests, groupRequestKeys, memberKeys } from './api';

/** Admins answer members' requests to change their stakeholder group. */
export function GroupRequestsPanel({ consultation }: { consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const requests = useQuery({
    queryKey: groupRequestKeys.list(consultation.id),
    queryFn: () => fetchGroupRequests(consultation.id),
  });
  const decide = useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'approve' | 'decline' }) =>
      decideGroupRequest(consultation.id, id, decision),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: groupRequestKeys.list(consultation.id) }),
        queryClient.invalidateQueries({ queryKey: memberKeys.list(consultation.id) }),
      ]),
  });
  const groupName = (groupId: string) =>
    consultation.groups.find((group) => group.id === groupId)?.name ?? '';
  if (!requests.data?.length && !requests.error) return null;

  return (
    <section aria-labelledby="group-requests-heading">
      <Flex direction="column" gap="3">
        <Heading as="h2" size="5" id="group-requests-heading">
          {t('members.requests.title')}
        </Heading>
        {requests.error ? <ErrorCallout error={requests.error} /> : null}
        <FormAlert error={decide.error} />
        <Table.Root variant="surface">
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeaderCell>{t('members.fields.name')}</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>{t('members.requests.from')}</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>{t('members.requests.to')}</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>{t('members.fields.actions')}</Table.ColumnHeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {requests.data?.map((request) => (
              <Table.Row key={request.id}>
                <Table.RowHeaderCell>
                  <Text weight="medium">{request.name}</Text>
                </Table.RowHeaderCell>
                <Table.Cell>{groupName(request.fromGroupId)}</Table.Cell>
                <Table.Cell>{groupName(request.groupId)}</Table.Cell>
                <Table.Cell>
                  <Flex gap="2">
                    <Button
                      size="1"
                      onClick={() => decide.mutate({ id: request.id, decision: 'approve' })}
                      disabled={decide.isPending}
                    >
                      {t('members.requests.approve', { name: request.name })}
                    </Button>
                    <Button
                      size="1"
                      variant="soft"
                      color="red"
                      onClick={() => decide.mutate({ id: request.id, decision: 'decline' })}
                      disabled={decide.isPending}
                    >
                      {t('members.requests.decline', { name: request.name })}
                    </Button>
                  </Flex>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table.Root>
      </Flex>
    </section>
  );
}
