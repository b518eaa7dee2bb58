import { sharedSchemaResolver } from '../../lib/form-resolver';
import { Button, Dialog, Flex, TextField } from '@radix-ui/themes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { showServerFieldErrors } from '../../lib/form-errors';
import { defaultTimeZone } from '../../lib/time-format';
import { ChoiceField } from '../../ui/ChoiceField';
import { FormAlert } from '../../ui/ErrorCallout';
import { FormField } from '../../ui/FormField';
import { createConsultation } from './api';
import { ConsultationFields } from './ConsultationFields';
import { BLANK_TEMPLATE, newConsultationForm, newConsultationValues } from './consultation-form';
import { consultationKeys, useTemplates } from './useConsultations';

/** A new consultation, blank or from a template; once created, the organiser lands on its home page. */
export function NewConsultationForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const templates = useTemplates();
  const form = useForm({
    resolver: sharedSchemaResolver(newConsultationForm),
    defaultValues: newConsultationValues(defaultTimeZone()),
  });
  const {
    control,
    register,
    formState: { errors },
  } = form;
  const templateId = useWatch({ control, name: 'templateId' });
  const create = useMutation({ mutationFn: createConsultation });

  const submit = form.handleSubmit((body) =>
    create.mutate(body, {
      onSuccess: async (detail) => {
        queryClient.setQueryData(consultationKeys.detail(detail.id), detail);
        await queryClient.invalidateQueries({ queryKey: consultationKeys.list });
        onCreated();
        navigate(`/consultations/${detail.id}`);
      },
      onError: (error) => showServerFieldErrors(form, error),
    }),
  );

  const templateChoices = [
    { value: BLANK_TEMPLATE, label: t('consultations.new.blank') },
    ...(templates.data ?? []).map((template) => ({ value: template.id, label: template.name })),
  ];
  const selectedTemplate = templates.data?.find((template) => template.id === templateId);

  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate>
        <Flex direction="column" gap="3" mt="4">
          <FormAlert error={create.error} />
          <ConsultationFields />
          <ChoiceField
            control={control}
            name="templateId"
            label={t('consultations.fields.template')}
            hint={selectedTemplate?.description}
            choices={templateChoices}
          />
          {templateId !== BLANK_TEMPLATE ? (
            <FormField
              label={t('consultations.fields.agendaDate')}
              hint={t('consultations.new.agendaDateHint')}
              error={errors.agendaDate?.message}
            >
              {(field) => <TextField.Root {...field} type="date" {...register('agendaDate')} />}
            </FormField>
          ) : null}
          <Flex gap="3" justify="end" mt="2">
            <Dialog.Close>
              <Button type="button" variant="soft" color="gray">
                {t('common.cancel')}
              </Button>
            </Dialog.Close>
            <Button type="submit" loading={create.isPending}>
              {t('consultations.new.submit')}
            </Button>
          </Flex>
        </Flex>
      </form>
    </FormProvider>
  );
}
