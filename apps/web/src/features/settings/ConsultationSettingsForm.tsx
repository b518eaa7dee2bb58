import {
  ATTRIBUTION_MODES,
  updateConsultationBody,
  type AttributionMode,
  type ConsultationDetail,
} from '@cw/shared';
import { Button, Card, Flex, Heading, Text, TextArea, TextField } from '@radix-ui/themes';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsFromApi, fieldErrorsFromZod, type FieldErrors } from '../../lib/error-messages';
import { ChoiceSelect } from '../../ui/ChoiceSelect';
import { FormAlert } from '../../ui/ErrorCallout';
import { FormField } from '../../ui/FormField';
import { updateConsultation } from '../consultations/api';
import { TimeZoneSelect } from '../consultations/TimeZoneSelect';
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
  const [title, setTitle] = useState(consultation.title);
  const [description, setDescription] = useState(consultation.description);
  const [timezone, setTimezone] = useState(consultation.timezone);
  const [attributionMode, setAttributionMode] = useState<AttributionMode>(consultation.attributionMode);
  const [opensOn, setOpensOn] = useState(consultation.opensOn ?? '');
  const [closesOn, setClosesOn] = useState(consultation.closesOn ?? '');
  const [kThreshold, setKThreshold] = useState(String(consultation.kThreshold));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [isSaved, setIsSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: Parameters<typeof updateConsultation>[1]) => updateConsultation(consultation.id, body),
  });
  const members = useQuery({
    queryKey: memberKeys.list(consultation.id),
    queryFn: () => fetchMembers(consultation.id),
  });
  const [confirming, setConfirming] = useState<{
    body: Parameters<typeof updateConsultation>[1];
    consequences: OpeningConsequences;
  } | null>(null);

  function send(body: Parameters<typeof updateConsultation>[1]) {
    save.mutate(body, {
      onSuccess: async (detail) => {
        await refresh(detail);
        setIsSaved(true);
      },
      onError: (error) => setFieldErrors(fieldErrorsFromApi(error)),
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setIsSaved(false);
    const candidate = {
      title,
      description,
      timezone,
      attributionMode,
      opensOn: opensOn || null,
      closesOn: closesOn || null,
      kThreshold: Number(kThreshold),
    };
    const changed = Object.fromEntries(
      Object.entries(candidate).filter(
        ([key, value]) => consultation[key as keyof typeof candidate] !== value,
      ),
    );
    if (Object.keys(changed).length === 0) {
      setIsSaved(true);
      return;
    }
    const parsed = updateConsultationBody.safeParse(changed);
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setFieldErrors({});
    const memberCounts: Record<string, number> = {};
    for (const member of members.data ?? [])
      memberCounts[member.groupId] = (memberCounts[member.groupId] ?? 0) + 1;
    const consequences = openingConsequences(
      consultation,
      { attributionMode, kThreshold: Number(kThreshold) },
      consultation.groups,
      memberCounts,
    );
    if (consequences) setConfirming({ body: parsed.data, consequences });
    else send(parsed.data);
  }

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
        <form onSubmit={submit} noValidate aria-labelledby="settings-heading">
          <Flex direction="column" gap="3">
            <Heading as="h2" size="5" id="settings-heading">
              {t('settings.details.title')}
            </Heading>
            <FormAlert error={save.error} />
            <FormField label={t('consultations.fields.title')} error={fieldErrors.title}>
              {(control) => (
                <TextField.Root
                  {...control}
                  value={title}
                  onChange={(event) => setTitle(event.target.value)}
                />
              )}
            </FormField>
            <FormField label={t('consultations.fields.description')} error={fieldErrors.description}>
              {(control) => (
                <TextArea
                  {...control}
                  rows={4}
                  value={description}
                  onChange={(event) => setDescription(event.target.value)}
                />
              )}
            </FormField>
            <FormField label={t('consultations.fields.timezone')} error={fieldErrors.timezone}>
              {(control) => <TimeZoneSelect {...control} value={timezone} onChange={setTimezone} />}
            </FormField>
            <FormField label={t('consultations.fields.attributionMode')} error={fieldErrors.attributionMode}>
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
            <ul className="plain-list">
              {ATTRIBUTION_MODES.map((mode) => (
                <li key={mode}>
                  <Text size="2">
                    <strong>{t(`attribution.${mode}.name`)}</strong>: {t(`attribution.${mode}.explanation`)}
                  </Text>
                </li>
              ))}
            </ul>
            <Flex gap="3" wrap="wrap">
              <FormField label={t('consultations.fields.opensOn')} error={fieldErrors.opensOn}>
                {(control) => (
                  <TextField.Root
                    {...control}
                    type="date"
                    value={opensOn}
                    onChange={(event) => setOpensOn(event.target.value)}
                  />
                )}
              </FormField>
              <FormField label={t('consultations.fields.closesOn')} error={fieldErrors.closesOn}>
                {(control) => (
                  <TextField.Root
                    {...control}
                    type="date"
                    value={closesOn}
                    onChange={(event) => setClosesOn(event.target.value)}
                  />
                )}
              </FormField>
              <FormField
                label={t('consultations.fields.kThreshold')}
                hint={t('settings.details.kHint')}
                error={fieldErrors.kThreshold}
              >
                {(control) => (
                  <TextField.Root
                    {...control}
                    type="number"
                    min={2}
                    max={100}
                    value={kThreshold}
                    onChange={(event) => setKThreshold(event.target.value)}
                  />
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
      </Card>
    </section>
  );
}
