import {
  createInvitationBody,
  ROLES,
  type ConsultationDetail,
  type CreatedInvitation,
  type Role,
} from '@cw/shared';
import { Button, Flex, Heading, TextField } from '@radix-ui/themes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsFromApi, fieldErrorsFromZod, type FieldErrors } from '../../lib/error-messages';
import { ChoiceSelect } from '../../ui/ChoiceSelect';
import { FormAlert } from '../../ui/ErrorCallout';
import { FormField } from '../../ui/FormField';
import { createInvitation, invitationKeys } from './api';
import { CopyableLink } from './CopyableLink';

/** Admins create a single-use invitation link for a role and stakeholder group. */
export function CreateInvitationForm({ consultation }: { consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role>('reviewer');
  const [groupId, setGroupId] = useState(consultation.groups[0]?.id ?? '');
  const [email, setEmail] = useState('');
  const [label, setLabel] = useState('');
  const [expiresInDays, setExpiresInDays] = useState('7');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const create = useMutation({
    mutationFn: (body: Parameters<typeof createInvitation>[1]) => createInvitation(consultation.id, body),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = createInvitationBody.safeParse({
      role,
      groupId,
      label,
      expiresInDays: Number(expiresInDays),
      ...(email.trim() ? { email: email.trim() } : {}),
    });
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setFieldErrors({});
    setCreated(null);
    create.mutate(parsed.data, {
      onSuccess: async (invitation) => {
        setCreated(invitation);
        setEmail('');
        setLabel('');
        await queryClient.invalidateQueries({ queryKey: invitationKeys.list(consultation.id) });
      },
      onError: (error) => setFieldErrors(fieldErrorsFromApi(error)),
    });
  }

  return (
    <Flex direction="column" gap="3">
      <Heading as="h3" size="4" id="new-invitation-heading">
        {t('invitations.create.title')}
      </Heading>
      <form onSubmit={submit} noValidate aria-labelledby="new-invitation-heading">
        <Flex direction="column" gap="3">
          <FormAlert error={create.error} />
          <Flex gap="3" wrap="wrap">
            <FormField label={t('members.fields.role')} error={fieldErrors.role}>
              {(control) => (
                <ChoiceSelect
                  {...control}
                  value={role}
                  choices={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
                  onChange={(value) => setRole(value as Role)}
                />
              )}
            </FormField>
            <FormField label={t('members.fields.group')} error={fieldErrors.groupId}>
              {(control) => (
                <ChoiceSelect
                  {...control}
                  value={groupId}
                  choices={consultation.groups.map((group) => ({ value: group.id, label: group.name }))}
                  onChange={setGroupId}
                />
              )}
            </FormField>
            <FormField label={t('invitations.fields.expiresInDays')} error={fieldErrors.expiresInDays}>
              {(control) => (
                <TextField.Root
                  {...control}
                  type="number"
                  min={1}
                  max={30}
                  value={expiresInDays}
                  onChange={(event) => setExpiresInDays(event.target.value)}
                />
              )}
            </FormField>
          </Flex>
          <FormField
            label={t('invitations.fields.email')}
            hint={t('invitations.emailHint')}
            error={fieldErrors.email}
          >
            {(control) => (
              <TextField.Root
                {...control}
                type="email"
                value={email}
                onChange={(event) => setEmail(event.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('invitations.fields.label')} error={fieldErrors.label}>
            {(control) => (
              <TextField.Root {...control} value={label} onChange={(event) => setLabel(event.target.value)} />
            )}
          </FormField>
          <Flex>
            <Button type="submit" loading={create.isPending}>
              {t('invitations.create.submit')}
            </Button>
          </Flex>
        </Flex>
      </form>
      {created ? <CopyableLink label={t('invitations.linkLabel')} url={created.url} /> : null}
    </Flex>
  );
}
