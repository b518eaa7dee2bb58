import { AGENDA_ITEM_KINDS, type AgendaSession, type Section, type SessionBody } from '@cw/shared';
import { sharedSchemaResolver } from '../../lib/form-resolver';
import { Button, Flex, TextArea, TextField } from '@radix-ui/themes';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { showServerFieldErrors } from '../../lib/form-errors';
import { ChoiceField } from '../../ui/ChoiceField';
import { FormAlert } from '../../ui/ErrorCallout';
import { FormField } from '../../ui/FormField';
import { SectionPicker } from './SectionPicker';
import { sessionForm, sessionValues } from './session-form';

interface SessionFormProps {
  /** The session being edited; a new one when absent. */
  session?: AgendaSession;
  sections: readonly Section[];
  timeZone: string;
  submitLabel: string;
  onSubmit: (body: SessionBody, callbacks: { onError: (error: unknown) => void }) => void;
  isPending: boolean;
  error: unknown;
}

/**
 * An agenda item — a review session, or a programme item around them; times are wall-clock in the
 * consultation's zone, as organisers plan them.
 */
export function SessionForm({
  session,
  sections,
  timeZone,
  submitLabel,
  onSubmit,
  isPending,
  error,
}: SessionFormProps) {
  const { t } = useTranslation();
  const form = useForm({
    resolver: sharedSchemaResolver(sessionForm),
    defaultValues: sessionValues(session, timeZone),
  });
  const {
    control,
    register,
    formState: { errors },
  } = form;

  const kind = useWatch({ control, name: 'kind' });

  const submit = form.handleSubmit((body) =>
    onSubmit(body, { onError: (failure) => showServerFieldErrors(form, failure) }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Flex direction="column" gap="3">
        <FormAlert error={error} />
        <ChoiceField
          control={control}
          name="kind"
          label={t('structure.sessions.fields.kind')}
          hint={t(`structure.sessions.kindHints.${kind}`)}
          choices={AGENDA_ITEM_KINDS.map((value) => ({
            value,
            label: t(`structure.sessions.kinds.${value}`),
          }))}
        />
        <FormField label={t('structure.sessions.fields.title')} error={errors.title?.message}>
          {(field) => <TextField.Root {...field} {...register('title')} />}
        </FormField>
        <Flex gap="3" wrap="wrap">
          <FormField
            label={t('structure.sessions.fields.startsAt', { zone: timeZone })}
            error={errors.startsAt?.message}
          >
            {(field) => <TextField.Root {...field} type="datetime-local" {...register('startsAt')} />}
          </FormField>
          <FormField
            label={t('structure.sessions.fields.endsAt', { zone: timeZone })}
            error={errors.endsAt?.message}
          >
            {(field) => <TextField.Root {...field} type="datetime-local" {...register('endsAt')} />}
          </FormField>
        </Flex>
        <FormField label={t('structure.sessions.fields.description')} error={errors.description?.message}>
          {(field) => <TextArea {...field} rows={3} {...register('description')} />}
        </FormField>
        <FormField
          label={t('structure.sessions.fields.speakers')}
          hint={t('structure.sessions.speakersHint')}
          error={errors.speakers?.message}
        >
          {(field) => <TextArea {...field} rows={2} {...register('speakers')} />}
        </FormField>
        {kind === 'review' ? (
          <Controller
            name="sectionIds"
            control={control}
            render={({ field: linked }) => (
              <SectionPicker
                legend={t('structure.sessions.fields.sections')}
                sections={sections}
                selectedIds={linked.value}
                onChange={linked.onChange}
              />
            )}
          />
        ) : null}
        <Flex>
          <Button type="submit" loading={isPending}>
            {submitLabel}
          </Button>
        </Flex>
      </Flex>
    </form>
  );
}
