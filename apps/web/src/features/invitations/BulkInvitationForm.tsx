import {
  checkInvitationRows,
  MAX_BULK_INVITATIONS,
  type BulkInvitationsAnswer,
  type ConsultationDetail,
} from '@cw/shared';
import { Badge, Button, Callout, Flex, Heading, Table, Text, TextArea } from '@radix-ui/themes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../ui/ErrorCallout';
import { FormField } from '../../ui/FormField';
import { invitationKeys, inviteByMail } from './api';
import { parseInvitationList } from './bulk-rows';

/**
 * Admins invite many people by mail at once: lines pasted or a CSV file uploaded, each row
 * previewed with its problem before anything is sent. The server checks every row again and
 * answers row by row; the refused rows stay in the box to be corrected.
 */
export function BulkInvitationForm({ consultation }: { consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState<BulkInvitationsAnswer | null>(null);
  const list = useMemo(() => parseInvitationList(text), [text]);
  const checked = useMemo(() => checkInvitationRows(list.rows, consultation.groups), [list, consultation]);
  const valid = checked.filter((row) => row.ok).length;
  const send = useMutation({
    mutationFn: () => inviteByMail(consultation.id, { rows: list.rows, expiresInDays: 7 }),
    onSuccess: async (result) => {
      setAnswer(result);
      const refused = new Set(result.rows.filter((row) => row.problem).map((row) => row.row));
      setText(
        list.rows
          .filter((_, index) => refused.has(index))
          .map((row) => [row.email, row.role, row.group ?? 'open'].join(', '))
          .join('\n'),
      );
      await queryClient.invalidateQueries({ queryKey: invitationKeys.list(consultation.id) });
    },
  });

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) setText(await file.text());
    event.target.value = '';
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAnswer(null);
    send.mutate();
  };

  return (
    <Flex direction="column" gap="3">
      <Heading as="h3" size="4" id="bulk-invitation-heading">
        {t('invitations.bulk.title')}
      </Heading>
      <form onSubmit={submit} noValidate aria-labelledby="bulk-invitation-heading">
        <Flex direction="column" gap="3">
          <FormAlert error={send.error} />
          <FormField label={t('invitations.bulk.list')} hint={t('invitations.bulk.listHint')}>
            {(field) => (
              <TextArea
                {...field}
                rows={5}
                value={text}
                placeholder="ana@example.org, reviewer, Trade union"
                onChange={(event) => setText(event.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('invitations.bulk.file')} hint={t('invitations.bulk.fileHint')}>
            {(field) => (
              <input {...field} type="file" accept=".csv,.txt,text/csv,text/plain" onChange={upload} />
            )}
          </FormField>
          {list.tooLong ? (
            <Callout.Root color="amber" highContrast role="alert">
              <Callout.Text>{t('invitations.bulk.tooLong', { max: MAX_BULK_INVITATIONS })}</Callout.Text>
            </Callout.Root>
          ) : null}
          {list.rows.length > 0 ? (
            <Table.Root variant="surface" size="1">
              <caption>
                <Text size="2" weight="medium">
                  {t('invitations.bulk.preview')}
                </Text>
              </caption>
              <Table.Header>
                <Table.Row>
                  <Table.ColumnHeaderCell>{t('invitations.bulk.row')}</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>{t('auth.email')}</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>{t('members.fields.role')}</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>{t('members.fields.group')}</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>{t('invitations.bulk.check')}</Table.ColumnHeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {list.rows.map((row, index) => {
                  const result = checked[index]!;
                  return (
                    <Table.Row key={index}>
                      <Table.Cell>{index + 1}</Table.Cell>
                      <Table.RowHeaderCell>{row.email}</Table.RowHeaderCell>
                      <Table.Cell>{row.role}</Table.Cell>
                      <Table.Cell>{row.group ?? t('invitations.openGroup')}</Table.Cell>
                      <Table.Cell>
                        {result.ok ? (
                          <Badge color="green" highContrast>
                            {t('invitations.bulk.ready')}
                          </Badge>
                        ) : (
                          <Badge color="red" highContrast>
                            {t(`invitations.bulk.problems.${result.problem}`)}
                          </Badge>
                        )}
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table.Root>
          ) : null}
          <Flex>
            <Button type="submit" loading={send.isPending} disabled={valid === 0 || list.tooLong}>
              {t('invitations.bulk.submit', { count: valid })}
            </Button>
          </Flex>
        </Flex>
      </form>
      {answer ? (
        <Callout.Root color={answer.refused > 0 ? 'amber' : 'green'} highContrast role="status">
          <Callout.Text>
            {t('invitations.bulk.sent', { count: answer.invited })}{' '}
            {answer.refused > 0 ? t('invitations.bulk.refused', { count: answer.refused }) : null}
          </Callout.Text>
          {answer.refused > 0 ? (
            <ul>
              {answer.rows
                .filter((row) => row.problem)
                .map((row) => (
                  <li key={row.row}>
                    <Text>
                      {t('invitations.bulk.refusedRow', {
                        row: row.row + 1,
                        email: row.email,
                        problem: t(`invitations.bulk.problems.${row.problem!}`),
                      })}
                    </Text>
                  </li>
                ))}
            </ul>
          ) : null}
        </Callout.Root>
      ) : null}
    </Flex>
  );
}
