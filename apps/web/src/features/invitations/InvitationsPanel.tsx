import type { ConsultationDetail, Invitation } from '@cw/shared';
import { Badge, Button, Card, Flex, Heading, Table, Text } from '@radix-ui/themes';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../lib/time-format';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorCallout, FormAlert } from '../../ui/ErrorCallout';
import { LoadingState } from '../../ui/LoadingState';
import { fetchInvitations, invitationKeys, resendInvitation, revokeInvitation } from './api';
import { BulkInvitationForm } from './BulkInvitationForm';
import { CreateInvitationForm } from './CreateInvitationForm';
import { ScrollableTable } from '../../ui/ScrollableTable';

const STATUS_COLORS = { pending: 'green', used: 'gray', expired: 'amber', revoked: 'red' } as const;
const MAIL_COLORS = { pending: 'gray', sending: 'gray', sent: 'green', failed: 'red', kept: 'blue' } as const;

/** When and how an emailed invitation's mail went, and whether its link was opened. */
function MailState({ invitation }: { invitation: Invitation }) {
  const { t, i18n } = useTranslation();
  if (!invitation.mailStatus) return <Text color="gray">{t('invitations.mail.none')}</Text>;
  return (
    <Flex direction="column" gap="1" align="start">
      <Badge color={MAIL_COLORS[invitation.mailStatus]} highContrast>
        {t(`invitations.mail.${invitation.mailStatus}`)}
      </Badge>
      {invitation.mailedAt ? <Text size="1">{formatInstant(invitation.mailedAt, i18n.language)}</Text> : null}
      {invitation.mailError ? (
        <Text size="1" color="red">
          {invitation.mailError}
        </Text>
      ) : null}
      {invitation.openedAt ? (
        <Text size="1">
          {t('invitations.mail.opened', { at: formatInstant(invitation.openedAt, i18n.language) })}
        </Text>
      ) : null}
    </Flex>
  );
}

/** Invite by mail or create links, see each invitation's status, resend or revoke it. */
export function InvitationsPanel({ consultation }: { consultation: ConsultationDetail }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const invitations = useQuery({
    queryKey: invitationKeys.list(consultation.id),
    queryFn: () => fetchInvitations(consultation.id),
  });
  const revoke = useMutation({
    mutationFn: (invitationId: string) => revokeInvitation(consultation.id, invitationId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationKeys.list(consultation.id) }),
  });
  const resend = useMutation({
    mutationFn: (invitationId: string) => resendInvitation(consultation.id, invitationId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationKeys.list(consultation.id) }),
  });
  const groupName = (invitation: Invitation) =>
    invitation.groupId === null
      ? t('invitations.openGroup')
      : (consultation.groups.find((group) => group.id === invitation.groupId)?.name ?? '');

  return (
    <section aria-labelledby="invitations-heading">
      <Card>
        <Flex direction="column" gap="4">
          <Heading as="h2" size="5" id="invitations-heading">
            {t('invitations.title')}
          </Heading>
          <BulkInvitationForm consultation={consultation} />
          <CreateInvitationForm consultation={consultation} />
          <Heading as="h3" size="4">
            {t('invitations.list.title')}
          </Heading>
          <FormAlert error={revoke.error ?? resend.error} />
          {invitations.isPending ? <LoadingState /> : null}
          {invitations.error ? <ErrorCallout error={invitations.error} /> : null}
          {invitations.data?.length === 0 ? <Text>{t('invitations.list.empty')}</Text> : null}
          {invitations.data && invitations.data.length > 0 ? (
            <ScrollableTable variant="surface" label={t('invitations.list.title')}>
              <Table.Header>
                <Table.Row>
                  <Table.ColumnHeaderCell>{t('invitations.fields.for')}</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>{t('members.fields.role')}</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>{t('members.fields.group')}</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>{t('invitations.fields.status')}</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>{t('invitations.fields.mail')}</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>{t('invitations.fields.expiresAt')}</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>{t('members.fields.actions')}</Table.ColumnHeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {invitations.data.map((invitation) => {
                  const recipient = invitation.label || invitation.email || t('invitations.anyone');
                  return (
                    <Table.Row key={invitation.id}>
                      <Table.RowHeaderCell>{recipient}</Table.RowHeaderCell>
                      <Table.Cell>{t(`roles.${invitation.role}`)}</Table.Cell>
                      <Table.Cell>{groupName(invitation)}</Table.Cell>
                      <Table.Cell>
                        <Badge color={STATUS_COLORS[invitation.status]} highContrast>
                          {t(`invitations.status.${invitation.status}`)}
                        </Badge>
                        {invitation.usedAt ? (
                          <Text as="div" size="1">
                            {formatInstant(invitation.usedAt, i18n.language)}
                          </Text>
                        ) : null}
                      </Table.Cell>
                      <Table.Cell>
                        <MailState invitation={invitation} />
                      </Table.Cell>
                      <Table.Cell>{formatInstant(invitation.expiresAt, i18n.language)}</Table.Cell>
                      <Table.Cell>
                        <Flex gap="2" wrap="wrap">
                          {invitation.emailed &&
                          invitation.resendsLeft > 0 &&
                          (invitation.status === 'pending' || invitation.status === 'expired') ? (
                            <Button
                              size="1"
                              variant="soft"
                              loading={resend.isPending && resend.variables === invitation.id}
                              onClick={() => resend.mutate(invitation.id)}
                            >
                              {t('invitations.resend', { recipient })}
                            </Button>
                          ) : null}
                          {invitation.status === 'pending' ? (
                            <ConfirmDialog
                              trigger={
                                <Button size="1" variant="soft" color="red">
                                  {t('invitations.revoke.action', { recipient })}
                                </Button>
                              }
                              title={t('invitations.revoke.title')}
                              description={t('invitations.revoke.description')}
                              confirmLabel={t('invitations.revoke.confirm')}
                              isDestructive
                              onConfirm={() => revoke.mutate(invitation.id)}
                            />
                          ) : null}
                        </Flex>
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </ScrollableTable>
          ) : null}
        </Flex>
      </Card>
    </section>
  );
}
