import { type ConsultationDetail, type UpdateConsultationBody } from '@cw/shared';
import { sharedSchemaResolver } from '../../lib/form-resolver';
import { Button, Card, Flex, Heading, TextField } from '@radix-ui/themes';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { showServerFieldErrors } from '../../lib/form-errors';
import { FormAlert } from '../../ui/ErrorCallout';
import { FormField } from '../../ui/FormField';
import { updateConsultation } from '../consultations/api';
import { ConsultationFields } from '../consultations/ConsultationFields';
import {
  changedSettings,
  consultationSettingsForm,
  consultationSettingsValues,
} from '../consultations/consultation-form';
import { useRefreshConsultation } from '../consultations/useConsultations';
import { fetchMembers, memberKeys } from '../members/api';
import { ConfirmOpeningDialog } from './ConfirmOpeningDialog';
import { type OpeningConsequences, openingConsequences } from './opening-consequences';

/**
 * Title, description, zone, attribution, dates and k threshold; sends only what changed. A change
 * that opens attribution (a more open mode, a lower k) shows what it does and is sent only once
 * the admin confirms it.
 */
export function ConsultationSettingsForm({ consultation }: { consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  const refresh = useRefreshConsultation(consultation.id);
  const form = useForm({
    resolver: sharedSchemaResolver(consultationSettingsForm),
    defaultValues: consultationSettingsValues(consultation),
  });
  const {
    register,
    formState: { errors },
  } = form;
  const [isSaved, setIsSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: UpdateConsultationBody) => updateConsultation(consultation.id, body),
  });
  const members = useQuery({
    queryKey: memberKeys.list(consultation.id),
    queryFn: () => fetchMembers(consultation.id),
  });
  const [confirming, setConfirming] = useState<{
    body: UpdateConsultationBody;
    consequences: OpeningConsequences;
  } | null>(null);

  function send(body: UpdateConsultationBody) {
    save.mutate(body, {
      onSuccess: async (detail) => {
        await refresh(detail);
        form.reset(consultationSettingsValues(detail));
        setIsSaved(true);
      },
      onError: (error) => showServerFieldErrors(form, error),
    });
  }

  const submit = form.handleSubmit((settings) => {
    const changes = changedSettings(consultation, settings);
    if (Object.keys(changes).length === 0) {
      setIsSaved(true);
      return;
    }
    const memberCounts: Record<string, number> = {};
    for (const member of members.data ?? [])
      memberCounts[member.groupId] = (memberCounts[member.groupId] ?? 0) + 1;
    const consequences = openingConsequences(
      consultation,
      { ...consultation, ...changes },
      consultation.groups,
      memberCounts,
    );
    if (consequences) setConfirming({ body: changes, consequences });
    else send(changes);
  });

  return (
    <section aria-labelledby="settings-heading">
      <ConfirmOpeningDialog
        consequences={confirming?.consequences ?? null}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          if (confirming) send({ ...confirming.body, confirmOpening: true });
          setConfirming(null);
        }}
      />
      <Card>
        <FormProvider {...form}>
          <form
            onSubmit={(event) => {
              setIsSaved(false);
              void submit(event);
            }}
            noValidate
            aria-labelledby="settings-heading"
          >
            <Flex direction="column" gap="3">
              <Heading as="h2" size="5" id="settings-heading">
                {t('settings.details.title')}
              </Heading>
              <FormAlert error={save.error} />
              <ConsultationFields />
              <Flex gap="3" wrap="wrap">
                <FormField label={t('consultations.fields.opensOn')} error={errors.opensOn?.message}>
                  {(field) => <TextField.Root {...field} type="date" {...register('opensOn')} />}
                </FormField>
                <FormField label={t('consultations.fields.closesOn')} error={errors.closesOn?.message}>
                  {(field) => <TextField.Root {...field} type="date" {...register('closesOn')} />}
                </FormField>
                <FormField
                  label={t('consultations.fields.kThreshold')}
                  hint={t('settings.details.kHint')}
                  error={errors.kThreshold?.message}
                >
                  {(field) => (
                    <TextField.Root {...field} type="number" min={2} max={100} {...register('kThreshold')} />
                  )}
                </FormField>
              </Flex>
              <Flex align="center" gap="3">
                <Button type="submit" loading={save.isPending}>
                  {t('common.save')}
                </Button>
                <span role="status" className="status-text">
                  {isSaved ? t('common.saved') : ''}
                </span>
              </Flex>
            </Flex>
          </form>
        </FormProvider>
      </Card>
    </section>
  );
}
