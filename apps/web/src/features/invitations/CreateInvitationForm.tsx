import {
  ROLES,
  type ConsultationDetail,
  type CreatedInvitation,
  type CreateInvitationBody,
} from '@cw/shared';
import { sharedSchemaResolver } from '../../lib/form-resolver';
import { Button, Flex, Heading, TextField } from '@radix-ui/themes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { showServerFieldErrors } from '../../lib/form-errors';
import { ChoiceField } from '../../ui/ChoiceField';
import { FormAlert } from '../../ui/ErrorCallout';
import { FormField } from '../../ui/FormField';
import { createInvitation, invitationKeys } from './api';
import { CopyableLink } from './CopyableLink';
import { invitationForm, invitationValues, OPEN_GROUP } from './invitation-form';

/** Admins create a single-use invitation link for a role and stakeholder group. */
export function CreateInvitationForm({ consultation }: { consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    resolver: sharedSchemaResolver(invitationForm),
    defaultValues: invitationValues(consultation),
  });
  const {
    control,
    register,
    formState: { errors },
  } = form;
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const create = useMutation({
    mutationFn: (body: CreateInvitationBody) => createInvitation(consultation.id, body),
  });

  const submit = form.handleSubmit((body) => {
    setCreated(null);
    create.mutate(body, {
      onSuccess: async (invitation) => {
        setCreated(invitation);
        // Role, group and lifetime stay for the next invitation; whom it is for does not.
        form.reset({ ...form.getValues(), email: '', label: '' });
        await queryClient.invalidateQueries({ queryKey: invitationKeys.list(consultation.id) });
      },
      onError: (error) => showServerFieldErrors(form, error),
    });
  });

  return (
    <Flex direction="column" gap="3">
      <Heading as="h3" size="4" id="new-invitation-heading">
        {t('invitations.create.title')}
      </Heading>
      <form onSubmit={submit} noValidate aria-labelledby="new-invitation-heading">
        <Flex direction="column" gap="3">
          <FormAlert error={create.error} />
          <Flex gap="3" wrap="wrap">
            <ChoiceField
              control={control}
              name="role"
              label={t('members.fields.role')}
              choices={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
            />
            <ChoiceField
              control={control}
              name="groupId"
              label={t('members.fields.group')}
              choices={[
                ...consultation.groups.map((choice) => ({ value: choice.id, label: choice.name })),
                { value: OPEN_GROUP, label: t('invitations.openGroup') },
              ]}
            />
            <FormField label={t('invitations.fields.expiresInDays')} error={errors.expiresInDays?.message}>
              {(field) => (
                <TextField.Root {...field} type="number" min={1} max={30} {...register('expiresInDays')} />
              )}
            </FormField>
          </Flex>
          <FormField
            label={t('invitations.fields.email')}
            hint={t('invitations.emailHint')}
            error={errors.email?.message}
          >
            {(field) => <TextField.Root {...field} type="email" {...register('email')} />}
          </FormField>
          <FormField label={t('invitations.fields.label')} error={errors.label?.message}>
            {(field) => <TextField.Root {...field} {...register('label')} />}
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
