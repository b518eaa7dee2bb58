import { ATTRIBUTION_MODES, createConsultationBody, type AttributionMode } from '@cw/shared';
import { Button, Dialog, Flex, TextField } from '@radix-ui/themes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldErrorsFromApi, fieldErrorsFromZod, type FieldErrors } from '../../lib/error-messages';
import { defaultTimeZone } from '../../lib/time-format';
import { ChoiceSelect } from '../../ui/ChoiceSelect';
import { FormAlert } from '../../ui/ErrorCallout';
import { FormField } from '../../ui/FormField';
import { createConsultation } from './api';
import { TimeZoneSelect } from './TimeZoneSelect';
import { consultationKeys, useTemplates } from './useConsultations';

/** Radix Select cannot hold an empty value, so "no template" has its own marker. */
const BLANK = 'blank';

/** Organisers start a consultation, blank or from a template, and land on its home page. */
export function NewConsultationDialog() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const templates = useTemplates();
  const [isOpen, setIsOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [templateId, setTemplateId] = useState(BLANK);
  const [agendaDate, setAgendaDate] = useState('');
  const [timezone, setTimezone] = useState(defaultTimeZone);
  const [attributionMode, setAttributionMode] = useState<AttributionMode>('chatham');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const create = useMutation({ mutationFn: createConsultation });

  function submit(event: FormEvent) {
    event.preventDefault();
    const hasTemplate = templateId !== BLANK;
    const parsed = createConsultationBody.safeParse({
      title,
      timezone,
      attributionMode,
      ...(hasTemplate ? { templateId } : {}),
      ...(hasTemplate && agendaDate ? { agendaDate } : {}),
    });
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setFieldErrors({});
    create.mutate(parsed.data, {
      onSuccess: async (detail) => {
        queryClient.setQueryData(consultationKeys.detail(detail.id), detail);
        await queryClient.invalidateQueries({ queryKey: consultationKeys.list });
        setIsOpen(false);
        navigate(`/consultations/${detail.id}`);
      },
      onError: (error) => setFieldErrors(fieldErrorsFromApi(error)),
    });
  }

  const templateChoices = [
    { value: BLANK, label: t('consultations.new.blank') },
    ...(templates.data ?? []).map((template) => ({ value: template.id, label: template.name })),
  ];
  const selectedTemplate = templates.data?.find((template) => template.id === templateId);

  return (
    <Dialog.Root open={isOpen} onOpenChange={setIsOpen}>
      <Dialog.Trigger>
        <Button>{t('consultations.new.open')}</Button>
      </Dialog.Trigger>
      <Dialog.Content maxWidth="520px">
        <Dialog.Title>{t('consultations.new.title')}</Dialog.Title>
        <Dialog.Description size="2" color="gray" highContrast>
          {t('consultations.new.description')}
        </Dialog.Description>
        <form onSubmit={submit} noValidate>
          <Flex direction="column" gap="3" mt="4">
            <FormAlert error={create.error} />
            <FormField label={t('consultations.fields.title')} error={fieldErrors.title}>
              {(control) => (
                <TextField.Root
                  {...control}
                  value={title}
                  onChange={(event) => setTitle(event.target.value)}
                />
              )}
            </FormField>
            <FormField
              label={t('consultations.fields.template')}
              error={fieldErrors.templateId}
              hint={selectedTemplate?.description}
            >
              {(control) => (
                <ChoiceSelect
                  {...control}
                  value={templateId}
                  choices={templateChoices}
                  onChange={setTemplateId}
                />
              )}
            </FormField>
            {templateId !== BLANK ? (
              <FormField
                label={t('consultations.fields.agendaDate')}
                hint={t('consultations.new.agendaDateHint')}
                error={fieldErrors.agendaDate}
              >
                {(control) => (
                  <TextField.Root
                    {...control}
                    type="date"
                    value={agendaDate}
                    onChange={(event) => setAgendaDate(event.target.value)}
                  />
                )}
              </FormField>
            ) : null}
            <FormField label={t('consultations.fields.timezone')} error={fieldErrors.timezone}>
              {(control) => <TimeZoneSelect {...control} value={timezone} onChange={setTimezone} />}
            </FormField>
            <FormField
              label={t('consultations.fields.attributionMode')}
              hint={t(`attribution.${attributionMode}.explanation`)}
              error={fieldErrors.attributionMode}
            >
              {(control) => (
                <ChoiceSelect
                  {...control}
                  value={attributionMode}
                  choices={ATTRIBUTION_MODES.map((mode) => ({
                    value: mode,
                    label: t(`attribution.${mode}.name`),
                  }))}
                  onChange={(mode) => setAttributionMode(mode as AttributionMode)}
                />
              )}
            </FormField>
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
      </Dialog.Content>
    </Dialog.Root>
  );
}
