import { ATTRIBUTION_MODES } from '@cw/shared';
import { TextArea, TextField } from '@radix-ui/themes';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ChoiceSelect } from '../../ui/ChoiceSelect';
import { FormField } from '../../ui/FormField';
import type { ConsultationFieldValues } from './consultation-form';
import { TimeZoneSelect } from './TimeZoneSelect';

/**
 * Title, description, time zone and attribution mode, for any form about a consultation: the
 * form that holds them (react-hook-form, through its provider) checks and sends them.
 */
export function ConsultationFields() {
  const { t } = useTranslation();
  const {
    register,
    control,
    formState: { errors },
  } = useFormContext<ConsultationFieldValues>();
  const attributionMode = useWatch({ control, name: 'attributionMode' });
  return (
    <>
      <FormField label={t('consultations.fields.title')} error={errors.title?.message}>
        {(field) => <TextField.Root {...field} {...register('title')} />}
      </FormField>
      <FormField label={t('consultations.fields.description')} error={errors.description?.message}>
        {(field) => <TextArea {...field} rows={3} {...register('description')} />}
      </FormField>
      <FormField label={t('consultations.fields.timezone')} error={errors.timezone?.message}>
        {(field) => (
          <Controller
            name="timezone"
            control={control}
            render={({ field: zone }) => (
              <TimeZoneSelect
                {...field}
                ref={zone.ref}
                value={zone.value}
                onChange={zone.onChange}
                onBlur={zone.onBlur}
              />
            )}
          />
        )}
      </FormField>
      <FormField
        label={t('consultations.fields.attributionMode')}
        hint={t(`attribution.${attributionMode}.explanation`)}
        error={errors.attributionMode?.message}
      >
        {(field) => (
          <Controller
            name="attributionMode"
            control={control}
            render={({ field: mode }) => (
              <ChoiceSelect
                {...field}
                ref={mode.ref}
                value={mode.value}
                onChange={mode.onChange}
                choices={ATTRIBUTION_MODES.map((choice) => ({
                  value: choice,
                  label: t(`attribution.${choice}.name`),
                }))}
              />
            )}
          />
        )}
      </FormField>
    </>
  );
}
