import type { AgendaSession, GuidingQuestion, QuestionBody, Section } from '@cw/shared';
import { sharedSchemaResolver } from '../../lib/form-resolver';
import { Button, Flex, TextArea, TextField } from '@radix-ui/themes';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { showServerFieldErrors } from '../../lib/form-errors';
import { ChoiceField } from '../../ui/ChoiceField';
import { FormAlert } from '../../ui/ErrorCallout';
import { FormField } from '../../ui/FormField';
import { NO_SESSION, questionForm, questionValues } from './question-form';
import { SectionPicker } from './SectionPicker';

interface QuestionFormProps {
  question?: GuidingQuestion;
  sections: readonly Section[];
  sessions: readonly AgendaSession[];
  submitLabel: string;
  onSubmit: (body: QuestionBody, callbacks: { onError: (error: unknown) => void }) => void;
  isPending: boolean;
  error: unknown;
}

/** A guiding question with its number, linked sections and optional agenda session. */
export function QuestionForm({
  question,
  sections,
  sessions,
  submitLabel,
  onSubmit,
  isPending,
  error,
}: QuestionFormProps) {
  const { t } = useTranslation();
  const form = useForm({
    resolver: sharedSchemaResolver(questionForm),
    defaultValues: questionValues(question),
  });
  const {
    control,
    register,
    formState: { errors },
  } = form;

  const submit = form.handleSubmit((body) =>
    onSubmit(body, { onError: (failure) => showServerFieldErrors(form, failure) }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Flex direction="column" gap="3">
        <FormAlert error={error} />
        <Flex gap="3" wrap="wrap">
          <FormField
            label={t('structure.questions.fields.number')}
            hint={t('structure.questions.numberHint')}
            error={errors.number?.message}
          >
            {(field) => (
              <TextField.Root
                {...field}
                className="number-field"
                type="number"
                min={1}
                max={999}
                {...register('number')}
              />
            )}
          </FormField>
          <ChoiceField
            control={control}
            name="sessionId"
            label={t('structure.questions.fields.session')}
            choices={[
              { value: NO_SESSION, label: t('structure.questions.noSession') },
              ...sessions.map((choice) => ({ value: choice.id, label: choice.title })),
            ]}
          />
        </Flex>
        <FormField label={t('structure.questions.fields.text')} error={errors.text?.message}>
          {(field) => <TextArea {...field} rows={3} {...register('text')} />}
        </FormField>
        <Controller
          name="sectionIds"
          control={control}
          render={({ field: linked }) => (
            <SectionPicker
              legend={t('structure.questions.fields.sections')}
              sections={sections}
              selectedIds={linked.value}
              onChange={linked.onChange}
            />
          )}
        />
        <Flex>
          <Button type="submit" loading={isPending}>
            {submitLabel}
          </Button>
        </Flex>
      </Flex>
    </form>
  );
}
