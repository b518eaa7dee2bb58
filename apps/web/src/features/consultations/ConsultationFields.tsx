import { ATTRIBUTION_MODES, LANGUAGES, TEXT_CHANGE_MODES } from '@cw/shared';
import { TextArea, TextField } from '@radix-ui/themes';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ChoiceField } from '../../ui/ChoiceField';
import { FormField } from '../../ui/FormField';
import type { ConsultationFieldValues } from './consultation-form';
import { TimeZoneSelect } from './TimeZoneSelect';

/**
 * Title, description, time zone, attribution mode, what reviewers may do with the text and the
 * language of the input, for
 * any form about a consultation: the form that holds them (react-hook-form, through its
 * provider) checks and sends them.
 */
export function ConsultationFields() {
  const { t } = useTranslation();
  const {
    register,
    control,
    formState: { errors },
  } = useFormContext<ConsultationFieldValues>();
  const attributionMode = useWatch({ control, name: 'attributionMode' });
  const textChanges = useWatch({ control, name: 'textChanges' });
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
      <ChoiceField
        control={control}
        name="attributionMode"
        label={t('consultations.fields.attributionMode')}
        hint={t(`attribution.${attributionMode}.explanation`)}
        choices={ATTRIBUTION_MODES.map((choice) => ({
          value: choice,
          label: t(`attribution.${choice}.name`),
        }))}
      />
      <ChoiceField
        control={control}
        name="textChanges"
        label={t('consultations.fields.textChanges')}
        hint={t(`textChanges.${textChanges}.explanation`)}
        choices={TEXT_CHANGE_MODES.map((choice) => ({
          value: choice,
          label: t(`textChanges.${choice}.name`),
        }))}
      />
      <ChoiceField
        control={control}
        name="language"
        label={t('consultations.fields.language')}
        hint={t('consultations.fields.languageHint')}
        choices={LANGUAGES.map((choice) => ({
          value: choice,
          label: t(`languages.${choice}`),
        }))}
      />
    </>
  );
}
